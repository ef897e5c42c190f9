import type { PageContext, PersonOnPage } from '../../model/page-context';
import { queryFirst } from '../query';
import { readContactInfo } from './read-contact-info';
import { readMemberUrn } from './read-member-urn';
import { readMessaging } from './read-messaging';
import { readSalesLead } from './read-sales-lead';
import { readTopCard, type TopCardReading } from './read-top-card';
import { identityLinks, messagingSelectors } from './selectors';
import {
  isLinkedInContactInfo,
  linkedInMessagingThreadId,
  linkedInSalesLeadId,
  linkedInSlugFromHref,
  linkedInSlugFromUrl,
} from './urls';

/**
 * Who a LinkedIn page shows: a profile's top card (and, on its contact-info overlay, the address
 * shown there), a conversation's other participant, a Sales Navigator lead. Pure: reads
 * `document` and `url` (and `now`, what a conversation's "Today" or "Monday" means), changes
 * nothing, and answers `person: null` rather than guess.
 */
export function recogniseLinkedInPage(document: Document, url: URL, now: number = Date.now()): PageContext {
  const base = { site: 'linkedin', url: url.href, person: null } as const;

  const threadId = linkedInMessagingThreadId(url);
  if (threadId !== null) return recogniseConversation(document, url, threadId, now);

  const leadId = linkedInSalesLeadId(url);
  if (leadId !== null) {
    const lead = readSalesLead(document, leadId);
    if (lead === 'stale') return { ...base, pageKind: 'linkedin-sales-lead', noPersonReason: 'stale-page' };
    return { ...base, pageKind: 'linkedin-sales-lead', person: lead, ...(lead ? {} : { noPersonReason: 'not-found' }) };
  }

  const slug = linkedInSlugFromUrl(url);
  if (slug === null) return recogniseChatOverlay(document, url, now) ?? { ...base, pageKind: 'linkedin-other' };

  if (isLinkedInContactInfo(url)) return recogniseContactInfo(document, url, slug);

  const profile = readProfile(document, slug);
  return { ...base, pageKind: 'linkedin-profile', ...profile };
}

function readProfile(document: Document, slug: string): Pick<PageContext, 'person' | 'noPersonReason'> {
  const topCard = readTopCard(document);
  if (!topCard) return { person: null, noPersonReason: 'not-found' };
  if (!belongsToSlug(topCard, slug)) return { person: null, noPersonReason: 'stale-page' };
  const urn = readMemberUrn(document, topCard.card, slug);
  const person: PersonOnPage = {
    name: topCard.name,
    linkedinSlug: slug,
    ...(urn ? { linkedinUrn: urn } : {}),
    ...(topCard.headline ? { headline: topCard.headline } : {}),
    ...(topCard.company ? { company: topCard.company } : {}),
    ...(topCard.location ? { location: topCard.location } : {}),
  };
  return { person };
}

/**
 * The overlay's address belongs to the profile the overlay links back to (the URL's slug): a
 * confirmed identity. The name comes from the top card behind it; with no top card on the page
 * the address stands in for the name rather than a guess.
 */
function recogniseContactInfo(document: Document, url: URL, slug: string): PageContext {
  const base = { site: 'linkedin', url: url.href, pageKind: 'linkedin-contact-info' } as const;
  const profile = readProfile(document, slug);
  if (profile.noPersonReason === 'stale-page') return { ...base, ...profile };
  const contact = readContactInfo(document, slug);
  if (!contact) return { ...base, ...profile };
  const person: PersonOnPage = profile.person
    ? { ...profile.person, email: contact.email }
    : { name: contact.email, email: contact.email, linkedinSlug: slug, ...(contact.urn ? { linkedinUrn: contact.urn } : {}) };
  return { ...base, person };
}

function recogniseConversation(document: Document, url: URL, threadId: string, now: number): PageContext {
  const pane = queryFirst(document, messagingSelectors.threadPane) ?? document;
  const reading = readMessaging(document, pane, threadId, now);
  const context: PageContext = {
    site: 'linkedin',
    url: url.href,
    pageKind: 'linkedin-messaging',
    person: reading.person,
    thread: { id: threadId },
  };
  if (reading.stale) return { ...context, noPersonReason: 'stale-page' };
  return {
    ...context,
    ...(reading.participants.length > 0 ? { participants: reading.participants } : {}),
    ...(reading.messages.length > 0 ? { messages: reading.messages } : {}),
    ...(!reading.person && reading.participants.length === 0 ? { noPersonReason: 'not-found' as const } : {}),
  };
}

/** An open chat bubble over a page that shows nobody (the feed, search, jobs). */
function recogniseChatOverlay(document: Document, url: URL, now: number): PageContext | null {
  const bubble = document.querySelector(messagingSelectors.overlayBubble);
  if (!bubble) return null;
  const reading = readMessaging(document, bubble, null, now);
  if (!reading.person && reading.participants.length === 0) return null;
  return {
    site: 'linkedin',
    url: url.href,
    pageKind: 'linkedin-messaging',
    person: reading.person,
    ...(reading.participants.length > 0 ? { participants: reading.participants } : {}),
    ...(reading.messages.length > 0 ? { messages: reading.messages } : {}),
  };
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
