import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { MarginDb } from '../../src/db/database';
import {
  addInteraction,
  DEFAULT_TIMELINE_LIMIT,
  deleteInteraction,
  editNote,
  listContactInteractions,
  listTimeline,
  listTimelinePage,
  MAX_KEY,
  MIN_KEY,
} from '../../src/db/interactions-repository';
import { NoteRejectedError } from '../../src/db/note-rejected-error';
import { MAX_TIME } from '../../src/model/plain-values';
import { MAX_FIELD_LENGTH, MAX_NOTE_LENGTH, type Interaction } from '../../src/model/schemas';
import { undoChange } from '../../src/db/undo-repository';
import { freshDb } from './fresh-db';

function interaction(contactId: string, at: number): Interaction {
  return {
    id: `${contactId}-${at}`,
    contactId,
    at,
    kind: 'note',
    body: `note at ${at}`,
    source: { site: 'margin' },
    createdAt: at,
    updatedAt: at,
  };
}

let db: MarginDb;
afterEach(() => db?.close());

describe("a contact's key range, without Dexie's constants", () => {
  it('names the same lowest and highest keys as Dexie.minKey and Dexie.maxKey', () => {
    expect(MIN_KEY).toBe(Dexie.minKey);
    expect(MAX_KEY).toEqual(Dexie.maxKey);
  });

  it("selects exactly the rows Dexie's range selects: every item of the contact, at any time, and no one else's", async () => {
    db = freshDb();
    // Times at the edges of what a row may hold, and neighbours whose ids sort just before and after.
    const times = [0, 1, Date.UTC(2026, 0, 1), MAX_TIME];
    await db.interactions.bulkAdd([
      ...times.map((at) => interaction('c1', at)),
      interaction('c0', 5),
      interaction('c1 ', 5),
      interaction('c10', 5),
      interaction('c', 5),
    ]);
    const withDexie = await db.interactions.where('[contactId+at]').between(['c1', Dexie.minKey], ['c1', Dexie.maxKey]).toArray();

    expect(withDexie.map((item) => item.at)).toEqual(times);
    expect(await listContactInteractions(db, 'c1')).toEqual(withDexie);
    expect(await listTimelinePage(db, 'c1')).toEqual([...withDexie].reverse());
    expect(await listTimeline(db, 'c1')).toEqual([...withDexie].reverse());
  });
});

describe('listTimeline', () => {
  it("lists one contact's interactions, newest first", async () => {
    db = freshDb();
    await db.interactions.bulkAdd([
      interaction('jane', 200),
      interaction('bob', 250),
      interaction('jane', 300),
      interaction('jane', 100),
    ]);

    expect((await listTimeline(db, 'jane')).map((row) => row.at)).toEqual([300, 200, 100]);
    expect(await listTimeline(db, 'nobody')).toEqual([]);
  });

  it('stops at the limit, keeping the newest', async () => {
    db = freshDb();
    for (let at = 1; at <= 5; at += 1) await addInteraction(db, interaction('jane', at));

    expect((await listTimeline(db, 'jane', { limit: 2 })).map((row) => row.at)).toEqual([5, 4]);
  });

  it('returns at most 200 by default', async () => {
    db = freshDb();
    await db.interactions.bulkAdd(Array.from({ length: 205 }, (_, index) => interaction('jane', index)));

    const timeline = await listTimeline(db, 'jane');
    expect(DEFAULT_TIMELINE_LIMIT).toBe(200);
    expect(timeline).toHaveLength(200);
    expect(timeline[0]?.at).toBe(204);
  });
});

function stored(overrides: Partial<Interaction> & Pick<Interaction, 'id' | 'at'>): Interaction {
  return {
    contactId: 'jane',
    kind: 'note',
    body: `note ${overrides.id}`,
    source: { site: 'margin' },
    createdAt: overrides.at,
    updatedAt: overrides.at,
    ...overrides,
  };
}

describe('listTimelinePage', () => {
  async function seed(): Promise<void> {
    await db.interactions.bulkAdd([
      stored({ id: 'n1', at: 100, kind: 'note', sentiment: 'Positive' }),
      stored({ id: 'e1', at: 200, kind: 'email-in' }),
      stored({ id: 'n2', at: 300, kind: 'note', sentiment: 'Negative' }),
      stored({ id: 'c1', at: 400, kind: 'call', sentiment: 'Positive' }),
      stored({ id: 'n3', at: 500, kind: 'note' }),
      stored({ id: 'b1', at: 450, kind: 'note', sentiment: 'Positive', contactId: 'bob' }),
    ]);
  }
  it("lists all of one contact's interactions newest first without filters", async () => {
    db = freshDb();
    await seed();
    expect(ids(await listTimelinePage(db, 'jane'))).toEqual(['n3', 'c1', 'n2', 'e1', 'n1']);
    expect(ids(await listTimelinePage(db, 'jane', { kinds: [], sentiments: [] }))).toEqual(['n3', 'c1', 'n2', 'e1', 'n1']);
  });

  it('keeps only the chosen kinds', async () => {
    db = freshDb();
    await seed();
    expect(ids(await listTimelinePage(db, 'jane', { kinds: ['note'] }))).toEqual(['n3', 'n2', 'n1']);
    expect(ids(await listTimelinePage(db, 'jane', { kinds: ['call', 'email-in'] }))).toEqual(['c1', 'e1']);
  });

  it('keeps only the chosen sentiments, leaving out items without one', async () => {
    db = freshDb();
    await seed();
    expect(ids(await listTimelinePage(db, 'jane', { sentiments: ['Positive'] }))).toEqual(['c1', 'n1']);
    expect(ids(await listTimelinePage(db, 'jane', { sentiments: ['Positive', 'Negative'] }))).toEqual(['c1', 'n2', 'n1']);
  });

  it('combines kind and sentiment filters', async () => {
    db = freshDb();
    await seed();
    expect(ids(await listTimelinePage(db, 'jane', { kinds: ['note'], sentiments: ['Positive'] }))).toEqual(['n1']);
    expect(await listTimelinePage(db, 'jane', { kinds: ['meeting'], sentiments: ['Positive'] })).toEqual([]);
  });

  it('limits to the newest matching items', async () => {
    db = freshDb();
    await seed();
    expect(ids(await listTimelinePage(db, 'jane', { limit: 2 }))).toEqual(['n3', 'c1']);
    expect(ids(await listTimelinePage(db, 'jane', { kinds: ['note'], limit: 2 }))).toEqual(['n3', 'n2']);
  });

  it('pages through 5,000 interactions, newest first, 200 at a time by default', async () => {
    db = freshDb();
    await db.interactions.bulkAdd(Array.from({ length: 5_000 }, (_, index) => stored({ id: `i${index}`, at: index + 1 })));

    const page = await listTimelinePage(db, 'jane');
    expect(page).toHaveLength(DEFAULT_TIMELINE_LIMIT);
    expect(page[0]?.at).toBe(5_000);
    expect(page.at(-1)?.at).toBe(4_801);
  });
});

describe('editNote', () => {
  const original = stored({
    id: 'note-1',
    at: 1_000,
    sentiment: 'Neutral',
    body: 'Asked about pricing',
    objection: 'Budget',
    tags: ['pricing'],
    author: 'sam@margin.example',
    source: { site: 'gmail', url: 'https://mail.google.com/mail/u/0/#inbox/abc', threadId: 'abc' },
  });

  it('changes the text, keeps the original time and records when it was edited', async () => {
    db = freshDb();
    await db.interactions.add(original);

    const { interaction } = await editNote(db, 'note-1', { body: '  Asked about pricing for 40 seats \n', sentiment: 'Positive' }, 9_000);

    const expected: Interaction = { ...original, body: 'Asked about pricing for 40 seats', sentiment: 'Positive', editedAt: 9_000, updatedAt: 9_000 };
    expect(interaction).toEqual(expected);
    expect(await db.interactions.get('note-1')).toEqual(expected);
    expect(interaction.at).toBe(1_000);
    expect(interaction.createdAt).toBe(1_000);
  });

  it('drops a field or sentiment the edit empties', async () => {
    db = freshDb();
    await db.interactions.add(original);

    const { interaction } = await editNote(db, 'note-1', { objection: '   ', sentiment: undefined }, 9_000);

    expect(interaction).not.toHaveProperty('objection');
    expect(interaction).not.toHaveProperty('sentiment');
    expect(interaction.body).toBe('Asked about pricing');
  });

  it('refuses to empty a note, changing nothing', async () => {
    db = freshDb();
    await db.interactions.add(original);

    const editing = editNote(db, 'note-1', { body: '  ', objection: '' }, 9_000);

    await expect(editing).rejects.toThrow(NoteRejectedError);
    await expect(editing).rejects.toThrow('An empty note cannot be saved: delete it instead.');
    expect(await db.interactions.get('note-1')).toEqual(original);
    expect(await db.undo.count()).toBe(0);
  });

  it('accepts a note of exactly the maximum length and refuses a longer one', async () => {
    db = freshDb();
    await db.interactions.add(original);

    await expect(editNote(db, 'note-1', { body: 'x'.repeat(MAX_NOTE_LENGTH + 1) }, 9_000)).rejects.toThrow(
      new NoteRejectedError('A note can be at most 50,000 characters long.'),
    );
    expect(await db.interactions.get('note-1')).toEqual(original);

    const { interaction } = await editNote(db, 'note-1', { body: 'x'.repeat(MAX_NOTE_LENGTH) }, 9_000);
    expect(interaction.body).toHaveLength(MAX_NOTE_LENGTH);
  });

  it('refuses a structured field over 2,000 characters (it would make the backup unrestorable)', async () => {
    db = freshDb();
    await db.interactions.add(original);

    await expect(editNote(db, 'note-1', { objection: 'x'.repeat(MAX_FIELD_LENGTH + 1) }, 9_000)).rejects.toThrow(NoteRejectedError);

    expect(await db.interactions.get('note-1')).toEqual(original);
  });

  it('edits a note whose only content is a template answer (as logged with a user template)', async () => {
    db = freshDb();
    const bant = stored({ id: 'bant-1', at: 1_000, body: undefined, templateFields: { Budget: '50k approved' } });
    delete bant.body;
    await db.interactions.add(bant);

    const { interaction } = await editNote(db, 'bant-1', { body: '', sentiment: 'Positive' }, 9_000);

    expect(interaction).toEqual({ ...bant, sentiment: 'Positive', editedAt: 9_000, updatedAt: 9_000 });
  });

  it('refuses to edit captured activity or a missing note', async () => {
    db = freshDb();
    const email = stored({ id: 'email-1', at: 1_000, kind: 'email-in', subject: 'Re: pricing' });
    await db.interactions.add(email);

    await expect(editNote(db, 'email-1', { body: 'rewritten' }, 9_000)).rejects.toThrow(
      'Only notes, calls and meetings you logged can be edited; captured activity is as it happened.',
    );
    await expect(editNote(db, 'gone', { body: 'x' }, 9_000)).rejects.toThrow('That note no longer exists.');
    expect(await db.interactions.get('email-1')).toEqual(email);
  });

  it('returns an undo that puts the note back exactly as it was', async () => {
    db = freshDb();
    await db.interactions.add(original);

    const { undo } = await editNote(db, 'note-1', { body: 'Rewritten', objection: '', sentiment: 'Negative' }, 9_000);
    expect(undo).toMatchObject({ kind: 'edit-interaction', label: 'Note edited', createdAt: 9_000 });

    await undoChange(db, undo.id);

    const restored = await db.interactions.get('note-1');
    expect(restored).toEqual(original);
    expect(restored).not.toHaveProperty('editedAt');
  });
});

describe('deleteInteraction', () => {
  it('removes the item and its undo puts it back exactly', async () => {
    db = freshDb();
    const note = stored({ id: 'note-1', at: 1_000, sentiment: 'Concerned', objection: 'Timing', tags: ['q3'] });
    const other = stored({ id: 'note-2', at: 2_000 });
    await db.interactions.bulkAdd([note, other]);

    const undo = await deleteInteraction(db, 'note-1', 5_000);

    expect(undo).toMatchObject({ kind: 'delete-interaction', label: 'Note deleted', createdAt: 5_000 });
    expect(ids(await listTimeline(db, 'jane'))).toEqual(['note-2']);

    await undoChange(db, undo.id);
    expect(await listTimeline(db, 'jane')).toEqual([other, note]);
    expect(await db.undo.count()).toBe(0);
  });

  it('names what was removed for the undo button', async () => {
    db = freshDb();
    await db.interactions.add(stored({ id: 'email-1', at: 1_000, kind: 'email-in' }));
    expect((await deleteInteraction(db, 'email-1', 5_000)).label).toBe('Item removed from the timeline');
  });

  it('refuses a missing item', async () => {
    db = freshDb();
    await expect(deleteInteraction(db, 'gone', 5_000)).rejects.toThrow('That item no longer exists.');
    expect(await db.undo.count()).toBe(0);
  });
});

function ids(rows: Interaction[]): string[] {
  return rows.map((row) => row.id);
}
