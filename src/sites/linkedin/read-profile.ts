import type { PageContext, PageSignal, PersonOnPage } from '../../model/page-context';
import { queryFirst } from '../query';
import { visibleText } from '../visible-text';
import { readMemberUrn } from './read-member-urn';
import { readTopCard, type TopCardReading } from './read-top-card';
import { identityLinks, ownProfileControls, profileTitle, viewerSelectors } from './selectors';
import { isLinkedInProfileSubPage, isMemberId, linkedInSlugFromHref } from './urls';

export type ProfileReading = Pick<PageContext, 'person'> & Partial<Pick<PageContext, 'noPersonReason' | 'signals'>>;

/**
 * Who a profile page (or one of its sub-pages) shows, from independent signals that must agree:
 * the URL's profile id, the top card's name heading, the page title ("(3) Eugene Mann |
 * LinkedIn"), the links that name the profile, and the member id (`ACoAA…`) in them. A signal that
 * names someone else means nobody is shown, and the reading says which signal it was. A heading
 * found only by structure (a markup Margin has not seen) needs a second signal to be believed.
 * The user's own profile is never a person: it is "you".
 */
export function readProfile(document: Document, url: URL, slug: string): ProfileReading {
  const title = nameInTitle(document.title);
  const titleSignal: PageSignal = { signal: 'title', state: title ? 'found' : 'missing' };
  const topCard = readTopCard(document);
  if (!topCard) {
    if (isLinkedInProfileSubPage(url)) return readSubPage(document, slug, title);
    return nobody('not-found', [found('address'), missing('heading'), titleSignal]);
  }

  const links = identityLinksOf(topCard);
  const confirmedByLink = links.some((link) => linkedInSlugFromHref(link.getAttribute('href')) === slug);
  if (links.some((link) => !sameProfile(linkedInSlugFromHref(link.getAttribute('href')), slug))) {
    // The card names another profile: the previous page lingering, or a page that is not this profile.
    return topCard.byStructure
      ? nobody('not-found', [found('address'), found('heading'), disagrees('profile-link'), titleSignal])
      : nobody('stale-page');
  }
  if (title && !sameName(title, topCard.name)) {
    return nobody('signals-disagree', [found('address'), found('heading'), disagrees('title')]);
  }
  if (topCard.byStructure && !confirmedByLink && !title) {
    return nobody('not-found', [found('address'), found('heading'), missing('title'), missing('profile-link')]);
  }

  const urn = readMemberUrn(document, topCard.card, slug);
  if (urn === 'conflict' || (urn !== 'none' && isMemberId(slug) && urn.urn !== slug)) {
    return nobody('signals-disagree', [found('address'), found('heading'), disagrees('member-id')]);
  }
  if (isOwnProfile(document, slug, topCard.name)) return nobody('own-profile');

  // Opened by member id (`/in/ACoAA…/`, as messaging links people): the card's own links give the vanity slug.
  const vanitySlug = isMemberId(slug) ? links.map((link) => linkedInSlugFromHref(link.getAttribute('href'))).find((id) => id && !isMemberId(id)) : undefined;
  const person: PersonOnPage = {
    name: topCard.name,
    linkedinSlug: vanitySlug ?? slug,
    ...(urn !== 'none' ? { linkedinUrn: urn.urn } : isMemberId(slug) ? { linkedinUrn: slug } : {}),
    ...(topCard.headline ? { headline: topCard.headline } : {}),
    ...(topCard.company ? { company: topCard.company } : {}),
    ...(topCard.location ? { location: topCard.location } : {}),
  };
  return { person };
}

/**
 * A sub-page (`/details/experience/`, `/recent-activity/all/`) has no top card. Its title names
 * the person ("Activity | Steve Hind | LinkedIn"), and a link on the page to the URL's profile
 * must name them too: the title alone can still be the previous page's for a moment.
 */
function readSubPage(document: Document, slug: string, title: string | null): ProfileReading {
  if (!title) return nobody('not-found', [found('address'), missing('heading'), missing('title')]);
  const toProfile = [...document.querySelectorAll('a[href*="/in/"]')].filter((link) => linkedInSlugFromHref(link.getAttribute('href')) === slug);
  if (!toProfile.some((link) => linkNames(link, title))) {
    return nobody('not-found', [found('address'), found('title'), missing('profile-link')]);
  }
  const urn = readMemberUrn(document, null, slug);
  if (urn === 'conflict' || (urn !== 'none' && isMemberId(slug) && urn.urn !== slug)) {
    return nobody('signals-disagree', [found('address'), found('title'), found('profile-link'), disagrees('member-id')]);
  }
  if (isOwnProfile(document, slug, title)) return nobody('own-profile');
  return {
    person: { name: title, linkedinSlug: slug, ...(urn !== 'none' ? { linkedinUrn: urn.urn } : isMemberId(slug) ? { linkedinUrn: slug } : {}) },
  };
}

/**
 * The person a LinkedIn title names: "(3) Eugene Mann | LinkedIn" → "Eugene Mann",
 * "Activity | Steve Hind | LinkedIn" → "Steve Hind". Null for any other shape (no title, a
 * title in another form): then the title is no signal at all.
 */
export function nameInTitle(title: string): string | null {
  const parts = title.replace(profileTitle.unreadCount, '').split(profileTitle.separator).map((part) => part.trim());
  if (parts.length < 2 || parts.at(-1) !== profileTitle.site) return null;
  return parts.at(-2) || null;
}

/** Two spellings of one name ("Eugene Mann" / "eugene  mann"), letters and digits compared only. */
export function sameName(a: string, b: string): boolean {
  const key = (name: string) => name.normalize('NFKC').toLocaleLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return key(a) !== '' && key(a) === key(b);
}

/**
 * The profile is the user's own: controls only its owner sees ("Edit intro", "Add profile
 * section"), or the global nav's "Me" menu links to this profile or names this person.
 */
export function isOwnProfile(document: Document, slug: string, name: string): boolean {
  if (queryFirst(document, ownProfileControls.selectors)) return true;
  for (const control of document.querySelectorAll(ownProfileControls.labelled)) {
    if ((ownProfileControls.labels as readonly string[]).includes(visibleText(control))) return true;
  }
  const viewerSlug = linkedInSlugFromHref(queryFirst(document, viewerSelectors.profileLink)?.getAttribute('href'));
  if (viewerSlug !== null && viewerSlug === slug) return true;
  const viewerName = queryFirst(document, viewerSelectors.name)?.getAttribute('alt') ?? '';
  return sameName(viewerName, name);
}

/** The card's links that say whose card it is: around the name, Contact info, "… <name>" action labels. */
function identityLinksOf(topCard: TopCardReading): Element[] {
  const { card, nameElement, name } = topCard;
  const links = new Set<Element>();
  const nameLink = nameElement.closest('a[href]');
  if (nameLink && card.contains(nameLink)) links.add(nameLink);
  for (const link of card.querySelectorAll(identityLinks.contactInfoLink)) links.add(link);
  for (const link of card.querySelectorAll(identityLinks.labelledLink)) {
    if (link.getAttribute('aria-label')?.includes(name)) links.add(link);
  }
  return [...links].filter((link) => linkedInSlugFromHref(link.getAttribute('href')) !== null);
}

/**
 * Whether a card link may belong to the URL's profile: the same id (vanity slugs are lower-cased
 * already, member ids compared exactly), or, on a page opened by member id, a vanity slug (the
 * member id then decides).
 */
function sameProfile(linkSlug: string | null, slug: string): boolean {
  return linkSlug === null || linkSlug === slug || (isMemberId(slug) && !isMemberId(linkSlug));
}

/** Whether a link shows the name: its text, its label ("Steve Hind, graphic."), or its image's alt. */
function linkNames(link: Element, name: string): boolean {
  const labels = [visibleText(link), link.getAttribute('aria-label') ?? '', link.getAttribute('title') ?? '', link.querySelector('img[alt]')?.getAttribute('alt') ?? ''];
  return labels.some((label) => sameName(label, name) || sameName(label.split(/[,•·|]/)[0]?.replace(/^View:?/, '') ?? '', name));
}

const found = (signal: PageSignal['signal']): PageSignal => ({ signal, state: 'found' });
const missing = (signal: PageSignal['signal']): PageSignal => ({ signal, state: 'missing' });
const disagrees = (signal: PageSignal['signal']): PageSignal => ({ signal, state: 'disagrees' });

function nobody(noPersonReason: NonNullable<PageContext['noPersonReason']>, signals?: PageSignal[]): ProfileReading {
  return { person: null, noPersonReason, ...(signals ? { signals } : {}) };
}
