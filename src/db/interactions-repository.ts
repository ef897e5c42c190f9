import type { MarginDb } from './database';
import { NoteRejectedError } from './note-rejected-error';
import { LOGGED_KINDS, MAX_FIELD_LENGTH, MAX_NOTE_LENGTH, type Interaction, type UndoRecord } from '../model/schemas';
import { recordUndo } from './undo-repository';
import { InputRejectedError } from './input-rejected-error';

export const DEFAULT_TIMELINE_LIMIT = 200;

/**
 * The lowest and the highest IndexedDB key, as Dexie defines `Dexie.minKey` and `Dexie.maxKey`
 * (in every browser Margin supports, which all take array keys): a range from `[id, MIN_KEY]` to
 * `[id, MAX_KEY]` holds every `[id, …]` key. Spelled out here so that the sidebar's first-screen
 * reads do not load Dexie itself to name two constants.
 */
export const MIN_KEY = -Infinity;
export const MAX_KEY: unknown[][] = [[]];

/** Every interaction of a contact, oldest first, off the `[contactId+at]` index. */
export function listContactInteractions(db: MarginDb, contactId: string): Promise<Interaction[]> {
  return db.interactions.where('[contactId+at]').between([contactId, MIN_KEY], [contactId, MAX_KEY]).toArray();
}

/** A contact's interactions, newest first, read straight off the `[contactId+at]` index. */
export function listTimeline(
  db: MarginDb,
  contactId: string,
  { limit = DEFAULT_TIMELINE_LIMIT }: { limit?: number } = {},
): Promise<Interaction[]> {
  return db.interactions
    .where('[contactId+at]')
    .between([contactId, MIN_KEY], [contactId, MAX_KEY])
    .reverse()
    .limit(limit)
    .toArray();
}

export function getInteraction(db: MarginDb, id: string): Promise<Interaction | undefined> {
  return db.interactions.get(id);
}

export async function addInteraction(db: MarginDb, interaction: Interaction): Promise<Interaction> {
  await db.interactions.add(interaction);
  return interaction;
}

export interface TimelineQuery {
  limit?: number;
  kinds?: readonly Interaction['kind'][];
  sentiments?: readonly NonNullable<Interaction['sentiment']>[];
}

/**
 * A page of the timeline with filters, newest first, still off the `[contactId+at]` index:
 * with 5,000 interactions the first screen reads only as many rows as it shows (plus the
 * filtered-out ones it walks past).
 */
export function listTimelinePage(db: MarginDb, contactId: string, query: TimelineQuery = {}): Promise<Interaction[]> {
  const { limit = DEFAULT_TIMELINE_LIMIT, kinds, sentiments } = query;
  let collection = db.interactions
    .where('[contactId+at]')
    .between([contactId, MIN_KEY], [contactId, MAX_KEY])
    .reverse();
  if (kinds?.length || sentiments?.length) {
    collection = collection.filter(
      (interaction) =>
        (!kinds?.length || kinds.includes(interaction.kind)) &&
        (!sentiments?.length || (interaction.sentiment !== undefined && sentiments.includes(interaction.sentiment))),
    );
  }
  return collection.limit(limit).toArray();
}

export type NoteChanges = Partial<Pick<Interaction, 'body' | 'objection' | 'emotion' | 'nextStep' | 'sentiment' | 'tags' | 'templateFields'>>;

/**
 * Edits a note: its time (`at`) stays, `editedAt` records the edit, and the note as it was is
 * kept for undo, in the same transaction.
 */
export async function editNote(
  db: MarginDb,
  id: string,
  changes: NoteChanges,
  now: number,
): Promise<{ interaction: Interaction; undo: UndoRecord }> {
  return db.transaction('rw', db.interactions, db.undo, async () => {
    const before = await db.interactions.get(id);
    if (!before) throw new InputRejectedError('That note no longer exists.');
    if (!(LOGGED_KINDS as readonly string[]).includes(before.kind)) {
      throw new InputRejectedError('Only notes, calls and meetings you logged can be edited; captured activity is as it happened.');
    }
    const edited: Interaction = { ...before, ...changes, editedAt: now, updatedAt: now };
    for (const key of ['body', 'objection', 'emotion', 'nextStep'] as const) {
      const text = edited[key]?.trim();
      if (text) edited[key] = text;
      else delete edited[key];
    }
    const answers = Object.entries(edited.templateFields ?? {})
      .map(([label, text]) => [label, text.trim()] as const)
      .filter(([, text]) => text !== '');
    if (answers.length) edited.templateFields = Object.fromEntries(answers);
    else delete edited.templateFields;
    if (!edited.sentiment) delete edited.sentiment;
    const fieldTexts = [edited.objection, edited.emotion, edited.nextStep, ...answers.map(([, text]) => text)];
    if (edited.kind === 'note' && !edited.body && !fieldTexts.some(Boolean)) {
      throw new NoteRejectedError('An empty note cannot be saved: delete it instead.');
    }
    if ((edited.body?.length ?? 0) > MAX_NOTE_LENGTH) {
      throw new NoteRejectedError(`A note can be at most ${MAX_NOTE_LENGTH.toLocaleString('en-US')} characters long.`);
    }
    if (fieldTexts.some((text) => (text?.length ?? 0) > MAX_FIELD_LENGTH)) {
      throw new NoteRejectedError(`A field of a note can be at most ${MAX_FIELD_LENGTH.toLocaleString('en-US')} characters long.`);
    }
    await db.interactions.put(edited);
    const undo = await recordUndo(db, { kind: 'edit-interaction', label: 'Note edited', before: { interactions: [before] }, now });
    return { interaction: edited, undo };
  });
}

/** Removes an interaction from the timeline; the undo record can put it back exactly. */
export async function deleteInteraction(db: MarginDb, id: string, now: number): Promise<UndoRecord> {
  return db.transaction('rw', db.interactions, db.undo, async () => {
    const before = await db.interactions.get(id);
    if (!before) throw new InputRejectedError('That item no longer exists.');
    await db.interactions.delete(id);
    return recordUndo(db, {
      kind: 'delete-interaction',
      label: before.kind === 'note' ? 'Note deleted' : 'Item removed from the timeline',
      before: { interactions: [before] },
      now,
    });
  });
}
