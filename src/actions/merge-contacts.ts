import type { MarginDb } from '../db/database';
import { mergeRows, type MergeResult } from '../db/merge-rows';
import { InputRejectedError } from '../db/input-rejected-error';
import { derivedTables, refreshContacts } from './recompute-scores';

export class MergeRefusedError extends InputRejectedError {
  override name = 'MergeRefusedError';
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
  return db.transaction('rw', [...derivedTables(db), db.tasks, db.undo], async () => {
    const [kept, merged] = await Promise.all([db.contacts.get(keptId), db.contacts.get(mergedId)]);
    if (!kept || !merged) throw new MergeRefusedError('One of the two contacts no longer exists.');
    const result = await mergeRows(db, kept, merged, now);
    // The kept contact's score now counts both histories (the merged one's row goes with them).
    await refreshContacts(db, [keptId, mergedId], now);
    return result;
  });
}

/**
 * Undoes a merge in one transaction: both contacts as they were, the moved interactions and
 * tasks back with the merged contact (those deleted since stay deleted), the undo record gone.
 * Returns false when there is nothing to undo (already undone).
 */
export async function undoMerge(db: MarginDb, undoId: string, now: number = Date.now()): Promise<boolean> {
  return db.transaction('rw', [...derivedTables(db), db.tasks, db.undo], async () => {
    const record = await db.undo.get(undoId);
    if (!record || record.kind !== 'merge-contacts') return false;
    const { contacts, interactions, tasks } = record.before;
    await db.contacts.bulkPut(contacts);
    const liveInteractions = new Set((await db.interactions.bulkGet(interactions.map((row) => row.id))).map((row) => row?.id));
    const liveTasks = new Set((await db.tasks.bulkGet(tasks.map((row) => row.id))).map((row) => row?.id));
    await db.interactions.bulkPut(interactions.filter((row) => liveInteractions.has(row.id)));
    await db.tasks.bulkPut(tasks.filter((row) => liveTasks.has(row.id)));
    await db.undo.delete(undoId);
    await refreshContacts(db, contacts.map((row) => row.id), now);
    return true;
  });
}
