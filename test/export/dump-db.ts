import type { MarginDb } from '../../src/db/database';
import { BACKUP_TABLES, emptyBackupTables, type BackupTables } from '../../src/export/backup-schema';

/** Every row of every table, in primary-key order: two dumps are equal when the data is. */
export async function dumpDb(db: MarginDb): Promise<BackupTables> {
  const dump = emptyBackupTables();
  for (const table of BACKUP_TABLES) (dump as Record<string, unknown[]>)[table] = await db.table(table).toArray();
  return dump;
}
