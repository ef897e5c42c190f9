import Dexie from 'dexie';
import * as z from 'zod/mini';
import { sameActivity } from '../metrics/contact-activity';
import { activityHolds, contactActivityOf, scoreOfActivity, scoreSettingsKey, summariseActivity } from '../metrics/person-activity';
import { SCORE_SETTINGS, type ScoreSettings } from '../metrics/score-settings';
import { chooseSuggestion, stageCandidatesOf, type StageCandidate } from '../metrics/stage-rules';
import type { MarginDb } from '../db/database';
import type { PersonActivity } from '../model/person-activity';
import type { Contact, Interaction, StageSuggestion } from '../model/schemas';
import { newId } from '../db/ids';
import { getSetting, setSetting } from '../db/settings-repository';
import { defineSetting } from '../model/define-setting';

/** When the daily recompute last went through everyone (a settings row). */
export const LAST_FULL_RECOMPUTE_SETTING = defineSetting<number | null>({
  key: 'metrics.lastFullRecomputeAt',
  schema: z.nullable(z.number()),
  fallback: null,
});
export const RECOMPUTE_BATCH_SIZE = 1_000;

/**
 * The tables a write must hold to keep a person's derived data current in its own transaction
 * (`refreshContacts`): a use case that changes interactions includes these in its scope.
 */
export function derivedTables(db: MarginDb) {
  return [db.contacts, db.interactions, db.suggestions, db.activity, db.settings];
}

export interface ContactEvaluation {
  score: number;
  /** The contact row to store, or null when its cached score and activity are already right. */
  contact: Contact | null;
  /** The activity row to store, or null when the stored one still holds. */
  activity: PersonActivity | null;
  suggestions: SuggestionWrites;
}

/**
 * A contact's score, the fields the dashboard filters by (last touch, last sentiment, surge) and
 * stage suggestion at `now`, from their activity row (decayed on read), and what to write for
 * them. Pure: the single-contact and the everyone paths share it, so they cannot disagree.
 */
export function evaluateActivity(
  contact: Contact,
  activity: PersonActivity,
  suggestions: readonly StageSuggestion[],
  now: number,
  settings: ScoreSettings,
): ContactEvaluation {
  const score = scoreOfActivity(activity, now, settings);
  const cached = contactActivityOf(activity, now);
  // Only a changed row is written: most scores a daily decay recomputes stay the same integer
  // (and most surges stay off), and an untouched row is a write (and a live-query wake-up) saved.
  const changed = contact.score !== score || contact.scoreComputedAt === undefined || !sameActivity(contact, cached);
  const chosen = chooseSuggestion(stageCandidatesOf({ contact, activity, now, settings }), suggestions);
  // A field that no longer applies (the only touch was deleted) is removed, not set to undefined.
  const { lastTouchAt: _lastTouchAt, lastSentiment: _lastSentiment, surge: _surge, ...rest } = contact;
  return {
    score,
    contact: changed ? { ...rest, score, scoreComputedAt: now, ...cached } : null,
    activity: null,
    suggestions: reconcileSuggestions(contact.id, suggestions, chosen, now),
  };
}

/** The same from the person's interactions (any order): their activity row is summarised first, and stored. */
export function evaluateContact(
  contact: Contact,
  interactions: readonly Interaction[],
  suggestions: readonly StageSuggestion[],
  now: number,
  settings: ScoreSettings,
): ContactEvaluation {
  const activity = summariseActivity(contact.id, interactions, now, settings);
  return { ...evaluateActivity(contact, activity, suggestions, now, settings), activity };
}

/**
 * Brings one contact's derived data (activity row, cached score and fields, open stage
 * suggestion) up to date from their interactions. Every use case that adds, changes, moves or
 * removes a person's interactions calls it inside its own transaction (which must hold
 * `derivedTables`), so the score a view shows is current the moment the write is. A contact
 * that no longer exists loses its activity row.
 */
export async function recomputeContact(db: MarginDb, contactId: string, now: number): Promise<ContactEvaluation | undefined> {
  return db.transaction('rw', derivedTables(db), async () => recomputeWithin(db, contactId, now, await getSetting(db, SCORE_SETTINGS)));
}

/** `recomputeContact`'s work, inside a transaction that holds `derivedTables`. */
async function recomputeWithin(
  db: MarginDb,
  contactId: string,
  now: number,
  settings: ScoreSettings,
  { keepStoredRows = false }: { keepStoredRows?: boolean } = {},
): Promise<ContactEvaluation | undefined> {
  const contact = await db.contacts.get(contactId);
  if (!contact) {
    await db.activity.delete(contactId);
    return undefined;
  }
  const [interactions, suggestions] = await Promise.all([
    db.interactions.where('[contactId+at]').between([contactId, Dexie.minKey], [contactId, Dexie.maxKey]).toArray(),
    db.suggestions.where('contactId').equals(contactId).toArray(),
  ]);
  const evaluation = evaluateContact(contact, interactions, suggestions, now, settings);
  await write(db, [keepStoredRows ? { ...evaluation, contact: null, suggestions: { put: [], delete: [] } } : evaluation]);
  return evaluation;
}

/** Contacts read at once while refreshing many (a restore, a CSV import, a bulk edit). */
const REFRESH_CHUNK = 200;

/**
 * `recomputeContact` for each of these contacts (once each), in one transaction (the caller's,
 * when it holds `derivedTables`). `keepStoredRows` (an exact restore) writes only the activity
 * rows: the contacts and suggestions stay exactly as stored.
 */
export async function refreshContacts(
  db: MarginDb,
  contactIds: Iterable<string>,
  now: number,
  options: { keepStoredRows?: boolean } = {},
): Promise<void> {
  const unique = [...new Set(contactIds)];
  if (unique.length === 0) return;
  await db.transaction('rw', derivedTables(db), async () => {
    const settings = await getSetting(db, SCORE_SETTINGS);
    for (let start = 0; start < unique.length; start += REFRESH_CHUNK) {
      await Promise.all(unique.slice(start, start + REFRESH_CHUNK).map((contactId) => recomputeWithin(db, contactId, now, settings, options)));
    }
  });
}

export interface RecomputeAllResult {
  contacts: number;
  interactions: number;
  scoresChanged: number;
  suggestionsWritten: number;
}

/**
 * Recomputes everyone (the daily decay), a batch of contacts per transaction. Contacts are read
 * in id order, so one batch's interactions are one contiguous range of the `[contactId+at]`
 * index: two range reads and two bulk writes per thousand contacts.
 */
export async function recomputeAllContacts(
  db: MarginDb,
  now: number,
  { batchSize = RECOMPUTE_BATCH_SIZE }: { batchSize?: number } = {},
): Promise<RecomputeAllResult> {
  const result: RecomputeAllResult = { contacts: 0, interactions: 0, scoresChanged: 0, suggestionsWritten: 0 };
  let after: string | undefined;
  for (;;) {
    const piece = await recomputeContactsAfter(db, now, after, { batchSize, budgetMs: Infinity });
    addCounts(result, piece);
    after = piece.after;
    if (piece.done) break;
  }
  await setSetting(db, LAST_FULL_RECOMPUTE_SETTING, now);
  return result;
}

export interface RecomputePiece extends RecomputeAllResult {
  /** The last contact id recomputed: where the next piece starts. */
  after: string | undefined;
  /** Whether everyone after the starting point has been recomputed. */
  done: boolean;
}

/**
 * One piece of the everyone-recompute: batches of contacts after `after` (by id) until `budgetMs`
 * has passed or nobody is left. Each batch is its own transaction, so a piece that is cut off
 * (the service worker stopped) loses at most the batch under way, and starting again from the
 * last stored `after` recomputes it once more with the same result.
 */
export async function recomputeContactsAfter(
  db: MarginDb,
  now: number,
  after: string | undefined,
  { batchSize = RECOMPUTE_BATCH_SIZE, budgetMs }: { batchSize?: number; budgetMs: number },
): Promise<RecomputePiece> {
  const settings = await getSetting(db, SCORE_SETTINGS);
  const settingsKey = scoreSettingsKey(settings);
  const piece: RecomputePiece = { contacts: 0, interactions: 0, scoresChanged: 0, suggestionsWritten: 0, after, done: false };
  const started = Date.now();
  // At least one batch per piece, however small the budget.
  do {
    piece.done = await db.transaction('rw', [db.contacts, db.interactions, db.suggestions, db.activity], async () => {
      const batch = await readBatch(db, piece.after, batchSize);
      if (batch.contacts.length === 0) return true;
      const activityOf = new Map(batch.activity.map((row) => [row.contactId, row]));
      // A row holds unless the settings changed, a dated-ahead item started to count, or it is
      // missing: only those people's histories are read (all of them after a settings change).
      const stale = batch.contacts.filter((contact) => {
        const row = activityOf.get(contact.id);
        return !row || !activityHolds(row, now, settingsKey);
      });
      const histories = groupByContact(await readHistories(db, stale, batch.contacts.length));
      const suggestionsByContact = groupByContact(batch.suggestions);
      const staleIds = new Set(stale.map((contact) => contact.id));
      const evaluations = batch.contacts.map((contact) => {
        const suggestions = suggestionsByContact.get(contact.id) ?? [];
        return staleIds.has(contact.id)
          ? evaluateContact(contact, histories.get(contact.id) ?? [], suggestions, now, settings)
          : evaluateActivity(contact, activityOf.get(contact.id) as PersonActivity, suggestions, now, settings);
      });
      await write(db, evaluations);
      piece.contacts += batch.contacts.length;
      for (const history of histories.values()) piece.interactions += history.length;
      for (const evaluation of evaluations) {
        if (evaluation.contact) piece.scoresChanged += 1;
        piece.suggestionsWritten += evaluation.suggestions.put.length + evaluation.suggestions.delete.length;
      }
      piece.after = batch.contacts.at(-1)?.id;
      return batch.contacts.length < batchSize;
    });
  } while (!piece.done && Date.now() - started < budgetMs);
  return piece;
}

/**
 * The interactions of these contacts: one range of `[contactId+at]` each when they are few, the
 * batch's whole range when they are many (after a settings change, everyone).
 */
async function readHistories(db: MarginDb, contacts: readonly Contact[], batchSize: number): Promise<Interaction[]> {
  if (contacts.length === 0) return [];
  const ranged = (first: string, last: string) =>
    db.interactions.where('[contactId+at]').between([first, Dexie.minKey], [last, Dexie.maxKey], true, true).toArray();
  if (contacts.length * 4 >= batchSize) {
    const ids = new Set(contacts.map((contact) => contact.id));
    const rows = await ranged(contacts[0]!.id, contacts.at(-1)!.id);
    return rows.filter((row) => ids.has(row.contactId));
  }
  return (await Promise.all(contacts.map((contact) => ranged(contact.id, contact.id)))).flat();
}

function addCounts(total: RecomputeAllResult, piece: RecomputeAllResult): void {
  total.contacts += piece.contacts;
  total.interactions += piece.interactions;
  total.scoresChanged += piece.scoresChanged;
  total.suggestionsWritten += piece.suggestionsWritten;
}

export interface Batch {
  contacts: Contact[];
  activity: PersonActivity[];
  suggestions: StageSuggestion[];
}

/** The next `size` contacts after `after` (by id) with their activity rows and suggestions: never their interactions. */
export async function readBatch(db: MarginDb, after: string | undefined, size: number): Promise<Batch> {
  const contacts = await (after === undefined ? db.contacts.orderBy(':id') : db.contacts.where(':id').above(after))
    .limit(size)
    .toArray();
  const first = contacts[0]?.id;
  const last = contacts.at(-1)?.id;
  if (first === undefined || last === undefined) return { contacts, activity: [], suggestions: [] };
  const [activity, suggestions] = await Promise.all([
    db.activity.where(':id').between(first, last, true, true).toArray(),
    db.suggestions.where('contactId').between(first, last, true, true).toArray(),
  ]);
  return { contacts, activity, suggestions };
}

function groupByContact<T extends { contactId: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.contactId);
    if (group) group.push(row);
    else groups.set(row.contactId, [row]);
  }
  return groups;
}

async function write(db: MarginDb, evaluations: readonly ContactEvaluation[]): Promise<void> {
  const contacts = evaluations.flatMap((evaluation) => (evaluation.contact ? [evaluation.contact] : []));
  const activity = evaluations.flatMap((evaluation) => (evaluation.activity ? [evaluation.activity] : []));
  const put = evaluations.flatMap((evaluation) => evaluation.suggestions.put);
  const remove = evaluations.flatMap((evaluation) => evaluation.suggestions.delete);
  await Promise.all([
    contacts.length > 0 ? db.contacts.bulkPut(contacts) : undefined,
    activity.length > 0 ? db.activity.bulkPut(activity) : undefined,
    put.length > 0 ? db.suggestions.bulkPut(put) : undefined,
    remove.length > 0 ? db.suggestions.bulkDelete(remove) : undefined,
  ]);
}

export interface SuggestionWrites {
  put: StageSuggestion[];
  delete: string[];
}

/**
 * What to store so that the contact's open suggestion is `chosen` (or none): an open suggestion
 * for the same change is kept (its reason refreshed), any other open one is withdrawn (its rule
 * no longer fires, or a more urgent one does). Decided suggestions are history and stay.
 */
export function reconcileSuggestions(
  contactId: string,
  existing: readonly StageSuggestion[],
  chosen: StageCandidate | null,
  now: number,
): SuggestionWrites {
  const writes: SuggestionWrites = { put: [], delete: [] };
  let kept = false;
  for (const suggestion of existing) {
    if (suggestion.status !== 'open') continue;
    const same =
      chosen !== null && !kept && suggestion.rule === chosen.rule && suggestion.from === chosen.from && suggestion.to === chosen.to;
    if (!same) {
      writes.delete.push(suggestion.id);
      continue;
    }
    kept = true;
    if (suggestion.reason !== chosen.reason || suggestion.basisAt !== chosen.basisAt) {
      writes.put.push({ ...suggestion, reason: chosen.reason, basisAt: chosen.basisAt });
    }
  }
  if (chosen && !kept) {
    writes.put.push({ id: newId(), contactId, ...chosen, status: 'open', createdAt: now });
  }
  return writes;
}
