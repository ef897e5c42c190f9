import type { Contact, InteractionKind, InteractionSource } from '../model/schemas';
import { linkedInLookupKeys } from '../identity/identities-of-person';
import { canonicalEmail } from '../identity/normalise';
import type { Addressee, MessageOnPage, PageContext, PersonOnPage } from '../model/page-context';
import { PAGE_KIND_TABLE, PAGE_KINDS } from '../model/page-kinds';
import { SITE_TABLE } from '../model/sites';
import type { CaptureSettings } from './capture-settings';
import { isMassMessage, whyNotTracked, type NotTrackedReason, type TrackingPolicy } from './tracking-rules';

/**
 * Activity capture as a pure function: a page context and the tracked contacts it may concern in,
 * the interactions to add out. The database step (src/actions/capture-interactions.ts) then drops
 * what is already stored (by message id) and writes the rest in one transaction.
 *
 * Metadata only: who, when, which thread and message, a subject. A message's text only when the
 * user turned on "keep a snippet", and then only the snippet the page context carries (its first
 * 200 characters, quotes left out), stored as plain text.
 */

export type TrackedContact = Pick<Contact, 'id' | 'name' | 'emails' | 'linkedinIds'>;

export interface PlannedInteraction {
  contactId: string;
  at: number;
  kind: InteractionKind;
  subject?: string;
  /** The message's snippet, only with "keep a snippet" on. */
  body?: string;
  source: InteractionSource & { messageId: string };
}

export type SkipReason =
  | 'no-message-id'
  | 'no-time'
  | 'future-dated'
  | 'mass-message'
  | NotTrackedReason;

export interface SkippedMessage {
  messageId?: string;
  reason: SkipReason;
}

export interface CapturePlan {
  interactions: PlannedInteraction[];
  skipped: SkippedMessage[];
}

export interface CaptureFacts {
  context: PageContext;
  /** Tracked contacts who may appear on the page; only they get interactions. */
  contacts: readonly TrackedContact[];
  now: number;
  settings: Pick<CaptureSettings, 'keepSnippet'>;
  policy: TrackingPolicy;
  /** How a view's calendar day is named; the user's local day by default. */
  dayOf?: (at: number) => string;
}

/** Messages can carry a clock a little ahead of ours; further ahead is refused. */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

export const CAPTURING_PAGE_KINDS: ReadonlySet<PageContext['pageKind']> = new Set(
  PAGE_KINDS.filter((kind) => PAGE_KIND_TABLE[kind].captures !== null),
);

export function planCapture(facts: CaptureFacts): CapturePlan {
  const { context } = facts;
  const plan: CapturePlan = { interactions: [], skipped: [] };
  if (!CAPTURING_PAGE_KINDS.has(context.pageKind) || facts.contacts.length === 0) return plan;

  const visitKind = SITE_TABLE[context.site].visitKind;
  if (PAGE_KIND_TABLE[context.pageKind].captures === 'messages-and-visit' && visitKind) {
    const person = context.person;
    const contact = person ? facts.contacts.find((candidate) => isPerson(candidate, person)) : undefined;
    if (contact) plan.interactions.push(visit(contact, visitKind, context, facts.now, facts.dayOf ?? localDay));
  }

  const seen = new Set<string>();
  for (const message of context.messages ?? []) {
    for (const planned of planMessage(message, facts, plan.skipped)) {
      const key = `${planned.contactId}\n${planned.source.messageId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      plan.interactions.push(planned);
    }
  }
  return plan;
}

function planMessage(message: MessageOnPage, facts: CaptureFacts, skipped: SkippedMessage[]): PlannedInteraction[] {
  const { context, now, policy } = facts;
  const skip = (reason: SkipReason): PlannedInteraction[] => {
    skipped.push({ ...(message.id ? { messageId: message.id } : {}), reason });
    return [];
  };
  if (!message.id) return skip('no-message-id');
  if (message.at === undefined) return skip('no-time');
  if (message.at > now + FUTURE_TOLERANCE_MS) return skip('future-dated');
  if (isMassMessage(message)) return skip('mass-message');

  const site = SITE_TABLE[context.site];
  const emailThread = site.conversation === 'email-thread';
  const fromUser = message.fromUser || (message.from.email !== undefined && whyNotTracked(message.from.email, policy) === 'own-address');
  const messageId = normaliseMessageId(message.id);
  const source: PlannedInteraction['source'] = {
    site: context.site,
    url: context.url,
    ...(context.thread?.id ? { threadId: context.thread.id } : {}),
    messageId,
  };
  const base = (contact: TrackedContact, kind: InteractionKind): PlannedInteraction => ({
    contactId: contact.id,
    at: message.at as number,
    kind,
    ...(emailThread && context.thread?.subject ? { subject: context.thread.subject } : {}),
    ...(facts.settings.keepSnippet && message.snippet ? { body: message.snippet } : {}),
    source,
  });

  if (!fromUser) {
    const sender = facts.contacts.find((contact) => isAddressee(contact, message.from, context));
    if (!sender) return [];
    if (message.from.email) {
      const reason = whyNotTracked(message.from.email, policy);
      if (reason) return skip(reason);
    }
    return [base(sender, site.messageKinds.in)];
  }

  const recipients = [...message.to, ...message.cc];
  // An email thread shows no recipients on a collapsed message: a reply goes to the thread's
  // people, so it counts for each tracked contact who wrote in it. In a chat, only one-to-one.
  const recipientsUnknown = recipients.length === 0 && (emailThread || (context.participants?.length ?? 0) <= 1);
  const out: PlannedInteraction[] = [];
  for (const contact of facts.contacts) {
    const addressed = recipients.find((recipient) => isAddressee(contact, recipient, context));
    const inTheConversation =
      recipientsUnknown &&
      (emailThread
        ? (context.messages ?? []).some((other) => !other.fromUser && isAddressee(contact, other.from, context))
        : context.person !== null && isPerson(contact, context.person));
    if (!addressed && !inTheConversation) continue;
    if (addressed?.email && whyNotTracked(addressed.email, policy)) continue;
    out.push(base(contact, site.messageKinds.out));
  }
  return out;
}

function visit(
  contact: TrackedContact,
  kind: InteractionKind,
  context: PageContext,
  now: number,
  dayOf: (at: number) => string,
): PlannedInteraction {
  return {
    contactId: contact.id,
    at: now,
    kind,
    // `linkedin-view:<day>`: the de-duplication key makes "once a day" the same check as a message's.
    source: { site: context.site, url: context.url, messageId: `${kind}:${dayOf(now)}` },
  };
}

/** Gmail's `data-message-id` is `#msg-f:…`; the recogniser drops the `#`. Stored without it. */
export function normaliseMessageId(id: string): string {
  return id.replace(/^#/, '');
}

/** The user's calendar day, `YYYY-MM-DD`. */
export function localDay(at: number): string {
  const date = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function isPerson(contact: TrackedContact, person: PersonOnPage): boolean {
  return (
    hasEmail(contact, person.email) ||
    hasLinkedinId(contact, person.linkedinSlug) ||
    hasLinkedinId(contact, person.linkedinUrn) ||
    hasLinkedinId(contact, person.linkedinSalesId ? `sales:${person.linkedinSalesId}` : undefined)
  );
}

/**
 * Whether a message header names this contact. On a LinkedIn conversation a header may carry
 * only a name: then it is the contact only when the conversation is with the person shown.
 */
function isAddressee(contact: TrackedContact, addressee: Addressee, context: PageContext): boolean {
  if (addressee.email || addressee.linkedinSlug) {
    return hasEmail(contact, addressee.email) || hasLinkedinId(contact, addressee.linkedinSlug);
  }
  return (
    SITE_TABLE[context.site].conversation === 'chat' &&
    context.person !== null &&
    isPerson(contact, context.person) &&
    addressee.name !== undefined &&
    addressee.name.trim().toLowerCase() === context.person.name.trim().toLowerCase()
  );
}

function hasEmail(contact: TrackedContact, email: string | undefined): boolean {
  if (!email) return false;
  const canonical = canonicalEmail(email);
  return canonical !== undefined && contact.emails.some((stored) => canonicalEmail(stored) === canonical);
}

function hasLinkedinId(contact: TrackedContact, id: string | undefined): boolean {
  if (!id) return false;
  return linkedInLookupKeys([id]).some((key) => contact.linkedinIds.includes(key));
}

/**
 * People the user wrote to on this page who are not tracked yet, for "track when I reply": each
 * recipient of a message from the user that is neither a mass message nor to anyone Margin never
 * tracks.
 */
export function repliedToPeople(
  context: PageContext,
  tracked: readonly TrackedContact[],
  policy: TrackingPolicy,
): PersonOnPage[] {
  const found = new Map<string, PersonOnPage>();
  for (const message of context.messages ?? []) {
    if (!message.fromUser || isMassMessage(message)) continue;
    for (const recipient of [...message.to, ...message.cc]) {
      if (recipient.email) {
        const canonical = canonicalEmail(recipient.email);
        if (!canonical || found.has(canonical) || whyNotTracked(recipient.email, policy)) continue;
        if (tracked.some((contact) => hasEmail(contact, recipient.email))) continue;
        found.set(canonical, { name: recipient.name ?? recipient.email, email: recipient.email });
      } else if (recipient.linkedinSlug && !tracked.some((contact) => hasLinkedinId(contact, recipient.linkedinSlug))) {
        found.set(`in:${recipient.linkedinSlug}`, { name: recipient.name ?? recipient.linkedinSlug, linkedinSlug: recipient.linkedinSlug });
      }
    }
  }
  if (SITE_TABLE[context.site].conversation === 'chat' && context.person && (context.participants?.length ?? 0) <= 1) {
    const person = context.person;
    const repliedInOneToOne = (context.messages ?? []).some((message) => message.fromUser && message.to.length + message.cc.length === 0);
    if (repliedInOneToOne && !tracked.some((contact) => isPerson(contact, person))) found.set('person', person);
  }
  return [...found.values()];
}

/** Every email address and LinkedIn id on the page: which contacts capture has to look up. */
export function identitiesOnPage(context: PageContext): { emails: string[]; linkedinIds: string[] } {
  const emails = new Set<string>();
  const linkedinIds = new Set<string>();
  const addPerson = (person: PersonOnPage) => {
    if (person.email) emails.add(person.email);
    for (const id of [person.linkedinSlug, person.linkedinUrn, person.linkedinSalesId ? `sales:${person.linkedinSalesId}` : undefined]) {
      if (id) linkedinIds.add(id);
    }
  };
  if (context.person) addPerson(context.person);
  for (const message of context.messages ?? []) {
    for (const addressee of [message.from, ...message.to, ...message.cc]) {
      if (addressee.email) emails.add(addressee.email);
      if (addressee.linkedinSlug) linkedinIds.add(addressee.linkedinSlug);
    }
  }
  return { emails: [...emails], linkedinIds: [...linkedinIds] };
}
