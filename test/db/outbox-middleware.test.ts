import { afterEach, describe, expect, it } from 'vitest';
import { changeStage } from '../../src/db/contacts-repository';
import type { MarginDb } from '../../src/db/database';
import { deleteInteraction, editNote } from '../../src/db/interactions-repository';
import { logNote } from '../../src/actions/log-note';
import { recomputeContact } from '../../src/actions/recompute-scores';
import { completeTask, markTaskNotified } from '../../src/db/tasks-repository';
import { freshDb } from './fresh-db';

const jane = { name: 'Jane Doe', email: 'jane@acme.example' };
const source = { site: 'gmail' as const, url: 'https://mail.google.com/mail/u/0/#inbox/abc' };

async function connect(db: MarginDb) {
  await db.syncState.put({ key: 'connection', value: { crm: 'pipedrive', baseUrl: 'https://api.pipedrive.com', account: 'rep@example.com', connectedAt: 1 } });
}

const keys = async (db: MarginDb) => (await db.outbox.toArray()).map((entry) => `${entry.op} ${entry.key}`).sort();

let db: MarginDb;
afterEach(() => db?.close());

describe('the outbox, written in the same transaction as each change', () => {
  it('writes nothing while no CRM is connected', async () => {
    db = freshDb();
    await logNote(db, { person: jane, note: { id: 'n1', body: 'Hello' }, source });
    expect(await db.outbox.count()).toBe(0);
  });

  it('a note, its new contact and its follow-up each get one entry', async () => {
    db = freshDb();
    await connect(db);
    const { contact, task } = await logNote(db, { person: jane, note: { id: 'n1', body: 'Hello', nextStep: 'Call back', followUpDue: Date.UTC(2027, 0, 1) }, source });
    expect(await keys(db)).toEqual([`upsert contact:${contact.id}`, 'upsert interaction:n1', `upsert task:${task!.id}`].sort());
    const entry = await db.outbox.get('interaction:n1');
    expect(entry).toMatchObject({ entity: 'interaction', localId: 'n1', contactId: contact.id, op: 'upsert', attempts: 0 });
  });

  it('edits, stage changes, done follow-ups and deletions are entries; score and reminder bookkeeping is not', async () => {
    db = freshDb();
    await connect(db);
    const { contact, task } = await logNote(db, { person: jane, note: { id: 'n1', body: 'Hello', nextStep: 'Call', followUpDue: Date.UTC(2027, 0, 1) }, source });
    await db.outbox.clear();

    await recomputeContact(db, contact.id, Date.now());
    await markTaskNotified(db, task!.id, Date.now());
    expect(await keys(db)).toEqual([]);

    await editNote(db, 'n1', { body: 'Hello again' }, Date.now());
    await changeStage(db, { contactId: contact.id, to: 'Qualified', now: Date.now() });
    await completeTask(db, task!.id, Date.now());
    // The stage change itself goes as the contact's stage; Margin's stage-change row is not sent.
    expect(await keys(db)).toEqual([`upsert contact:${contact.id}`, 'upsert interaction:n1', `upsert task:${task!.id}`].sort());

    await db.outbox.clear();
    await deleteInteraction(db, 'n1', Date.now());
    expect(await keys(db)).toEqual(['delete interaction:n1']);
  });

  it('a change that fails leaves no entry behind', async () => {
    db = freshDb();
    await connect(db);
    await expect(
      db.transaction('rw', db.contacts, async () => {
        await db.contacts.add({ id: 'c1', name: 'X', emails: ['x@example.com'], linkedinIds: [], stage: 'Awareness', tags: [], customFields: {}, createdAt: 1, updatedAt: 1 });
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(await db.outbox.count()).toBe(0);
  });

  it('a lost answer stays marked when the row changes again, so the next send looks it up first', async () => {
    db = freshDb();
    await connect(db);
    await logNote(db, { person: jane, note: { id: 'n1', body: 'Hello' }, source });
    await db.outbox.update('interaction:n1', { sentAt: 5 });
    await editNote(db, 'n1', { body: 'Edited' }, Date.now());
    expect(await db.outbox.get('interaction:n1')).toMatchObject({ sentAt: 5, op: 'upsert' });
  });
});
