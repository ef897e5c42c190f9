import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MarginDb } from '../../src/db/database';
import type { Contact, Interaction, Task } from '../../src/model/schemas';
import { recordUndo, UNDO_HISTORY, undoChange } from '../../src/db/undo-repository';
import { freshDb } from './fresh-db';

const contact: Contact = {
  id: 'c-1',
  name: 'Jane Doe',
  emails: ['jane@acme.com'],
  linkedinIds: [],
  company: 'Acme',
  stage: 'Qualified',
  tags: ['champion'],
  customFields: { budget: 50_000 },
  createdAt: 1,
  updatedAt: 10,
};
const interaction: Interaction = {
  id: 'i-1',
  contactId: 'c-1',
  at: 100,
  kind: 'note',
  sentiment: 'Concerned',
  body: 'Worried about the rollout',
  objection: 'Timing',
  tags: ['rollout'],
  source: { site: 'gmail', url: 'https://mail.google.com/mail/u/0/#inbox/abc', threadId: 'abc' },
  createdAt: 100,
  updatedAt: 100,
};
const task: Task = { id: 't-1', contactId: 'c-1', due: 500, title: 'Call back', status: 'open', createdAt: 100, updatedAt: 100 };

let db: MarginDb;
afterEach(() => db?.close());

describe('recordUndo', () => {
  it('stores the rows as they were and the ids the change created', async () => {
    db = freshDb();
    const record = await db.transaction('rw', db.undo, () =>
      recordUndo(db, {
        kind: 'merge-contacts',
        label: 'Merged Jane D. into Jane Doe',
        before: { contacts: [contact] },
        created: { interactions: ['i-new'] },
        now: 42,
      }),
    );

    expect(record).toEqual({
      id: expect.any(String),
      kind: 'merge-contacts',
      label: 'Merged Jane D. into Jane Doe',
      before: { contacts: [contact], interactions: [], tasks: [] },
      createdIds: { contacts: [], interactions: ['i-new'], tasks: [] },
      createdAt: 42,
    });
    expect(await db.undo.get(record.id)).toEqual(record);
  });

  it(`keeps only the newest ${UNDO_HISTORY} records`, async () => {
    db = freshDb();
    const ids: string[] = [];
    for (let at = 1; at <= UNDO_HISTORY + 3; at += 1) {
      const record = await recordUndo(db, { kind: 'delete-interaction', label: `change ${at}`, before: {}, now: at });
      ids.push(record.id);
    }

    const kept = await db.undo.orderBy('createdAt').toArray();
    expect(UNDO_HISTORY).toBe(50);
    expect(kept).toHaveLength(UNDO_HISTORY);
    expect(kept.map((record) => record.id)).toEqual(ids.slice(3));
    expect(kept[0]?.label).toBe('change 4');
  });
});

describe('undoChange', () => {
  it('puts changed and deleted rows back exactly and removes what the change created, then forgets the record', async () => {
    db = freshDb();
    await db.contacts.add(contact);
    await db.interactions.add(interaction);
    await db.tasks.add(task);
    const record = await recordUndo(db, {
      kind: 'merge-contacts',
      label: 'Merged',
      before: { contacts: [contact], interactions: [interaction], tasks: [task] },
      created: { contacts: ['c-new'], interactions: ['i-new'], tasks: ['t-new'] },
      now: 1_000,
    });
    // The change: rows edited or deleted, new rows created.
    await db.contacts.put({ ...contact, name: 'Changed', tags: [], customFields: {}, updatedAt: 1_000 });
    await db.contacts.add({ ...contact, id: 'c-new', emails: ['other@acme.com'] });
    await db.interactions.delete('i-1');
    await db.interactions.add({ ...interaction, id: 'i-new' });
    await db.tasks.put({ ...task, status: 'done', doneAt: 1_000 });
    await db.tasks.add({ ...task, id: 't-new' });

    const undone = await undoChange(db, record.id);

    expect(undone).toEqual(record);
    expect(await db.contacts.toArray()).toEqual([contact]);
    expect(await db.interactions.toArray()).toEqual([interaction]);
    expect(await db.tasks.toArray()).toEqual([task]);
    expect(await db.undo.count()).toBe(0);
  });

  it('refuses an unknown or already used undo with a clear message', async () => {
    db = freshDb();
    await expect(undoChange(db, 'no-such-change')).rejects.toThrow('That change can no longer be undone.');

    const record = await recordUndo(db, { kind: 'delete-interaction', label: 'Note deleted', before: { interactions: [interaction] }, now: 1 });
    await undoChange(db, record.id);
    await expect(undoChange(db, record.id)).rejects.toThrow('That change can no longer be undone.');
    expect(await db.interactions.toArray()).toEqual([interaction]);
  });

  it('changes nothing when putting a row back fails part way (one transaction)', async () => {
    db = freshDb();
    await db.interactions.add({ ...interaction, id: 'i-new' });
    const record = await recordUndo(db, {
      kind: 'delete-contact',
      label: 'Contact deleted',
      before: { contacts: [contact], tasks: [task] },
      created: { interactions: ['i-new'] },
      now: 1,
    });
    vi.spyOn(db.tasks, 'bulkPut').mockRejectedValue(new DOMException('disk full', 'QuotaExceededError'));

    await expect(undoChange(db, record.id)).rejects.toThrow('disk full');

    vi.restoreAllMocks();
    expect(await db.contacts.count()).toBe(0);
    expect(await db.interactions.toArray()).toEqual([{ ...interaction, id: 'i-new' }]);
    expect(await db.undo.get(record.id)).toEqual(record);
  });
});
