/**
 * The team command: merges reps' Margin backups and writes the import files for the team's CRM.
 *
 *   npm run export -- --target hubspot --out ./hubspot-import alice.json bob.json …
 *
 * It shares the extension's export code (src/export) and backup checks (src/import): the files
 * are the ones the dashboard writes, from the merged people.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DB_SCHEMA_VERSION_FOR_BACKUP } from '../src/export/backup-version';
import { CSV_TARGET_IDS, csvTarget, type CsvTargetId } from '../src/export/crm-mappings';
import { exportBackup } from '../src/export/export-backup';
import { exportCsv } from '../src/export/export-csv';
import type { ExportFileWriter, ExportSink } from '../src/export/export-sink';
import { renderChecks } from '../src/export/import-readiness';
import { memoryExportSource } from '../src/export/memory-export-source';
import { decodeUtf8 } from '../src/import/decode-utf8';
import { ImportFileError } from '../src/import/import-file-error';
import { formatBytes } from '../src/import/import-limits';
import { mergeBackups } from '../src/import/merge-backups';
import { parseBackupText } from '../src/import/parse-backup';

/** V8 cannot hold a string much longer than 512 MB, so a larger backup cannot be parsed as one. */
const MAX_BACKUP_BYTES = 500 * 1024 * 1024;
const TARGETS = [...CSV_TARGET_IDS, 'backup'] as const;
type Target = (typeof TARGETS)[number];

const USAGE = `Usage: npm run export -- --target <${TARGETS.join('|')}> [--out <folder>] [--since <date>] <backup.json>…

Merges the reps' Margin backups (people by address and LinkedIn id, each note keeping its author)
and writes the files to import into the team's CRM into <folder> (default: ./margin-export), with a
README of the import steps and what to set up first; it prints the same checks when it is done.

  --target   hubspot, salesforce, pipedrive, generic (contacts.csv + interactions.csv), or backup
             (one merged Margin backup)
  --out      the folder to write into (created if missing)
  --since    only rows changed after this date/time (ISO 8601, e.g. 2026-05-01 or 2026-05-01T09:00Z)
  --help     this text`;

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface CliResult {
  files: string[];
  summary: string;
}

export async function runMarginExport(argv: readonly string[], log: (line: string) => void = () => undefined): Promise<CliResult> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      target: { type: 'string' },
      out: { type: 'string', default: 'margin-export' },
      since: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return { files: [], summary: USAGE };
  const target = values.target as Target | undefined;
  if (!target || !TARGETS.includes(target)) throw new UsageError(`Choose a --target: ${TARGETS.join(', ')}.\n\n${USAGE}`);
  if (positionals.length === 0) throw new UsageError(`Name at least one backup file.\n\n${USAGE}`);
  const since = values.since === undefined ? undefined : parseSince(values.since);

  const backups = [];
  for (const file of positionals) backups.push(await readBackup(file));
  const { tables, summary } = mergeBackups(backups);
  log(
    `Merged ${backups.length} backup(s): ${summary.contactsRead} contact records into ${summary.contacts} people, ` +
      `${summary.interactions} interactions (${summary.duplicateInteractions} duplicates dropped).`,
  );

  const outDir = path.resolve(values.out);
  await mkdir(outDir, { recursive: true });
  const sink = fileSink(outDir);
  const source = memoryExportSource(tables);
  const exportedAt = Date.now();
  let written: string[];
  let checks = '';
  if (target === 'backup') {
    const result = await exportBackup({
      source,
      sink,
      schemaVersion: DB_SCHEMA_VERSION_FOR_BACKUP,
      exportedAt,
      exportedBy: 'margin-export (team merge)',
      fileName: 'margin-team-backup.json',
    });
    written = [result.file];
  } else {
    const result = await exportCsv({
      target: csvTarget(target as CsvTargetId),
      source,
      sink,
      ...(since === undefined ? {} : { window: { after: since } }),
    });
    written = result.files;
    checks = renderChecks(result.readiness).join('\n');
  }
  await sink.finished();
  return {
    files: written.map((file) => path.join(outDir, file)),
    summary: `Wrote ${written.join(', ')} into ${outDir}.${checks ? `\n\n${checks}` : ''}`,
  };
}

async function readBackup(file: string) {
  try {
    const { size } = await stat(file);
    if (size > MAX_BACKUP_BYTES) {
      throw new ImportFileError(`The file is ${formatBytes(size)}; the largest backup this command reads is ${formatBytes(MAX_BACKUP_BYTES)}.`, 'file size');
    }
    if (size === 0) throw new ImportFileError('The file is empty.', 'byte 0');
    return parseBackupText(decodeUtf8(new Uint8Array(await readFile(file))));
  } catch (error) {
    if (error instanceof ImportFileError) throw new ImportFileError(`${file}: ${error.problem}`, error.where);
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') throw new UsageError(`${file}: no such file.`);
    throw error;
  }
}

function parseSince(text: string): number {
  const at = Date.parse(text);
  if (Number.isNaN(at)) throw new UsageError(`--since ${text}: not a date (use ISO 8601, e.g. 2026-05-01).`);
  return at;
}

export function fileSink(outDir: string): ExportSink & { finished(): Promise<void> } {
  const closing: Promise<void>[] = [];
  return {
    openFile(name): ExportFileWriter {
      const stream = createWriteStream(path.join(outDir, name), { encoding: 'utf8' });
      const closed = new Promise<void>((resolve, reject) => {
        stream.on('finish', resolve);
        stream.on('error', reject);
      });
      closing.push(closed);
      return {
        write: (chunk) =>
          stream.write(chunk) ? undefined : new Promise<void>((resolve) => stream.once('drain', () => resolve())),
        close: () => {
          stream.end();
          return closed;
        },
      };
    },
    rename: (from, to) => rename(path.join(outDir, from), path.join(outDir, to)),
    finished: async () => {
      await Promise.all(closing);
    },
  };
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  runMarginExport(process.argv.slice(2), (line) => console.error(line)).then(
    (result) => {
      console.log(result.summary);
    },
    (error: unknown) => {
      if (error instanceof ImportFileError || error instanceof UsageError) {
        console.error(error.message);
        process.exitCode = error instanceof UsageError ? 2 : 1;
      } else {
        console.error(error);
        process.exitCode = 1;
      }
    },
  );
}
