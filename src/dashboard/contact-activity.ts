import Dexie from 'dexie';
import type { MarginDb } from '../db/database';
import type { Contact, Interaction } from '../model/schemas';
import { contactActivity, type ContactActivity } from '../metrics/contact-activity';
import { surgeOf, SURGE_WINDOW_DAYS } from '../metrics/surge';
import { DAY_MS } from '../metrics/engagement-score';

export type { ContactActivity };

/**
 * The dashboard reads a person's activity from the contact row, where the score recompute caches
 * it. A row without the cache (`surge` absent: restored from an older backup, or imported, and
 * not recomputed yet) is read from that person's own interactions instead (`readUncachedActivity`).
 */
export function hasCachedActivity(contact: Contact): boolean {
  return contact.surge !== undefined;
}

export function activityOf(contact: Contact, uncached?: ReadonlyMap<string, ContactActivity>): ContactActivity {
  if (hasCachedActivity(contact)) {
    return {
      ...(contact.lastTouchAt === undefined ? {} : { lastTouchAt: contact.lastTouchAt }),
      ...(contact.lastSentiment === undefined ? {} : { lastSentiment: contact.lastSentiment }),
      surge: contact.surge === true,
    };
  }
  return uncached?.get(contact.id) ?? { surge: false };
}

/** Ids of the contacts whose activity is not cached yet, in id order. */
export function uncachedIds(contacts: readonly Contact[]): string[] {
  return contacts
    .filter((contact) => !hasCachedActivity(contact))
    .map((contact) => contact.id)
    .sort();
}

/** A short, stable key for a list of ids (query keys must not hold 100,000 ids). */
export function idsKey(ids: readonly string[]): string {
  let hash = 0x811c9dc5;
  for (const id of ids) {
    for (let index = 0; index < id.length; index += 1) hash = Math.imul(hash ^ id.charCodeAt(index), 0x01000193);
    hash = Math.imul(hash ^ 10, 0x01000193);
  }
  return `${ids.length}:${(hash >>> 0).toString(36)}`;
}

const PARALLEL_READS = 200;

/** The activity of the given contacts, each from its own range of `[contactId+at]`. */
export async function readUncachedActivity(db: MarginDb, ids: readonly string[], now: number): Promise<Map<string, ContactActivity>> {
  const activity = new Map<string, ContactActivity>();
  for (let start = 0; start < ids.length; start += PARALLEL_READS) {
    const chunk = ids.slice(start, start + PARALLEL_READS);
    const read = await Promise.all(chunk.map((id) => interactionsOf(db, id)));
    chunk.forEach((id, index) => activity.set(id, contactActivity(read[index]!, now)));
  }
  return activity;
}

function interactionsOf(db: MarginDb, contactId: string, from: number | typeof Dexie.minKey = Dexie.minKey): Promise<Interaction[]> {
  return db.interactions.where('[contactId+at]').between([contactId, from], [contactId, Dexie.maxKey], true, true).toArray();
}

/**
 * The person's own touches in the last 7 days (see `surgeOf`) of the people whose cached surge is on (a surge is cached when it
 * starts, by the recompute a new interaction triggers, and may have ended since just by time
 * passing): a few small index ranges, never the whole table.
 */
export async function readSurgeTouches(db: MarginDb, ids: readonly string[], now: number): Promise<Map<string, number>> {
  const since = now - SURGE_WINDOW_DAYS * DAY_MS;
  const touches = new Map<string, number>();
  for (let start = 0; start < ids.length; start += PARALLEL_READS) {
    const chunk = ids.slice(start, start + PARALLEL_READS);
    const read = await Promise.all(chunk.map((id) => interactionsOf(db, id, since)));
    chunk.forEach((id, index) => {
      touches.set(id, surgeOf(read[index]!, now).touches);
    });
  }
  return touches;
}

/** At most this many people are found by note text; the search stops there. */
export const NOTE_SEARCH_MAX_CONTACTS = 200;
/** Notes are read this many at a time, newest first. */
export const NOTE_SEARCH_PAGE_SIZE = 1_000;

export interface NoteSearchResult {
  /** People with a note containing the text, newest note first. */
  contactIds: Set<string>;
  /** False when the search stopped at `maxContacts`: more people may have matching notes. */
  complete: boolean;
  /** How many notes were read, for tests and the benchmark. */
  notesRead: number;
}

/**
 * People whose notes (kind 'note': body, objection, emotion, next step, template answers)
 * contain the text, in any case. Walks the `[kind+at]` index newest first, a page at a time,
 * and stops once `maxContacts` people are found instead of reading every note.
 */
export async function searchNoteText(
  db: MarginDb,
  text: string,
  { maxContacts = NOTE_SEARCH_MAX_CONTACTS, pageSize = NOTE_SEARCH_PAGE_SIZE }: { maxContacts?: number; pageSize?: number } = {},
): Promise<NoteSearchResult> {
  const needle = text.trim().toLocaleLowerCase();
  const contactIds = new Set<string>();
  let notesRead = 0;
  if (needle.length < 2) return { contactIds, complete: true, notesRead };
  // Pages end at a time; the next page starts at that time again and skips the ids already read
  // there, so notes written in the same millisecond are neither skipped nor read twice.
  let upper: number | typeof Dexie.maxKey = Dexie.maxKey;
  let seenAtUpper = new Set<string>();
  for (;;) {
    const limit = pageSize + seenAtUpper.size;
    const page: Interaction[] = await db.interactions
      .where('[kind+at]')
      .between(['note', Dexie.minKey], ['note', upper], true, true)
      .reverse()
      .limit(limit)
      .toArray();
    const fresh = page.filter((note) => !seenAtUpper.has(note.id));
    notesRead += fresh.length;
    for (const note of fresh) {
      if (contactIds.has(note.contactId) || !noteContains(note, needle)) continue;
      contactIds.add(note.contactId);
      if (contactIds.size >= maxContacts) return { contactIds, complete: false, notesRead };
    }
    if (page.length < limit) return { contactIds, complete: true, notesRead };
    const lastAt: number = page.at(-1)!.at;
    seenAtUpper = new Set([...(lastAt === upper ? seenAtUpper : []), ...page.filter((note) => note.at === lastAt).map((note) => note.id)]);
    upper = lastAt;
  }
}

function noteContains(note: Interaction, needle: string): boolean {
  const fields = [note.body, note.objection, note.emotion, note.nextStep, ...Object.values(note.templateFields ?? {})];
  return fields.some((value) => value?.toLocaleLowerCase().includes(needle));
}
