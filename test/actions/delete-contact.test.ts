import { describe, expect, it } from 'vitest';
import { deleteContact } from '../../src/actions/delete-contact';
import { deleteInteraction } from '../../src/db/interactions-repository';
import { logNote } from '../../src/actions/log-note';
import { saveDraft } from '../../src/db/drafts-repository';
import { freshDb } from '../db/fresh-db';

const priya = { name: 'Priya Raman', email: 'priya.raman@northwind-logistics.example' };
const jonas = { name: 'Jonas Becker', email: 'jonas.becker@northwind-logistics.example' };
const source = { site: 'gmail' as const };

describe('deleteContact (the right to be forgotten)', () => {
  it('removes the person and everything about them, and leaves everyone else alone', async () => {
    const db = freshDb();
    const { contact } = await logNote(db, {
      person: priya,
      note: { id: 'n1', body: 'First call', nextStep: 'Send pricing', followUpDue: Date.UTC(2026, 11, 1) },
      source,
      now: 1_000,
    });
    const second = await logNote(db, { person: priya, note: { id: 'n2', body: 'Second call' }, source, now: 2_000 });
    await deleteInteraction(db, second.interaction.id, 3_000); // leaves a copy in the undo table
    await saveDraft(db, { key: 'email:priya.raman@northwind-logistics.example', noteId: 'n3', body: 'half', updatedAt: 4_000 });
    await logNote(db, { person: jonas, note: { id: 'j1', body: 'Jonas note' }, source, now: 5_000 });

    expect(await deleteContact(db, contact.id)).toEqual({ interactions: 1, tasks: 1 });

    expect(await db.contacts.toArray()).toEqual([expect.objectContaining({ name: 'Jonas Becker' })]);
    expect((await db.interactions.toArray()).map((row) => row.id)).toEqual(['j1']);
    expect(await db.tasks.count()).toBe(0);
    expect(await db.drafts.count()).toBe(0);
    expect(await db.undo.count()).toBe(0);
  });

  it('says so when the contact is already gone', async () => {
    await expect(deleteContact(freshDb(), 'nobody')).rejects.toThrow('no longer exists');
  });
});
