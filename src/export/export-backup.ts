import { BACKUP_FORMAT, BACKUP_TABLES, BACKUP_VERSION } from './backup-schema';
import type { ExportSink } from './export-sink';
import type { ExportSource } from './export-source';
import { throwIfCancelled, yieldToPage, type ExportRunOptions } from './export-progress';

export interface BackupExportRequest extends ExportRunOptions {
  source: ExportSource;
  sink: ExportSink;
  schemaVersion: number;
  exportedAt: number;
  exportedBy?: string;
  fileName?: string;
}

export function backupFileName(exportedAt: number): string {
  return `margin-backup-${new Date(exportedAt).toISOString().slice(0, 10)}.json`;
}

/**
 * Writes the whole database as one JSON backup (backup-schema.ts), a page of rows at a time: one
 * row per line, so the file streams out and stays readable in a text editor.
 */
export async function exportBackup(request: BackupExportRequest): Promise<{ file: string; rows: number }> {
  const { source, sink, signal, onProgress } = request;
  const file = request.fileName ?? backupFileName(request.exportedAt);
  const counts = await Promise.all(BACKUP_TABLES.map((table) => source.countTable(table)));
  const total = counts.reduce((sum, count) => sum + count, 0);
  let done = 0;

  const writer = sink.openFile(file, 'application/json');
  const header = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    schemaVersion: request.schemaVersion,
    exportedAt: request.exportedAt,
    ...(request.exportedBy ? { exportedBy: request.exportedBy } : {}),
  };
  await writer.write(`${JSON.stringify(header).slice(0, -1)},\n"tables":{`);
  for (const [index, table] of BACKUP_TABLES.entries()) {
    throwIfCancelled(signal);
    await writer.write(`${index === 0 ? '' : ','}\n${JSON.stringify(table)}:[`);
    let first = true;
    for await (const page of source.tablePages(table)) {
      throwIfCancelled(signal);
      if (page.length === 0) continue;
      const lines = page.map((row) => JSON.stringify(row)).join(',\n');
      await writer.write(`${first ? '\n' : ',\n'}${lines}`);
      first = false;
      done += page.length;
      onProgress?.({ done, total, file });
      await yieldToPage();
    }
    await writer.write(']');
  }
  await writer.write('\n}}\n');
  await writer.close();
  return { file, rows: done };
}
