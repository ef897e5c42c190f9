import * as z from 'zod/mini';
import { BACKUP_FORMAT, BACKUP_TABLES, BACKUP_VERSION, backupSchema, type Backup, type BackupTable } from '../export/backup-schema';
import { crmLinkKey } from '../model/crm-link';
import { describeIssue } from '../model/describe-issue';
import { ImportFileError } from './import-file-error';
import { lineAndColumn } from './text-position';

/**
 * A backup file's text, checked all the way: JSON syntax (a cut-off file is named as such, with
 * the line and column where it stops), that it is a Margin backup of a version this Margin reads,
 * every row against the published schema (the first problem named by its JSON path), and that
 * rows refer to contacts the backup holds.
 */
export function parseBackupText(text: string): Backup {
  const json = parseJson(text);
  checkHeader(json);
  const parsed = z.safeParse(backupSchema, json, { reportInput: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ImportFileError(`The backup does not match Margin's backup schema: ${describeLocated(issue, json)}.`, `at ${jsonPath(issue.path)}`);
  }
  checkUniqueKeys(parsed.data);
  checkReferences(parsed.data);
  return parsed.data;
}

function parseJson(text: string): unknown {
  if (text.trim() === '') throw new ImportFileError('The file is empty.', 'character 1');
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const reported = /position (\d+)/.exec(message)?.[1];
    const offset = reported === undefined ? text.length : Number(reported);
    const { line, column } = lineAndColumn(text, offset);
    const where = `line ${line}, column ${column} (character ${offset + 1} of ${text.length})`;
    const endsEarly = /end of (JSON|data) input|Unterminated/i.test(message) || offset >= text.trimEnd().length - 1;
    if (endsEarly) {
      throw new ImportFileError('The file ends too early: it looks cut off (an unfinished download or copy?).', where);
    }
    throw new ImportFileError(`The file is not valid JSON: ${message.replace(/\s*in JSON at position.*$/, '')}.`, where);
  }
}

function checkHeader(json: unknown): void {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ImportFileError('This is not a Margin backup: the file holds no JSON object.', 'at $');
  }
  const header = json as Record<string, unknown>;
  if (header.format !== BACKUP_FORMAT) {
    throw new ImportFileError(`This is not a Margin backup: "format" should be "${BACKUP_FORMAT}".`, 'at $.format');
  }
  if (typeof header.version !== 'number') {
    throw new ImportFileError('The backup has no version number.', 'at $.version');
  }
  if (header.version > BACKUP_VERSION) {
    throw new ImportFileError(
      `The backup is version ${header.version}, written by a newer Margin; this Margin reads version ${BACKUP_VERSION}. Update Margin and try again.`,
      'at $.version',
    );
  }
  if (header.version !== BACKUP_VERSION) {
    throw new ImportFileError(`The backup version ${header.version} is not one Margin ever wrote.`, 'at $.version');
  }
}

/**
 * "contacts row 25 (id "c-0025"): the name is 600 characters long; …": the row by its number in
 * its table and its key, so the person can find it in the file, and the field in words.
 */
function describeLocated(issue: z.core.$ZodIssue, json: unknown): string {
  const [first, table, index, ...rest] = issue.path;
  if (first !== 'tables' || typeof table !== 'string' || typeof index !== 'number') {
    return describeIssue(issue);
  }
  const row = ((json as { tables?: Record<string, unknown[]> }).tables?.[table] ?? [])[index];
  const key = typeof row === 'object' && row !== null ? ((row as Record<string, unknown>)[keyField(table)] ?? undefined) : undefined;
  const named = typeof key === 'string' && key !== '' && key.length <= 80 ? ` (${keyField(table)} "${key}")` : '';
  return `${table} row ${index + 1}${named}: ${describeIssue({ ...issue, path: rest })}`;
}

/** Each table's primary key: what must be unique within it. */
function keyField(table: string): 'id' | 'key' {
  return table === 'settings' || table === 'drafts' || table === 'crmLinks' ? 'key' : 'id';
}

/** Two rows of one table with the same key would make the restore fail half-way: named here instead. */
function checkUniqueKeys(backup: Backup): void {
  for (const table of BACKUP_TABLES) {
    const field = keyField(table);
    const seen = new Map<string, number>();
    for (const [index, row] of (backup.tables[table] as ReadonlyArray<Partial<Record<BackupKey, string>>>).entries()) {
      const key = row[field] ?? '';
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        throw new ImportFileError(
          `Two ${ROW_WORDS[table]} have the ${field} "${key}" (rows ${earlier + 1} and ${index + 1} of ${table}); each must be unique.`,
          `at $.tables.${table}[${index}].${field}`,
        );
      }
      seen.set(key, index);
    }
  }
}

type BackupKey = 'id' | 'key';

const ROW_WORDS: Record<BackupTable, string> = {
  contacts: 'contacts',
  interactions: 'interactions',
  tasks: 'follow-ups',
  settings: 'settings',
  drafts: 'drafts',
  suggestions: 'suggestions',
  undo: 'undo steps',
  crmLinks: 'CRM ids',
};

function checkReferences(backup: Backup): void {
  const { tables } = backup;
  const contactIds = new Set(tables.contacts.map((contact) => contact.id));
  // A CRM id's key names its CRM, kind and row; one that does not would be stored where no sync looks.
  for (const [index, link] of tables.crmLinks.entries()) {
    if (link.key !== crmLinkKey(link.crm, link.entity, link.localId)) {
      throw new ImportFileError(`A CRM id's key "${link.key}" does not name its CRM, kind and row.`, `at $.tables.crmLinks[${index}].key`);
    }
  }
  for (const table of ['interactions', 'tasks', 'suggestions'] as const) {
    for (const [index, row] of tables[table].entries()) {
      if (!contactIds.has(row.contactId)) {
        throw new ImportFileError(
          `A row refers to the contact "${row.contactId}", which is not in the backup.`,
          `at $.tables.${table}[${index}].contactId`,
        );
      }
    }
  }
}

/** `$.tables.contacts[3].stage`, as people and tools such as jq write JSON paths. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (written, key) => (typeof key === 'number' ? `${written}[${key}]` : `${written}.${String(key)}`),
    '$',
  );
}

