import { afterEach, describe, expect, it, vi } from 'vitest';
import { countContacts, getContact } from '../../src/db/contacts-repository';
import type { MarginDb } from '../../src/db/database';
import { listTimeline } from '../../src/db/interactions-repository';
import { logNote, NoteRejectedError, type NoteInput } from '../../src/db/log-note';
import { MAX_NOTE_LENGTH, type InteractionSource } from '../../src/db/schemas';
import type { PersonOnPage } from '../../src/page-context/page-context';
import { freshDb } from './fresh-db';

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
