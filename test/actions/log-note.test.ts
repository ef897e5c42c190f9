import { afterEach, describe, expect, it, vi } from 'vitest';
import { countContacts, getContact } from '../../src/db/contacts-repository';
import type { MarginDb } from '../../src/db/database';
import { listTimeline } from '../../src/db/interactions-repository';
import { logNote, type NoteInput } from '../../src/actions/log-note';
import { NoteRejectedError } from '../../src/db/note-rejected-error';
import { MAX_NOTE_LENGTH, type InteractionSource } from '../../src/model/schemas';
import type { PersonOnPage } from '../../src/model/page-context';
import { freshDb } from '../db/fresh-db';

const jane: PersonOnPage = { name: 'Jane Doe', email: 'Jane.Doe@Acme.com', headline: 'VP Sales', company: 'Acme' };
const gmail: InteractionSource = { site: 'gmail', url: 'https://mail.google.com/mail/u/0/#inbox/FMfcg', threadId: 'FMfcg' };

function note(overrides: Partial<NoteInput> = {}): NoteInput {
  return { id: crypto.randomUUID(), body: 'Asked for pricing', sentiment: 'Positive', ...overrides };
}

async function countRows(db: MarginDb) {
  return { contacts: await db.contacts.count(), interactions: await db.interactions.count() };
}

let db: MarginDb;
afterEach(() => db?.close());

describe('logNote', () => {
  it('creates the contact and the note on first contact', async () => {
    db = freshDb();
    const input = note({ objection: '  Budget  ', nextStep: 'Send deck' });

    const result = await logNote(db, { person: jane, note: input, source: gmail, now: 1_000 });

    expect(result.created).toBe(true);
    expect(result.contact).toMatchObject({
      name: 'Jane Doe',
      emails: ['jane.doe@acme.com'],
      linkedinIds: [],
      company: 'Acme',
      title: 'VP Sales',
      stage: 'Awareness',
      tags: [],
      customFields: {},
      createdAt: 1_000,
      updatedAt: 1_000,
    });
    expect(result.interaction).toEqual({
      id: input.id,
      contactId: result.contact.id,
      at: 1_000,
      kind: 'note',
      sentiment: 'Positive',
      body: 'Asked for pricing',
      objection: 'Budget',
      nextStep: 'Send deck',
      source: gmail,
      createdAt: 1_000,
      updatedAt: 1_000,
    });
    expect(await getContact(db, result.contact.id)).toEqual(result.contact);
    expect(await listTimeline(db, result.contact.id)).toEqual([result.interaction]);
  });

  it('saves a repeated note id once and answers with the first save', async () => {
    db = freshDb();
    const input = note();

    const first = await logNote(db, { person: jane, note: input, source: gmail, now: 1_000 });
    const again = await logNote(db, { person: jane, note: { ...input, body: 'changed' }, source: gmail, now: 2_000 });

    expect(again.created).toBe(false);
    expect(again.interaction).toEqual(first.interaction);
    expect(again.contact).toEqual(first.contact);
    expect(await countRows(db)).toEqual({ contacts: 1, interactions: 1 });
  });

  it('saves one note when the same save is fired twice at once (double click)', async () => {
    db = freshDb();
    const input = note();

    const results = await Promise.all([
      logNote(db, { person: jane, note: input, source: gmail }),
      logNote(db, { person: jane, note: input, source: gmail }),
    ]);

    expect(results.map((result) => result.created).sort()).toEqual([false, true]);
    expect(await countRows(db)).toEqual({ contacts: 1, interactions: 1 });
  });

  it('finds the contact by email whatever its case, and bumps updatedAt', async () => {
    db = freshDb();
    const first = await logNote(db, { person: jane, note: note(), source: gmail, now: 1_000 });

    const second = await logNote(db, {
      person: { name: 'J. Doe', email: '  JANE.DOE@ACME.COM ' },
      note: note(),
      source: gmail,
      now: 5_000,
    });

    expect(second.contact.id).toBe(first.contact.id);
    expect(second.contact.updatedAt).toBe(5_000);
    expect(second.contact.name).toBe('Jane Doe');
    expect(await countContacts(db)).toBe(1);
  });

  it('finds the contact by LinkedIn slug whatever its case or escaping', async () => {
    db = freshDb();
    const linkedin: InteractionSource = { site: 'linkedin', url: 'https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa/' };
    const first = await logNote(db, {
      person: { name: 'José García', linkedinSlug: 'jos%C3%A9-garc%C3%ADa' },
      note: note(),
      source: linkedin,
    });

    const second = await logNote(db, {
      person: { name: 'José García', linkedinSlug: 'JOS%C3%89-GARC%C3%8DA' },
      note: note(),
      source: linkedin,
    });

    expect(first.contact.linkedinIds).toEqual(['josé-garcía']);
    expect(second.contact.id).toBe(first.contact.id);
    expect(await countContacts(db)).toBe(1);
  });

  it('never matches a contact by name alone', async () => {
    db = freshDb();
    const first = await logNote(db, { person: jane, note: note(), source: gmail });

    const other = await logNote(db, {
      person: { name: 'Jane Doe', email: 'jane@another.example' },
      note: note(),
      source: gmail,
    });

    expect(other.contact.id).not.toBe(first.contact.id);
    expect(await countContacts(db)).toBe(2);
  });

  it('fills empty contact fields from the page but never overwrites them', async () => {
    db = freshDb();
    const first = await logNote(db, {
      person: { name: 'Jane Doe', linkedinSlug: 'jane-doe', company: 'Acme' },
      note: note(),
      source: gmail,
    });

    const second = await logNote(db, {
      person: {
        name: 'Jane Doe',
        linkedinSlug: 'jane-doe',
        linkedinUrn: 'ACoAABcdEfGhIjKlMn',
        company: 'Globex',
        headline: 'Head of Ops',
        location: 'Berlin',
      },
      note: note(),
      source: gmail,
    });

    expect(second.contact.id).toBe(first.contact.id);
    expect(second.contact).toMatchObject({ company: 'Acme', title: 'Head of Ops', location: 'Berlin' });
    expect(second.contact.linkedinIds).toEqual(['jane-doe', 'ACoAABcdEfGhIjKlMn']);
  });

  it('refuses an empty note and writes nothing', async () => {
    db = freshDb();

    const saving = logNote(db, {
      person: jane,
      note: note({ body: '   \n', objection: ' ', emotion: '', nextStep: undefined }),
      source: gmail,
    });

    await expect(saving).rejects.toThrow(NoteRejectedError);
    await expect(saving).rejects.toThrow(/empty note cannot be saved/i);
    expect(await countRows(db)).toEqual({ contacts: 0, interactions: 0 });
  });

  it('saves a note with only a structured field', async () => {
    db = freshDb();
    const result = await logNote(db, { person: jane, note: note({ body: '', emotion: 'Relieved' }), source: gmail });
    expect(result.interaction.emotion).toBe('Relieved');
    expect(result.interaction).not.toHaveProperty('body');
  });

  it('accepts a note of exactly the maximum length and refuses a longer one, writing nothing', async () => {
    db = freshDb();
    await expect(
      logNote(db, { person: jane, note: note({ body: 'x'.repeat(MAX_NOTE_LENGTH + 1) }), source: gmail }),
    ).rejects.toThrow(/at most 50,000 characters/);
    expect(await countRows(db)).toEqual({ contacts: 0, interactions: 0 });

    const longest = await logNote(db, { person: jane, note: note({ body: 'x'.repeat(MAX_NOTE_LENGTH) }), source: gmail });
    expect(longest.interaction.body).toHaveLength(MAX_NOTE_LENGTH);
  });

  it('refuses a person with no usable identity', async () => {
    db = freshDb();
    await expect(
      logNote(db, { person: { name: 'Nobody' } as PersonOnPage, note: note(), source: gmail }),
    ).rejects.toThrow(NoteRejectedError);
    expect(await countRows(db)).toEqual({ contacts: 0, interactions: 0 });
  });

  it('leaves neither contact nor note behind when writing the note fails', async () => {
    db = freshDb();
    vi.spyOn(db.interactions, 'add').mockRejectedValue(new DOMException('disk full', 'QuotaExceededError'));

    await expect(logNote(db, { person: jane, note: note(), source: gmail })).rejects.toThrow();

    vi.restoreAllMocks();
    expect(await countRows(db)).toEqual({ contacts: 0, interactions: 0 });
  });

  it('leaves the existing contact untouched when writing the note fails', async () => {
    db = freshDb();
    const first = await logNote(db, { person: jane, note: note(), source: gmail, now: 1_000 });
    vi.spyOn(db.interactions, 'add').mockRejectedValue(new Error('boom'));

    await expect(logNote(db, { person: jane, note: note(), source: gmail, now: 9_000 })).rejects.toThrow('boom');

    vi.restoreAllMocks();
    expect(await getContact(db, first.contact.id)).toEqual(first.contact);
    expect(await countRows(db)).toEqual({ contacts: 1, interactions: 1 });
  });
});

describe('logNote: tags, template fields, author', () => {
  it('stores trimmed tags once each, in the order typed', async () => {
    db = freshDb();
    const result = await logNote(db, {
      person: jane,
      note: note({ tags: ['  pricing ', 'champion', 'pricing'] }),
      source: gmail,
    });

    expect(result.interaction.tags).toEqual(['pricing', 'champion']);
    expect((await db.interactions.get(result.interaction.id))?.tags).toEqual(['pricing', 'champion']);
  });

  it('leaves tags out when there are none', async () => {
    db = freshDb();
    const result = await logNote(db, { person: jane, note: note({ tags: [] }), source: gmail });
    expect(result.interaction).not.toHaveProperty('tags');
  });

  it('refuses a blank tag, a tag over 100 characters and more than 20 tags, writing nothing', async () => {
    db = freshDb();
    await expect(logNote(db, { person: jane, note: note({ tags: ['  '] }), source: gmail })).rejects.toThrow(NoteRejectedError);
    await expect(logNote(db, { person: jane, note: note({ tags: ['x'.repeat(101)] }), source: gmail })).rejects.toThrow(
      'A tag can be at most 100 characters long.',
    );
    const tooMany = Array.from({ length: 21 }, (_, index) => `tag ${index}`);
    await expect(logNote(db, { person: jane, note: note({ tags: tooMany }), source: gmail })).rejects.toThrow(
      'A note can have at most 20 tags.',
    );
    expect(await countRows(db)).toEqual({ contacts: 0, interactions: 0 });

    const twenty = await logNote(db, { person: jane, note: note({ tags: tooMany.slice(0, 20) }), source: gmail });
    expect(twenty.interaction.tags).toHaveLength(20);
  });

  it('stores answered template fields trimmed and leaves unanswered ones out', async () => {
    db = freshDb();
    const result = await logNote(db, {
      person: jane,
      note: note({ body: '', templateFields: { Budget: '  50k approved ', Authority: '   ', Need: 'CRM hygiene' } }),
      source: gmail,
    });

    expect(result.interaction.templateFields).toEqual({ Budget: '50k approved', Need: 'CRM hygiene' });
    expect(result.interaction).not.toHaveProperty('body');
  });

  it('saves a note whose only content is a template answer, and refuses one whose answers are all blank', async () => {
    db = freshDb();
    const answered = await logNote(db, { person: jane, note: note({ body: '', templateFields: { Timing: 'Q3' } }), source: gmail });
    expect(answered.interaction.templateFields).toEqual({ Timing: 'Q3' });

    await expect(
      logNote(db, { person: jane, note: note({ body: '', templateFields: { Timing: '  ' } }), source: gmail }),
    ).rejects.toThrow(/empty note cannot be saved/i);
    expect(await countRows(db)).toEqual({ contacts: 1, interactions: 1 });
  });

  it('refuses a template answer over 2,000 characters', async () => {
    db = freshDb();
    await expect(
      logNote(db, { person: jane, note: note({ templateFields: { Budget: 'x'.repeat(2_001) } }), source: gmail }),
    ).rejects.toThrow('A template field can be at most 2,000 characters long.');
    expect(await countRows(db)).toEqual({ contacts: 0, interactions: 0 });
  });

  it('keeps who wrote the note, and leaves author out when unknown', async () => {
    db = freshDb();
    const signed = await logNote(db, { person: jane, note: note(), source: gmail, author: 'sam@margin.example' });
    const unsigned = await logNote(db, { person: jane, note: note(), source: gmail });

    expect(signed.interaction.author).toBe('sam@margin.example');
    expect((await db.interactions.get(signed.interaction.id))?.author).toBe('sam@margin.example');
    expect(unsigned.interaction).not.toHaveProperty('author');
  });
});

describe('logNote: follow-up', () => {
  it('turns the next step and date into an open task linked to the note', async () => {
    db = freshDb();
    const result = await logNote(db, {
      person: jane,
      note: note({ nextStep: '  Send the revised quote ', followUpDue: 90_000 }),
      source: gmail,
      now: 1_000,
    });

    expect(result.task).toEqual({
      id: expect.any(String),
      contactId: result.contact.id,
      due: 90_000,
      title: 'Send the revised quote',
      status: 'open',
      fromInteractionId: result.interaction.id,
      createdAt: 1_000,
      updatedAt: 1_000,
    });
    expect(await db.tasks.toArray()).toEqual([result.task]);
  });

  it('names the task after the person when the note has no next step', async () => {
    db = freshDb();
    const result = await logNote(db, { person: jane, note: note({ nextStep: '   ', followUpDue: 90_000 }), source: gmail });
    expect(result.task?.title).toBe('Follow up with Jane Doe');
  });

  it('creates no task without a follow-up date', async () => {
    db = freshDb();
    const result = await logNote(db, { person: jane, note: note({ nextStep: 'Send deck' }), source: gmail });
    expect(result.task).toBeUndefined();
    expect(await db.tasks.count()).toBe(0);
  });

  it('creates one task when the same note is saved twice', async () => {
    db = freshDb();
    const input = note({ nextStep: 'Call back', followUpDue: 90_000 });

    const first = await logNote(db, { person: jane, note: input, source: gmail });
    const again = await logNote(db, { person: jane, note: input, source: gmail });

    expect(again.created).toBe(false);
    expect(again.task).toBeUndefined();
    expect(await db.tasks.toArray()).toEqual([first.task]);
  });

  it('refuses a follow-up date that is not a time', async () => {
    db = freshDb();
    for (const followUpDue of [0, -5, 1.5, Number.NaN]) {
      await expect(logNote(db, { person: jane, note: note({ followUpDue }), source: gmail })).rejects.toThrow(NoteRejectedError);
    }
    expect(await db.tasks.count()).toBe(0);
    expect(await countRows(db)).toEqual({ contacts: 0, interactions: 0 });
  });

  it('leaves neither note nor contact behind when writing the task fails', async () => {
    db = freshDb();
    vi.spyOn(db.tasks, 'add').mockRejectedValue(new DOMException('disk full', 'QuotaExceededError'));

    await expect(
      logNote(db, { person: jane, note: note({ nextStep: 'Call', followUpDue: 90_000 }), source: gmail }),
    ).rejects.toThrow('disk full');

    vi.restoreAllMocks();
    expect(await countRows(db)).toEqual({ contacts: 0, interactions: 0 });
    expect(await db.tasks.count()).toBe(0);
  });
});

describe('logNote: draft', () => {
  const draftKey = 'email:jane.doe@acme.com';

  it('removes the draft it was typed in when the note is stored', async () => {
    db = freshDb();
    const input = note();
    await db.drafts.put({ key: draftKey, noteId: input.id, body: input.body, updatedAt: 500 });
    await db.drafts.put({ key: 'email:bob@acme.com', noteId: 'bobs-note', body: 'for Bob', updatedAt: 500 });

    await logNote(db, { person: jane, note: input, source: gmail, draftKey });

    expect(await db.drafts.get(draftKey)).toBeUndefined();
    expect((await db.drafts.toArray()).map((draft) => draft.key)).toEqual(['email:bob@acme.com']);
  });

  it('keeps the draft when the note cannot be written (a failed save brings it back)', async () => {
    db = freshDb();
    const input = note();
    const draft = { key: draftKey, noteId: input.id, body: input.body, updatedAt: 500 };
    await db.drafts.put(draft);
    vi.spyOn(db.interactions, 'add').mockRejectedValue(new DOMException('disk full', 'QuotaExceededError'));

    await expect(logNote(db, { person: jane, note: input, source: gmail, draftKey })).rejects.toThrow('disk full');

    vi.restoreAllMocks();
    expect(await db.drafts.get(draftKey)).toEqual(draft);
  });

  it('keeps the draft when the note is refused', async () => {
    db = freshDb();
    const draft = { key: draftKey, noteId: 'n-1', body: 'x'.repeat(MAX_NOTE_LENGTH + 1), updatedAt: 500 };
    await db.drafts.put(draft);

    await expect(
      logNote(db, { person: jane, note: note({ id: 'n-1', body: draft.body }), source: gmail, draftKey }),
    ).rejects.toThrow(NoteRejectedError);

    expect(await db.drafts.get(draftKey)).toEqual(draft);
  });

  it('keeps a draft typed for the next note when an earlier save is repeated', async () => {
    db = freshDb();
    const saved = note();
    await logNote(db, { person: jane, note: saved, source: gmail, draftKey });
    // The user has started the next note; a retry of the first save arrives late.
    const nextDraft = { key: draftKey, noteId: 'the-next-note', body: 'Half-typed thought', updatedAt: 2_000 };
    await db.drafts.put(nextDraft);

    const retry = await logNote(db, { person: jane, note: saved, source: gmail, draftKey });

    expect(retry.created).toBe(false);
    expect(await db.drafts.get(draftKey)).toEqual(nextDraft);
  });
});

describe('logNote: calls and meetings (the composer\'s Type)', () => {
  it('stores a call or a meeting as its own kind with its duration, scored and filtered as such', async () => {
    db = freshDb();
    const call = await logNote(db, { person: jane, note: note({ kind: 'call', durationMinutes: 25, body: 'Walked through pricing' }), source: gmail, now: 1_000 });
    const meeting = await logNote(db, { person: jane, note: note({ kind: 'meeting', durationMinutes: 60, body: '' , sentiment: undefined }), source: gmail, now: 2_000 });
    expect(call.interaction).toMatchObject({ kind: 'call', durationMinutes: 25, body: 'Walked through pricing' });
    // A meeting is worth logging with nothing written: it happened.
    expect(meeting.interaction).toMatchObject({ kind: 'meeting', durationMinutes: 60 });
    expect(meeting.interaction).not.toHaveProperty('body');
    expect((await listTimeline(db, call.contact.id, { limit: 10 })).map((row) => row.kind)).toEqual(['meeting', 'call']);
  });

  it('refuses a duration on a note, or one that is not whole minutes from 1 to 24 hours, writing nothing', async () => {
    db = freshDb();
    for (const [input, message] of [
      [note({ durationMinutes: 10 }), 'Only a call or a meeting has a duration.'],
      [note({ kind: 'call', durationMinutes: 0 }), 'A duration is at least 1 minute.'],
      [note({ kind: 'call', durationMinutes: 2.5 }), 'A duration is a whole number of minutes.'],
      [note({ kind: 'meeting', durationMinutes: 24 * 60 + 1 }), 'A duration can be at most 24 hours.'],
    ] as const) {
      await expect(logNote(db, { person: jane, note: input, source: gmail })).rejects.toThrow(new NoteRejectedError(message));
    }
    expect(await countRows(db)).toEqual({ contacts: 0, interactions: 0 });
  });

  it('still refuses an empty note', async () => {
    db = freshDb();
    await expect(logNote(db, { person: jane, note: note({ kind: 'note', body: ' ' }), source: gmail })).rejects.toThrow(NoteRejectedError);
  });
});
