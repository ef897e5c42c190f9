import type { MarginDb } from '../db/database';
import { newId } from '../db/ids';
import type { Contact, UndoRecord } from '../model/schemas';

export class MergeRefusedError extends Error {
  override name = 'MergeRefusedError';
}

export interface MergeResult {
  contact: Contact;
  undoId: string;
  moved: { interactions: number; tasks: number };
}

/**
 * Merges `mergedId` into `keptId` in one transaction: every interaction and task moves to the
 * kept contact, which gains the merged one's addresses, LinkedIn ids and tags and fills its empty
 * fields; the merged contact is removed. Both contacts and every moved row are written to the
 * `undo` table first, so `undoMerge` restores them exactly.
 */
export async function mergeContacts(
  db: MarginDb,
  { keptId, mergedId, now = Date.now() }: { keptId: string; mergedId: string; now?: number },
): Promise<MergeResult> {
  if (keptId === mergedId) throw new MergeRefusedError('A contact cannot be merged into itself.');
  return db.transaction('rw', [db.contacts, db.interactions, db.tasks, db.undo], async () => {
    const [kept, merged] = await Promise.all([db.contacts.get(keptId), db.contacts.get(mergedId)]);
    if (!kept || !merged) throw new MergeRefusedError('One of the two contacts no longer exists.');
    const interactions = await db.interactions.where('contactId').equals(mergedId).toArray();
    const tasks = await db.tasks.where('contactId').equals(mergedId).toArray();

    const undo: UndoRecord = {
      id: newId(),
      kind: 'merge-contacts',
      label: `Merged ${merged.name || 'a contact'} into ${kept.name || 'a contact'}`.slice(0, 2_000),
      before: { contacts: [kept, merged], interactions, tasks },
      createdIds: { contacts: [], interactions: [], tasks: [] },
      createdAt: now,
    };
    await db.undo.add(undo);

    const combined: Contact = {
      ...kept,
      name: kept.name.trim() ? kept.name : merged.name,
      emails: [...new Set([...kept.emails, ...merged.emails])],
      linkedinIds: [...new Set([...kept.linkedinIds, ...merged.linkedinIds])],
      tags: [...new Set([...kept.tags, ...merged.tags])],
      customFields: { ...merged.customFields, ...kept.customFields },
      ...(!kept.company?.trim() && merged.company ? { company: merged.company } : {}),
      ...(!kept.title?.trim() && merged.title ? { title: merged.title } : {}),
      ...(!kept.location?.trim() && merged.location ? { location: merged.location } : {}),
      createdAt: Math.min(kept.createdAt, merged.createdAt),
      updatedAt: Math.max(kept.updatedAt, merged.updatedAt, now),
    };
    await db.contacts.put(combined);
    await db.contacts.delete(mergedId);
    await db.interactions.bulkPut(interactions.map((row) => ({ ...row, contactId: keptId, updatedAt: Math.max(row.updatedAt, now) })));
    await db.tasks.bulkPut(tasks.map((row) => ({ ...row, contactId: keptId, updatedAt: Math.max(row.updatedAt, now) })));
    return { contact: combined, undoId: undo.id, moved: { interactions: interactions.length, tasks: tasks.length } };
  });
}

/**
 * Undoes a merge in one transaction: both contacts as they were, the moved interactions and
 * tasks back with the merged contact (those deleted since stay deleted), the undo record gone.
 * Returns false when there is nothing to undo (already undone).
 */
export async function undoMerge(db: MarginDb, undoId: string): Promise<boolean> {
  return db.transaction('rw', [db.contacts, db.interactions, db.tasks, db.undo], async () => {
    const record = await db.undo.get(undoId);
    if (!record || record.kind !== 'merge-contacts') return false;
    const { contacts, interactions, tasks } = record.before;
    await db.contacts.bulkPut(contacts);
    const liveInteractions = new Set((await db.interactions.bulkGet(interactions.map((row) => row.id))).map((row) => row?.id));
    const liveTasks = new Set((await db.tasks.bulkGet(tasks.map((row) => row.id))).map((row) => row?.id));
    await db.interactions.bulkPut(interactions.filter((row) => liveInteractions.has(row.id)));
    await db.tasks.bulkPut(tasks.filter((row) => liveTasks.has(row.id)));
    await db.undo.delete(undoId);
    return true;
  });
}
