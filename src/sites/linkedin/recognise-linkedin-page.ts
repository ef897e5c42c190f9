import type { PageContext, PersonOnPage } from '../../model/page-context';
import { queryFirst } from '../query';
import { readContactInfo } from './read-contact-info';
import { readMessaging } from './read-messaging';
import { isOwnProfile, readProfile } from './read-profile';
import { readSalesLead } from './read-sales-lead';
import { messagingSelectors } from './selectors';
import { isLinkedInContactInfo, linkedInMessagingThreadId, linkedInSalesLeadId, linkedInSlugFromUrl } from './urls';

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

  return { ...base, pageKind: 'linkedin-profile', ...readProfile(document, url, slug) };
}

/**
 * The overlay's address belongs to the profile the overlay links back to (the URL's slug): a
 * confirmed identity. The name comes from the top card behind it; with no top card on the page
 * the address stands in for the name rather than a guess.
 */
function recogniseContactInfo(document: Document, url: URL, slug: string): PageContext {
  const base = { site: 'linkedin', url: url.href, pageKind: 'linkedin-contact-info' } as const;
  const profile = readProfile(document, url, slug);
  // Only a profile with nobody found yet may be named by its overlay's address alone.
  if (profile.noPersonReason !== undefined && profile.noPersonReason !== 'not-found') return { ...base, ...profile };
  const contact = readContactInfo(document, slug);
  if (!contact) return { ...base, ...profile };
  if (!profile.person && isOwnProfile(document, slug, '')) return { ...base, person: null, noPersonReason: 'own-profile' };
  const person: PersonOnPage = profile.person
    ? { ...profile.person, email: contact.email }
    : { name: contact.email, email: contact.email, linkedinSlug: slug, ...(contact.urn ? { linkedinUrn: contact.urn } : {}) };
  return { ...base, person };
}

function recogniseConversation(document: Document, url: URL, threadId: string, now: number): PageContext {
  const paneElement = queryFirst(document, messagingSelectors.threadPane);
  const pane = paneElement ?? document;
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
    ...(!reading.person && reading.participants.length === 0
      ? {
          noPersonReason: 'not-found' as const,
          signals: [
            { signal: 'address', state: 'found' },
            { signal: 'conversation', state: paneElement ? 'found' : 'missing' },
            { signal: 'messages', state: reading.messages.length > 0 ? 'found' : 'missing' },
            { signal: 'profile-link', state: 'missing' },
          ],
        }
      : {}),
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
