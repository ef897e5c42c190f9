import type { EntityTable } from 'dexie';
import type { Contact, Interaction, Task, UndoRecord } from '../model/schemas';
import { newId } from './ids';

/*
 * The rows a merge writes, shared by the merge use case (src/actions/merge-contacts.ts) and a
 * schema upgrade (src/db/repair-member-id-case.ts). It lives in src/db because an upgrade function
 * must: the schema may not import a use case.
 */

export interface MergeResult {
  contact: Contact;
  undoId: string;
  moved: { interactions: number; tasks: number };
}

/** The tables a merge writes; a database, or the tables of a schema upgrade's transaction. */
export interface MergeTables {
  contacts: EntityTable<Contact, 'id'>;
  interactions: EntityTable<Interaction, 'id'>;
  tasks: EntityTable<Task, 'id'>;
  undo: EntityTable<UndoRecord, 'id'>;
}

/**
 * The merge itself, inside the caller's transaction: the undo record first (both contacts and
 * every row that moves), then the combined contact, the merged one removed, its rows moved.
 * Both callers use it, so a merge the upgrade made is undone by `undoMerge` like any other.
 */
export async function mergeRows(tables: MergeTables, kept: Contact, merged: Contact, now: number, reason = ''): Promise<MergeResult> {
  const interactions = await tables.interactions.where('contactId').equals(merged.id).toArray();
  const tasks = await tables.tasks.where('contactId').equals(merged.id).toArray();

  const undo: UndoRecord = {
    id: newId(),
    kind: 'merge-contacts',
    label: `Merged ${merged.name || 'a contact'} into ${kept.name || 'a contact'}${reason}`.slice(0, 2_000),
    before: { contacts: [kept, merged], interactions, tasks },
    createdIds: { contacts: [], interactions: [], tasks: [] },
    createdAt: now,
  };
  await tables.undo.add(undo);

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
  await tables.contacts.put(combined);
  await tables.contacts.delete(merged.id);
  await tables.interactions.bulkPut(interactions.map((row) => ({ ...row, contactId: kept.id, updatedAt: Math.max(row.updatedAt, now) })));
  await tables.tasks.bulkPut(tasks.map((row) => ({ ...row, contactId: kept.id, updatedAt: Math.max(row.updatedAt, now) })));
  return { contact: combined, undoId: undo.id, moved: { interactions: interactions.length, tasks: tasks.length } };
}
