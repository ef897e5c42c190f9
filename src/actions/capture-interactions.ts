import {
  FORGOTTEN_SETTING,
  KEEP_SNIPPET_SETTING,
  MAX_FORGOTTEN,
  NEVER_LOG_SETTING,
  TRACK_REPLIES_SETTING,
  type CaptureSettings,
} from '../capture/capture-settings';
import {
  CAPTURING_PAGE_KINDS,
  identitiesOnPage,
  planCapture,
  repliedToPeople,
  type CapturePlan,
  type PlannedInteraction,
  type TrackedContact,
} from '../capture/plan-capture';
import { trackingPolicy, whyNotTracked, type NotTrackedReason, type TrackingPolicy } from '../capture/tracking-rules';
import { applyOwnAddresses } from '../identity/apply-own-addresses';
import { emailLookupKeys, linkedInLookupKeys, normaliseIdentities } from '../identity/identities-of-person';
import { allOwnAddresses, recordOwnAddresses } from '../db/own-addresses-repository';
import type { PageContext, PersonOnPage } from '../model/page-context';
import { createContactFromPerson, findContactByIdentity } from '../db/contacts-repository';
import type { MarginDb } from '../db/database';
import { newId } from '../db/ids';
import { derivedTables, recomputeContact } from './recompute-scores';
import type { Contact, Interaction, UndoRecord } from '../model/schemas';
import { getSetting, setSetting } from '../db/settings-repository';
import { recordUndo } from '../db/undo-repository';

export async function loadCaptureSettings(db: MarginDb): Promise<CaptureSettings> {
  const [neverLog, keepSnippet, trackReplies] = await Promise.all([
    getSetting(db, NEVER_LOG_SETTING),
    getSetting(db, KEEP_SNIPPET_SETTING),
    getSetting(db, TRACK_REPLIES_SETTING),
  ]);
  return { neverLog, keepSnippet, trackReplies };
}

/**
 * Who is never tracked: the user (every address of theirs Margin knows: each account's own and
 * the aliases added in Settings → Your addresses, plus what this page shows) and the never-log list.
 */
export async function loadTrackingPolicy(db: MarginDb, context: PageContext | null, settings?: CaptureSettings): Promise<TrackingPolicy> {
  const [capture, own] = await Promise.all([settings ?? loadCaptureSettings(db), allOwnAddresses(db)]);
  return trackingPolicy([...(context?.ownAddresses ?? []), ...own], capture.neverLog);
}

/**
 * The page context as the user's own addresses make it: the content script only knows the
 * addresses the page shows, so a message sent from an alias reads as someone else's until the
 * aliases Margin knows are applied. Capture applies them first, in the background, so a reply
 * from an alias is recorded as sent, whether or not the sidebar is open.
 */
async function withOwnAddressesApplied(db: MarginDb, context: PageContext): Promise<PageContext> {
  return applyOwnAddresses(context, await allOwnAddresses(db));
}

/**
 * Remembers the addresses a page showed as the user's (Gmail's title and account button), per
 * account, so every later capture and every sidebar knows them. The background does this for
 * every page context it receives, before capturing from it.
 */
export async function rememberOwnAddresses(db: MarginDb, context: PageContext, now: number): Promise<void> {
  if (!context.ownAddresses?.length) return;
  await recordOwnAddresses(db, {
    addresses: context.ownAddresses,
    ...(context.account !== undefined ? { accountIndex: context.account } : {}),
    now,
  });
}

export interface CaptureResult {
  added: Interaction[];
  /** Contacts created because the user replied to them ("track when I reply"). */
  tracked: Contact[];
  plan: CapturePlan;
}

const EMPTY: CaptureResult = { added: [], tracked: [], plan: { interactions: [], skipped: [] } };

/**
 * Captures what a page shows about tracked contacts: each message once (de-duplicated by message
 * id per contact, inside the same transaction, so two tabs on the same thread add it once), a
 * profile visit once a day. Then brings the scores of those who got something new up to date.
 */
export async function captureFromPageContext(db: MarginDb, shown: PageContext, now: number): Promise<CaptureResult> {
  if (!CAPTURING_PAGE_KINDS.has(shown.pageKind)) return EMPTY;
  const context = await withOwnAddressesApplied(db, shown);
  const settings = await loadCaptureSettings(db);
  const policy = await loadTrackingPolicy(db, context, settings);
  const identities = identitiesOnPage(context);
  if (identities.emails.length === 0 && identities.linkedinIds.length === 0) return EMPTY;

  // One transaction for the new rows and the scores they change: a worker stopped in the middle
  // leaves neither messages without their score nor a score without its messages.
  return db.transaction('rw', derivedTables(db), async (): Promise<CaptureResult> => {
    const contacts = await contactsWith(db, identities);
    const tracked: Contact[] = [];
    if (settings.trackReplies) {
      for (const person of repliedToPeople(context, contacts, policy)) {
        // Another capture (a second tab) may have created them a moment ago.
        const existing = await findContactByIdentity(db, normaliseIdentities({
          emails: person.email ? [person.email] : [],
          linkedinIds: person.linkedinSlug ? [person.linkedinSlug] : [],
        }));
        const contact = existing ?? (await createContactFromPerson(db, person, now));
        if (!existing) tracked.push(contact);
        contacts.push(contact);
      }
    }
    const plan = planCapture({ context, contacts, now, settings, policy });
    const added = await storeNew(db, plan.interactions, now);
    for (const contactId of new Set(added.map((interaction) => interaction.contactId))) {
      await recomputeContact(db, contactId, now);
    }
    return { added, tracked, plan };
  });
}

/** Contacts holding any of these identities, each once. */
async function contactsWith(db: MarginDb, identities: { emails: string[]; linkedinIds: string[] }): Promise<Contact[]> {
  const linkedinIds = linkedInLookupKeys(identities.linkedinIds);
  const emails = emailLookupKeys(identities.emails);
  const [byEmail, byLinkedIn] = await Promise.all([
    emails.length > 0 ? db.contacts.where('emails').anyOf(emails).toArray() : [],
    linkedinIds.length > 0 ? db.contacts.where('linkedinIds').anyOf(linkedinIds).toArray() : [],
  ]);
  const unique = new Map<string, Contact>();
  for (const contact of [...byEmail, ...byLinkedIn]) unique.set(contact.id, contact);
  return [...unique.values()];
}

function dedupKey(contactId: string, messageId: string): string {
  return `${contactId}\n${messageId}`;
}

/** Adds the planned interactions that are not stored yet (nor removed by the user). */
async function storeNew(db: MarginDb, planned: readonly PlannedInteraction[], now: number): Promise<Interaction[]> {
  if (planned.length === 0) return [];
  const messageIds = [...new Set(planned.map((item) => item.source.messageId))];
  // Rows stored before ids lost Gmail's leading "#" (the demo data) count as the same message.
  const lookup = [...messageIds, ...messageIds.map((id) => `#${id}`)];
  const [stored, forgotten] = await Promise.all([
    db.interactions.where('source.messageId').anyOf(lookup).toArray(),
    getSetting(db, FORGOTTEN_SETTING),
  ]);
  const known = new Set([
    ...stored.map((row) => dedupKey(row.contactId, (row.source.messageId ?? '').replace(/^#/, ''))),
    ...forgotten,
  ]);
  const rows: Interaction[] = [];
  for (const item of planned) {
    const key = dedupKey(item.contactId, item.source.messageId);
    if (known.has(key)) continue;
    known.add(key);
    rows.push({ id: newId(), ...item, createdAt: now, updatedAt: now });
  }
  if (rows.length > 0) await db.interactions.bulkAdd(rows);
  return rows;
}

export type TrackOutcome =
  | { tracked: true; contact: Contact; captured: CaptureResult }
  | { tracked: false; reason: NotTrackedReason };

/**
 * "Track": makes the person on the page a contact (unless Margin must never track them) and
 * captures what the page shows about them at once.
 */
export async function trackPerson(db: MarginDb, person: PersonOnPage, context: PageContext, now: number): Promise<TrackOutcome> {
  const policy = await loadTrackingPolicy(db, context);
  const reason = person.email ? whyNotTracked(person.email, policy) : null;
  if (reason) return { tracked: false, reason };
  const identities = normaliseIdentities({
    emails: person.email ? [person.email] : [],
    linkedinIds: [person.linkedinSlug, person.linkedinUrn].filter((id): id is string => Boolean(id)),
  });
  // A new contact has their (empty) activity row and score from the start.
  const contact = await db.transaction('rw', derivedTables(db), async () => {
    const found = (await findContactByIdentity(db, identities)) ?? (await createContactFromPerson(db, person, now));
    await recomputeContact(db, found.id, now);
    return found;
  });
  const captured = await captureFromPageContext(db, context, now);
  return { tracked: true, contact, captured };
}

/** What capture would add for an untracked person: shown beside "Track". */
export async function previewCapture(db: MarginDb, person: PersonOnPage, context: PageContext, now: number): Promise<CapturePlan & { notTracked: NotTrackedReason | null }> {
  const settings = await loadCaptureSettings(db);
  const policy = await loadTrackingPolicy(db, context, settings);
  const notTracked = person.email ? whyNotTracked(person.email, policy) : null;
  const preview: TrackedContact = { id: 'preview', name: person.name, ...normaliseIdentities({
    emails: person.email ? [person.email] : [],
    linkedinIds: [person.linkedinSlug, person.linkedinUrn].filter((id): id is string => Boolean(id)),
  }) };
  return { ...planCapture({ context, contacts: [preview], now, settings, policy }), notTracked };
}

/**
 * Removes a captured item and remembers it, so that opening its thread again does not capture it
 * again. Undo puts it back exactly.
 */
export async function removeCapturedInteraction(db: MarginDb, interactionId: string, now: number): Promise<UndoRecord | undefined> {
  return db.transaction('rw', [...derivedTables(db), db.undo], async () => {
    const interaction = await db.interactions.get(interactionId);
    if (!interaction) return undefined;
    await db.interactions.delete(interactionId);
    const messageId = interaction.source.messageId?.replace(/^#/, '');
    if (messageId) {
      const forgotten = await getSetting(db, FORGOTTEN_SETTING);
      await setSetting(db, FORGOTTEN_SETTING, [...forgotten, dedupKey(interaction.contactId, messageId)].slice(-MAX_FORGOTTEN));
    }
    const undo = await recordUndo(db, { kind: 'delete-interaction', label: 'Captured item removed', before: { interactions: [interaction] }, now });
    await recomputeContact(db, interaction.contactId, now);
    return undo;
  });
}
