import { draftKeyOfContact } from '../db/drafts-repository';
import type { MarginDb } from '../db/database';
import { InputRejectedError } from '../db/input-rejected-error';

export interface DeletedCounts {
  interactions: number;
  tasks: number;
}

/**
 * Forgets a person: the contact, every interaction, task, stage suggestion and draft about them,
 * their cached activity, and any undo record that still holds a copy of their rows, in one transaction. Deliberately
 * not undoable (the point of the person's right to be forgotten is that no copy is left); the
 * sidebar asks for confirmation instead.
 */
export async function deleteContact(db: MarginDb, contactId: string): Promise<DeletedCounts> {
  return db.transaction('rw', [db.contacts, db.interactions, db.tasks, db.suggestions, db.activity, db.drafts, db.undo], async () => {
    const contact = await db.contacts.get(contactId);
    if (!contact) throw new InputRejectedError('That contact no longer exists.');
    const interactions = await db.interactions.where('contactId').equals(contactId).delete();
    const tasks = await db.tasks.where('contactId').equals(contactId).delete();
    await db.suggestions.where('contactId').equals(contactId).delete();
    await db.activity.delete(contactId);
    await db.drafts.bulkDelete(draftKeyOfContact(contact));
    await db.undo
      .filter(
        (record) =>
          record.before.contacts.some((row) => row.id === contactId) ||
          record.before.interactions.some((row) => row.contactId === contactId) ||
          record.before.tasks.some((row) => row.contactId === contactId),
      )
      .delete();
    await db.contacts.delete(contactId);
    return { interactions, tasks };
  });
}
