import Dexie from 'dexie';
import { contactActivity, sameActivity } from '../metrics/contact-activity';
import { scoreAt } from '../metrics/engagement-score';
import { SCORE_SETTINGS, type ScoreSettings } from '../metrics/score-settings';
import { suggestStage, type StageCandidate } from '../metrics/stage-rules';
import type { MarginDb } from '../db/database';
import type { Contact, Interaction, StageSuggestion } from '../model/schemas';
import { newId } from '../db/ids';
import { getSetting, setSetting } from '../db/settings-repository';
import { defineSetting } from '../model/define-setting';
import * as z from 'zod/mini';

/** When the daily recompute last went through everyone (a settings row). */
export const LAST_FULL_RECOMPUTE_SETTING = defineSetting<number | null>({
  key: 'metrics.lastFullRecomputeAt',
  schema: z.nullable(z.number()),
  fallback: null,
});
export const RECOMPUTE_BATCH_SIZE = 1_000;

export interface ContactEvaluation {
  score: number;
  /** The contact row to store, or null when its cached score and activity are already right. */
  contact: Contact | null;
  suggestions: SuggestionWrites;
}

/**
 * A contact's score, activity summary (last touch, last sentiment, surge: what the dashboard
 * filters by) and stage suggestion as of `now`, and what to write for them. Pure: the
 * single-contact and the everyone paths share it, so they cannot disagree.
 */
export function evaluateContact(
  contact: Contact,
  interactions: readonly Interaction[],
  suggestions: readonly StageSuggestion[],
  now: number,
  settings: ScoreSettings,
): ContactEvaluation {
  const score = scoreAt(interactions, now, settings);
  const activity = contactActivity(interactions, now);
  // Only a changed row is written: most scores a daily decay recomputes stay the same integer
  // (and most surges stay off), and an untouched row is a write (and a live-query wake-up) saved.
  const changed = contact.score !== score || contact.scoreComputedAt === undefined || !sameActivity(contact, activity);
  const chosen = suggestStage({ contact, interactions, now, settings }, suggestions);
  // A field that no longer applies (the only touch was deleted) is removed, not set to undefined.
  const { lastTouchAt: _lastTouchAt, lastSentiment: _lastSentiment, surge: _surge, ...rest } = contact;
  return {
    score,
    contact: changed ? { ...rest, score, scoreComputedAt: now, ...activity } : null,
    suggestions: reconcileSuggestions(contact.id, suggestions, chosen, now),
  };
}

/**
 * Brings one contact's cached score and open stage suggestion up to date. Called after every
 * write Margin makes for a person (capture, an accepted suggestion; the sidebar calls it when the
 * person's timeline changes, which covers notes, edits and deletions).
 */
export async function recomputeContact(db: MarginDb, contactId: string, now: number): Promise<ContactEvaluation | undefined> {
  const settings = await getSetting(db, SCORE_SETTINGS);
  return db.transaction('rw', [db.contacts, db.interactions, db.suggestions], async () => {
    const contact = await db.contacts.get(contactId);
    if (!contact) return undefined;
    const [interactions, suggestions] = await Promise.all([
      db.interactions.where('[contactId+at]').between([contactId, Dexie.minKey], [contactId, Dexie.maxKey]).toArray(),
      db.suggestions.where('contactId').equals(contactId).toArray(),
    ]);
    const evaluation = evaluateContact(contact, interactions, suggestions, now, settings);
    await write(db, [evaluation]);
    return evaluation;
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
  const piece: RecomputePiece = { contacts: 0, interactions: 0, scoresChanged: 0, suggestionsWritten: 0, after, done: false };
  const started = Date.now();
  // At least one batch per piece, however small the budget.
  do {
    piece.done = await db.transaction('rw', [db.contacts, db.interactions, db.suggestions], async () => {
      const batch = await readBatch(db, piece.after, batchSize);
      if (batch.contacts.length === 0) return true;
      const byContact = groupByContact(batch.interactions);
      const suggestionsByContact = groupByContact(batch.suggestions);
      const evaluations = batch.contacts.map((contact) =>
        evaluateContact(contact, byContact.get(contact.id) ?? [], suggestionsByContact.get(contact.id) ?? [], now, settings),
      );
      await write(db, evaluations);
      piece.contacts += batch.contacts.length;
      piece.interactions += batch.interactions.length;
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

function addCounts(total: RecomputeAllResult, piece: RecomputeAllResult): void {
  total.contacts += piece.contacts;
  total.interactions += piece.interactions;
  total.scoresChanged += piece.scoresChanged;
  total.suggestionsWritten += piece.suggestionsWritten;
}

export interface Batch {
  contacts: Contact[];
  interactions: Interaction[];
  suggestions: StageSuggestion[];
}

/** The next `size` contacts after `after` (by id) with their interactions and suggestions. */
export async function readBatch(db: MarginDb, after: string | undefined, size: number): Promise<Batch> {
  const contacts = await (after === undefined ? db.contacts.orderBy(':id') : db.contacts.where(':id').above(after))
    .limit(size)
    .toArray();
  const first = contacts[0]?.id;
  const last = contacts.at(-1)?.id;
  if (first === undefined || last === undefined) return { contacts, interactions: [], suggestions: [] };
  const [interactions, suggestions] = await Promise.all([
    db.interactions.where('[contactId+at]').between([first, Dexie.minKey], [last, Dexie.maxKey], true, true).toArray(),
    db.suggestions.where('contactId').between(first, last, true, true).toArray(),
  ]);
  return { contacts, interactions, suggestions };
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
  const put = evaluations.flatMap((evaluation) => evaluation.suggestions.put);
  const remove = evaluations.flatMap((evaluation) => evaluation.suggestions.delete);
  await Promise.all([
    contacts.length > 0 ? db.contacts.bulkPut(contacts) : undefined,
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
