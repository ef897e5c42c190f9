import type { PageContext, PersonOnPage } from '../../page-context/page-context';
import { readMemberUrn } from './read-member-urn';
import { readTopCard, type TopCardReading } from './read-top-card';
import { identityLinks } from './selectors';
import { linkedInSlugFromHref, linkedInSlugFromUrl } from './urls';

/**
 * Who a LinkedIn profile page shows: the top card's person, identified by the slug in the URL.
 * Pure: reads `document` and `url`, changes nothing, and answers `person: null` rather than guess.
 */
export function recogniseLinkedInPage(document: Document, url: URL): PageContext {
  const slug = linkedInSlugFromUrl(url);
  if (slug === null) return { site: 'linkedin', url: url.href, pageKind: 'linkedin-other', person: null };

  const profile: PageContext = { site: 'linkedin', url: url.href, pageKind: 'linkedin-profile', person: null };
  const topCard = readTopCard(document);
  if (!topCard || !belongsToSlug(topCard, slug)) return profile;

  const urn = readMemberUrn(document, topCard.card, slug);
  const person: PersonOnPage = {
    name: topCard.name,
    linkedinSlug: slug,
    ...(urn ? { linkedinUrn: urn } : {}),
    ...(topCard.headline ? { headline: topCard.headline } : {}),
    ...(topCard.company ? { company: topCard.company } : {}),
    ...(topCard.location ? { location: topCard.location } : {}),
  };
  return { ...profile, person };
}

/**
 * LinkedIn is a single-page app: after moving from one profile to the next, the old top card can
 * linger under the new URL. The links that name the card's own profile (around the name, Contact
 * info, "… Priya Raman" action labels) must all point at the URL's slug; a wrong person is worse
 * than none. Links to other people (mutual connections) are not identity links and are ignored.
 */
function belongsToSlug(topCard: TopCardReading, slug: string): boolean {
  const { card, nameElement, name } = topCard;
  const links = new Set<Element>();
  const nameLink = nameElement.closest('a[href]');
  if (nameLink && card.contains(nameLink)) links.add(nameLink);
  for (const link of card.querySelectorAll(identityLinks.contactInfoLink)) links.add(link);
  for (const link of card.querySelectorAll(identityLinks.labelledLink)) {
    if (link.getAttribute('aria-label')?.includes(name)) links.add(link);
  }
  for (const link of links) {
    const linkSlug = linkedInSlugFromHref(link.getAttribute('href'));
    if (linkSlug !== null && linkSlug !== slug) return false;
  }
  return true;
}
