import * as contacts from '../db/contacts-repository';
import type { MarginDb } from '../db/database';
import * as interactions from '../db/interactions-repository';
import * as tasks from '../db/tasks-repository';
import * as undo from '../db/undo-repository';
import type { Interaction, Stage, UndoRecord } from '../model/schemas';
import { derivedTables, refreshContacts } from './recompute-scores';

/*
 * The timeline's writes as use cases: each stores its change through its repository and brings
 * the person's derived data (score, the dashboard's fields, the stage suggestion) up to date in
 * the same transaction, so no view has to recompute on its own.
 */

/** Edits a logged note, call or meeting (its sentiment or kind may change the score). */
export async function editNote(
  db: MarginDb,
  id: string,
  changes: interactions.NoteChanges,
  now: number,
): Promise<{ interaction: Interaction; undo: UndoRecord }> {
  return db.transaction('rw', [...derivedTables(db), db.undo], async () => {
    const edited = await interactions.editNote(db, id, changes, now);
    await refreshContacts(db, [edited.interaction.contactId], now);
    return edited;
  });
}

/** Removes an item from the timeline; the undo record can put it back. */
export async function deleteInteraction(db: MarginDb, id: string, now: number): Promise<UndoRecord> {
  return db.transaction('rw', [...derivedTables(db), db.undo], async () => {
    const record = await interactions.deleteInteraction(db, id, now);
    await refreshContacts(db, record.before.interactions.map((row) => row.contactId), now);
    return record;
  });
}

/** Moves a contact to another stage by hand: the stage rules then ask about the new stage. */
export async function changeStage(
  db: MarginDb,
  change: { contactId: string; to: Stage; reason?: string; author?: string; now: number },
): Promise<Interaction> {
  return db.transaction('rw', derivedTables(db), async () => {
    const interaction = await contacts.changeStage(db, change);
    await refreshContacts(db, [change.contactId], change.now);
    return interaction;
  });
}

/** Ticks off a follow-up; it lands on the timeline. */
export async function completeTask(db: MarginDb, taskId: string, now: number): Promise<Interaction> {
  return db.transaction('rw', [...derivedTables(db), db.tasks], async () => {
    const interaction = await tasks.completeTask(db, taskId, now);
    await refreshContacts(db, [interaction.contactId], now);
    return interaction;
  });
}

/** Undoes an edit or a deletion: every person whose rows it puts back or removes is brought up to date. */
export async function undoChange(db: MarginDb, undoId: string, now: number = Date.now()): Promise<UndoRecord> {
  return db.transaction('rw', [...derivedTables(db), db.tasks, db.undo], async () => {
    const pending = await db.undo.get(undoId);
    const created = pending ? await db.interactions.bulkGet(pending.createdIds.interactions) : [];
    const record = await undo.undoChange(db, undoId);
    await refreshContacts(
      db,
      [
        ...record.before.contacts.map((row) => row.id),
        ...record.createdIds.contacts,
        ...record.before.interactions.map((row) => row.contactId),
        ...created.flatMap((row) => (row ? [row.contactId] : [])),
      ],
      now,
    );
    return record;
  });
}
