import type { MarginDb } from './database';
import { newId } from './ids';
import type { Contact, Interaction, Task, UndoRecord } from '../model/schemas';
import { InputRejectedError } from './input-rejected-error';

/** How many undo records are kept; older ones are dropped as new ones arrive. */
export const UNDO_HISTORY = 50;

export interface UndoSnapshot {
  contacts?: Contact[];
  interactions?: Interaction[];
  tasks?: Task[];
}

export interface CreatedIds {
  contacts?: string[];
  interactions?: string[];
  tasks?: string[];
}

/**
 * Records how to undo a change. Call it inside the change's own transaction (which must include
 * the `undo` table), so the change and its undo record land together or not at all.
 */
export async function recordUndo(
  db: MarginDb,
  change: { kind: UndoRecord['kind']; label: string; before: UndoSnapshot; created?: CreatedIds; now: number },
): Promise<UndoRecord> {
  const record: UndoRecord = {
    id: newId(),
    kind: change.kind,
    label: change.label,
    before: {
      contacts: change.before.contacts ?? [],
      interactions: change.before.interactions ?? [],
      tasks: change.before.tasks ?? [],
    },
    createdIds: {
      contacts: change.created?.contacts ?? [],
      interactions: change.created?.interactions ?? [],
      tasks: change.created?.tasks ?? [],
    },
    createdAt: change.now,
  };
  await db.undo.add(record);
  const surplus = (await db.undo.count()) - UNDO_HISTORY;
  if (surplus > 0) {
    // Oldest first, never the record just written (a clock that moved back must not drop it).
    const oldest = await db.undo.orderBy('createdAt').filter((other) => other.id !== record.id).limit(surplus).primaryKeys();
    await db.undo.bulkDelete(oldest);
  }
  return record;
}

/** Puts every row back as it was before the change, removes what it created, in one transaction. */
export async function undoChange(db: MarginDb, undoId: string): Promise<UndoRecord> {
  return db.transaction('rw', [db.contacts, db.interactions, db.tasks, db.undo], async () => {
    const record = await db.undo.get(undoId);
    if (!record) throw new InputRejectedError('That change can no longer be undone.');
    await db.contacts.bulkDelete(record.createdIds.contacts);
    await db.interactions.bulkDelete(record.createdIds.interactions);
    await db.tasks.bulkDelete(record.createdIds.tasks);
    await db.contacts.bulkPut(record.before.contacts);
    await db.interactions.bulkPut(record.before.interactions);
    await db.tasks.bulkPut(record.before.tasks);
    await db.undo.delete(undoId);
    return record;
  });
}
