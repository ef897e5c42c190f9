import Papa from 'papaparse';
import type { Contact, Interaction, Task } from '../../src/model/schemas';
import { emptyBackupTables, type BackupTables } from '../../src/export/backup-schema';
import type { CsvTarget } from '../../src/export/crm-mappings';
import { exportCsv, type CsvExportResult } from '../../src/export/export-csv';
import { memoryExportSink } from '../../src/export/export-sink';
import type { UpdatedWindow } from '../../src/export/export-source';
import { memoryExportSource } from '../../src/export/memory-export-source';

export const AT = Date.UTC(2026, 4, 12, 9, 30, 15, 123);

export function contactRow(fields: Partial<Contact> = {}): Contact {
  return {
    id: 'c-1',
    name: 'Ada Lovelace',
    emails: ['ada@example.com'],
    linkedinIds: [],
    company: 'Analytical Engines',
    stage: 'Engaged',
    tags: [],
    customFields: {},
    createdAt: AT,
    updatedAt: AT,
    ...fields,
  };
}

export function interactionRow(fields: Partial<Interaction> = {}): Interaction {
  return {
    id: 'i-1',
    contactId: 'c-1',
    kind: 'note',
    at: AT,
    body: 'Talked about the pilot.',
    source: { site: 'margin' },
    createdAt: AT,
    updatedAt: AT,
    ...fields,
  } as Interaction;
}

export function taskRow(fields: Partial<Task> = {}): Task {
  return { id: 't-1', contactId: 'c-1', due: AT, title: 'Send the proposal', status: 'open', createdAt: AT, updatedAt: AT, ...fields };
}

export function tablesOf(rows: { contacts?: Contact[]; interactions?: Interaction[]; tasks?: Task[] }): BackupTables {
  return { ...emptyBackupTables(), contacts: rows.contacts ?? [], interactions: rows.interactions ?? [], tasks: rows.tasks ?? [] };
}

export interface ExportedCsv {
  result: CsvExportResult;
  /** Every written file's text by name. */
  text: Map<string, string>;
  /** The data rows of a mapping's file: its parts and its aside file, parsed by header. */
  rowsOf(file: string): Array<Record<string, string>>;
}

/** Runs the one CSV writer over rows held in memory. */
export async function exportTables(target: CsvTarget, tables: BackupTables, window?: UpdatedWindow): Promise<ExportedCsv> {
  const sink = memoryExportSink();
  const result = await exportCsv({ target, source: memoryExportSource(tables), sink, ...(window ? { window } : {}) });
  return {
    result,
    text: sink.files,
    rowsOf(file) {
      const base = file.replace(/\.csv$/, '');
      const names = [...sink.files.keys()].filter((name) => name === file || name.startsWith(`${base}-part-`) || name.startsWith(`${base}-no-`));
      return names.flatMap((name) => Papa.parse<Record<string, string>>(sink.files.get(name)!, { header: true, skipEmptyLines: true }).data);
    },
  };
}
