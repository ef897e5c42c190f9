import * as z from 'zod/mini';
import {
  contactSchema,
  draftSchema,
  interactionSchema,
  settingSchema,
  stageSuggestionSchema,
  taskSchema,
  undoRecordSchema,
} from '../model/schemas';
import { crmLinkSchema } from '../model/crm-link';

/**
 * The published shape of a Margin backup file: every table of the database, row for row, with the
 * row schemas the database itself uses. Restoring a backup into an empty Margin reproduces the
 * same rows exactly (test/export/backup-round-trip.test.ts).
 *
 * `version` is the version of this file format, not of the database schema: it changes only when
 * a Margin that reads version N could no longer read a new file. `schemaVersion` records the
 * database schema the rows were read from (informational; rows are checked by the schemas below).
 */
export const BACKUP_FORMAT = 'margin-backup';
export const BACKUP_VERSION = 1;

/** Backed-up tables, in the order they appear in the file. */
export const BACKUP_TABLES = ['contacts', 'interactions', 'tasks', 'settings', 'drafts', 'suggestions', 'undo', 'crmLinks'] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

export const backupTablesSchema = z.object({
  contacts: z.array(contactSchema),
  interactions: z.array(interactionSchema),
  tasks: z.array(taskSchema),
  settings: z.array(settingSchema),
  drafts: z.array(draftSchema),
  suggestions: z.array(stageSuggestionSchema),
  undo: z.array(undoRecordSchema),
  /**
   * The CRM id of each synced row (live sync), so a backup restored into another browser and
   * connected to the same CRM updates those records instead of creating them again. Files
   * written before the sync have none; an older Margin reading a newer file ignores them.
   */
  crmLinks: z._default(z.array(crmLinkSchema), []),
});
export type BackupTables = z.infer<typeof backupTablesSchema>;

/** Who and when: shown in the restore summary, and used by the team merge for notes with no author. */
export const backupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  schemaVersion: z.number().check(z.int(), z.positive()),
  exportedAt: z.number().check(z.int(), z.nonnegative()),
  /** The rep whose Margin wrote the file (from the "your name" setting), when known. */
  exportedBy: z.optional(z.string().check(z.maxLength(320))),
});

export const backupSchema = z.object({
  ...backupHeaderSchema.shape,
  tables: backupTablesSchema,
});
export type Backup = z.infer<typeof backupSchema>;

/** An empty set of tables, for building backups in tests and merges. */
export function emptyBackupTables(): BackupTables {
  return { contacts: [], interactions: [], tasks: [], settings: [], drafts: [], suggestions: [], undo: [], crmLinks: [] };
}
