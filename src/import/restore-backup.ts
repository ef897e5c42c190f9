import type { MarginDb } from '../db/database';
import type { Contact } from '../model/schemas';
import { crmLinkKey, type CrmLink } from '../model/crm-link';
import { BACKUP_TABLES, type Backup, type BackupTable } from '../export/backup-schema';
import { isExportStateKey } from '../export/export-history';
import { derivedTables, refreshContacts } from '../actions/recompute-scores';
import { ContactMatcher, mergeContact, sameContact } from './contact-matcher';

export type RestoreMode = 'merge' | 'replace';

export interface RestorePlan {
  counts: Record<BackupTable, number>;
  /** Contacts in the backup that are already here (same id, address or LinkedIn id): merged, not duplicated. */
  contactsAlreadyHere: number;
  /** Interactions in the backup that are already here (same id). */
  interactionsAlreadyHere: number;
  /** Contacts, interactions and tasks in the database now (what "replace" deletes). */
  current: { contacts: number; interactions: number; tasks: number };
  exportedAt: number;
  exportedBy?: string;
}

/** The dry run: what restoring would do, without writing anything. */
export async function planRestore(db: MarginDb, backup: Backup): Promise<RestorePlan> {
  return db.transaction('r', db.contacts, db.interactions, db.tasks, async () => {
    const matcher = new ContactMatcher(await db.contacts.toArray());
    let contactsAlreadyHere = 0;
    for (const contact of backup.tables.contacts) if (matcher.match(contact)) contactsAlreadyHere += 1;
    const interactionIds = backup.tables.interactions.map((interaction) => interaction.id);
    const interactionsAlreadyHere = (await db.interactions.bulkGet(interactionIds)).filter(Boolean).length;
    const counts = Object.fromEntries(BACKUP_TABLES.map((table) => [table, backup.tables[table].length])) as Record<
      BackupTable,
      number
    >;
    return {
      counts,
      contactsAlreadyHere,
      interactionsAlreadyHere,
      current: {
        contacts: await db.contacts.count(),
        interactions: await db.interactions.count(),
        tasks: await db.tasks.count(),
      },
      exportedAt: backup.exportedAt,
      ...(backup.exportedBy ? { exportedBy: backup.exportedBy } : {}),
    };
  });
}

export function describeRestorePlan(plan: RestorePlan): string {
  const { counts } = plan;
  const main = `${plural(counts.contacts, 'contact')}, ${plural(counts.interactions, 'interaction')}, ${plural(counts.tasks, 'follow-up')}`;
  const merged =
    plan.contactsAlreadyHere > 0
      ? `; ${plural(plan.contactsAlreadyHere, 'contact')} already here will be merged`
      : '; none of these contacts is here yet';
  return `${main}${merged}.`;
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? noun : `${noun}s`}`;
}

export interface RestoreResult {
  mode: RestoreMode;
  contactsAdded: number;
  contactsMerged: number;
  interactionsAdded: number;
}

/**
 * Restores a checked backup in one transaction over every table: a failure anywhere leaves the
 * database exactly as it was.
 *
 * - `replace` empties every table and stores the backup's rows as they are (an exact restore).
 * - `merge` keeps what is here: contacts already here (by id, address or LinkedIn id) are merged,
 *   their interactions, follow-ups and suggestions re-pointed; a row with an id already here keeps
 *   the newer of the two; settings, drafts, undo history and CRM ids are added only where missing,
 *   and export cursors never (they describe this browser's exports). Rows a merge adds or changes
 *   count as changed now, so the next incremental export carries them.
 */
export async function restoreBackup(db: MarginDb, backup: Backup, mode: RestoreMode, now: number): Promise<RestoreResult> {
  const tables = [...new Set([...BACKUP_TABLES.map((table) => db.table(table)), ...derivedTables(db)])];
  return db.transaction('rw', tables, async () => {
    if (mode === 'replace') {
      for (const table of BACKUP_TABLES) await db.table(table).clear();
      for (const table of BACKUP_TABLES) await db.table(table).bulkAdd(backup.tables[table]);
      // The activity rows are not in a backup: every restored person's is computed from their
      // rows, so the sidebar shows their score at once; the rows stay exactly as backed up.
      await db.activity.clear();
      await refreshContacts(db, backup.tables.contacts.map((contact) => contact.id), now, { keepStoredRows: true });
      return {
        mode,
        contactsAdded: backup.tables.contacts.length,
        contactsMerged: 0,
        interactionsAdded: backup.tables.interactions.length,
      };
    }
    return mergeIntoDb(db, backup, now);
  });
}

async function mergeIntoDb(db: MarginDb, backup: Backup, now: number): Promise<RestoreResult> {
  const matcher = new ContactMatcher(await db.contacts.toArray());
  const contactIdOf = new Map<string, string>();
  const contactsToPut: Contact[] = [];
  let contactsAdded = 0;
  let contactsMerged = 0;
  for (const incoming of backup.tables.contacts) {
    const existing = matcher.match(incoming);
    if (!existing) {
      const added = { ...incoming, updatedAt: Math.max(incoming.updatedAt, now) };
      matcher.remember(added);
      contactIdOf.set(incoming.id, added.id);
      contactsToPut.push(added);
      contactsAdded += 1;
      continue;
    }
    contactIdOf.set(incoming.id, existing.id);
    contactsMerged += 1;
    const merged = mergeContact(existing, incoming);
    if (!sameContact(merged, existing)) {
      const changed = { ...merged, updatedAt: Math.max(merged.updatedAt, now) };
      matcher.remember(changed);
      contactsToPut.push(changed);
    }
  }
  await db.contacts.bulkPut(dedupeById(contactsToPut));

  const repoint = <Row extends { contactId: string }>(row: Row): Row => ({
    ...row,
    contactId: contactIdOf.get(row.contactId) ?? row.contactId,
  });

  /** A CRM id follows its contact when that contact merged into one already here. */
  const repointLink = (link: CrmLink): CrmLink => {
    const contactId = contactIdOf.get(link.contactId) ?? link.contactId;
    const localId = link.entity === 'contact' ? contactId : link.localId;
    return { ...link, contactId, localId, key: crmLinkKey(link.crm, link.entity, localId) };
  };

  const incomingInteractions = backup.tables.interactions.map(repoint);
  const existingInteractions = await db.interactions.bulkGet(incomingInteractions.map((row) => row.id));
  const interactionsToPut = incomingInteractions
    .filter((row, index) => {
      const existing = existingInteractions[index];
      return !existing || row.updatedAt > existing.updatedAt;
    })
    .map((row) => ({ ...row, updatedAt: Math.max(row.updatedAt, now) }));
  await db.interactions.bulkPut(interactionsToPut);

  for (const table of ['tasks', 'suggestions'] as const) {
    const incoming = (backup.tables[table] as Array<{ id: string; contactId: string }>).map(repoint);
    const existing = await db.table(table).bulkGet(incoming.map((row) => row.id));
    await db.table(table).bulkPut(incoming.filter((_, index) => !existing[index]));
  }
  const settings = backup.tables.settings.filter((setting) => !isExportStateKey(setting.key));
  await addMissing(db, 'settings', settings, (row) => row.key);
  await addMissing(db, 'drafts', backup.tables.drafts, (row) => row.key);
  await addMissing(db, 'undo', backup.tables.undo, (row) => row.id);
  // A CRM id known here wins: it is what this browser last sent.
  await addMissing(db, 'crmLinks', backup.tables.crmLinks.map(repointLink), (row) => row.key);
  // Everyone who gained a row, or changed, has their score and suggestion current at once.
  await refreshContacts(db, [...contactsToPut.map((contact) => contact.id), ...interactionsToPut.map((row) => row.contactId)], now);

  return { mode: 'merge', contactsAdded, contactsMerged, interactionsAdded: interactionsToPut.length };
}

async function addMissing<Row>(db: MarginDb, table: BackupTable, rows: Row[], keyOf: (row: Row) => string): Promise<void> {
  const existing = await db.table(table).bulkGet(rows.map(keyOf));
  await db.table(table).bulkAdd(rows.filter((_, index) => !existing[index]));
}

function dedupeById(contacts: Contact[]): Contact[] {
  return [...new Map(contacts.map((contact) => [contact.id, contact])).values()];
}
