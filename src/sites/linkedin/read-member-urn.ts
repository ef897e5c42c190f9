import { linkedInSlugFromHref } from './urls';
import { memberUrnLinks, sduiTopCard } from './selectors';

const LINKEDIN_ORIGIN = 'https://www.linkedin.com';

/** The member id a page shows for a profile: one, none, or several (a signal in disagreement). */
export type MemberUrnReading = { urn: string } | 'none' | 'conflict';

/**
 * The member URN (`ACoAA…`) of the profile in the top card. Evidence comes from the top card
 * (message links, the 2026 componentkey) and, failing that, from links elsewhere on the page
 * that point into the same profile (`/in/<slug>/details/…?profileUrn=…`, a post's
 * `/in/<slug>?miniProfileUrn=…`). Two different URNs mean the page names two members: 'conflict'.
 */
export function readMemberUrn(document: Document, card: Element | null, slug: string): MemberUrnReading {
  if (card) {
    const fromCard = new Set<string>();
    const componentKeyUrn = sduiTopCard.componentKeyUrn.exec(card.getAttribute('componentkey') ?? '')?.[1];
    if (componentKeyUrn) fromCard.add(componentKeyUrn);
    for (const link of card.querySelectorAll(memberUrnLinks.link)) {
      for (const urn of urnsInHref(link.getAttribute('href'))) fromCard.add(urn);
    }
    if (fromCard.size > 0) return only(fromCard);
  }

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
  for (const name of [memberUrnLinks.profileUrnParameter, memberUrnLinks.miniProfileUrnParameter]) {
    const urn = memberUrnLinks.profileUrn.exec(parameters.get(name) ?? '')?.[1];
    if (urn) urns.push(urn);
  }
  const recipient = parameters.get(memberUrnLinks.recipientParameter) ?? '';
  if (!profileUrnOnly && memberUrnLinks.bareUrn.test(recipient)) urns.push(recipient);
  return urns;
}

function only(urns: Set<string>): MemberUrnReading {
  if (urns.size === 0) return 'none';
  return urns.size === 1 ? { urn: [...urns][0] as string } : 'conflict';
}
