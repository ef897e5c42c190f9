import { linkedInSlugFromHref } from './urls';
import { memberUrnLinks, sduiTopCard } from './selectors';

const LINKEDIN_ORIGIN = 'https://www.linkedin.com';

/**
 * The member URN (`ACoAA…`) of the profile in the top card, or null. Evidence comes from the top
 * card (message links, the 2026 componentkey) and, failing that, from links elsewhere on the page
 * that point into the same profile (`/in/<slug>/details/…?profileUrn=…`). Two different URNs mean
 * the page is ambiguous, so none is returned.
 */
export function readMemberUrn(document: Document, card: Element, slug: string): string | null {
  const fromCard = new Set<string>();
  const componentKeyUrn = sduiTopCard.componentKeyUrn.exec(card.getAttribute('componentkey') ?? '')?.[1];
  if (componentKeyUrn) fromCard.add(componentKeyUrn);
  for (const link of card.querySelectorAll(memberUrnLinks.link)) {
    for (const urn of urnsInHref(link.getAttribute('href'))) fromCard.add(urn);
  }
  if (fromCard.size > 0) return only(fromCard);

  const fromProfileLinks = new Set<string>();
  for (const link of document.querySelectorAll(memberUrnLinks.link)) {
    const href = link.getAttribute('href');
    if (linkedInSlugFromHref(href) !== slug) continue;
    for (const urn of urnsInHref(href, { profileUrnOnly: true })) fromProfileLinks.add(urn);
  }
  return only(fromProfileLinks);
}

function urnsInHref(href: string | null, { profileUrnOnly = false } = {}): string[] {
  if (!href) return [];
  let parameters: URLSearchParams;
  try {
    parameters = new URL(href, LINKEDIN_ORIGIN).searchParams;
  } catch {
    return [];
  }
  const urns: string[] = [];
  const profileUrn = memberUrnLinks.profileUrn.exec(parameters.get(memberUrnLinks.profileUrnParameter) ?? '')?.[1];
  if (profileUrn) urns.push(profileUrn);
  const recipient = parameters.get(memberUrnLinks.recipientParameter) ?? '';
  if (!profileUrnOnly && memberUrnLinks.bareUrn.test(recipient)) urns.push(recipient);
  return urns;
}

function only(urns: Set<string>): string | null {
  return urns.size === 1 ? ([...urns][0] ?? null) : null;
}
