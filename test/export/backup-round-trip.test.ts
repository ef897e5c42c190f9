import { describe, expect, it } from 'vitest';
import { storeRows } from '../../src/db/store-rows';
import { buildDemoData } from '../../src/demo/demo-data';
import { exportBackup } from '../../src/export/export-backup';
import { dexieExportSource } from '../../src/export/dexie-export-source';
import { memoryExportSink } from '../../src/export/export-sink';
import { ExportCancelledError } from '../../src/export/export-progress';
import { parseBackupText } from '../../src/import/parse-backup';
import { restoreBackup } from '../../src/import/restore-backup';
import { freshDb } from '../db/fresh-db';
import { dumpDb } from './dump-db';
import { aliceBackup } from './fixture-backups';

async function backupText(db: ReturnType<typeof freshDb>, pageSize = 3): Promise<string> {
  const sink = memoryExportSink();
  const { file } = await exportBackup({ source: dexieExportSource(db, pageSize), sink, schemaVersion: 2, exportedAt: 1_000 });
  return sink.files.get(file)!;
}

describe('the full backup', () => {
  it('restored into an empty Margin reproduces every table exactly', async () => {
    const original = freshDb();
    await restoreBackup(original, aliceBackup(), 'replace', 5);
    await storeRows(original, buildDemoData(Date.UTC(2026, 4, 1)));
    const text = await backupText(original);

    const restored = freshDb();
    await restoreBackup(restored, parseBackupText(text), 'replace', Date.now());
    expect(await dumpDb(restored)).toEqual(await dumpDb(original));
    // …and a second trip writes the same rows again.
    expect(parseBackupText(await backupText(restored)).tables).toEqual(parseBackupText(text).tables);
  });

  it('validates against the published schema and records the format version', async () => {
    const db = freshDb();
    await restoreBackup(db, aliceBackup(), 'replace', 5);
    const backup = parseBackupText(await backupText(db));
    expect(backup).toMatchObject({ format: 'margin-backup', version: 1, schemaVersion: 2 });
    expect(backup.tables.contacts).toHaveLength(4);
  });

  it('stops when cancelled, between two pages', async () => {
    const db = freshDb();
    await restoreBackup(db, aliceBackup(), 'replace', 5);
    const controller = new AbortController();
    const sink = memoryExportSink();
    const pages: number[] = [];
    const run = exportBackup({
      source: dexieExportSource(db, 2),
      sink,
      schemaVersion: 2,
      exportedAt: 1,
      signal: controller.signal,
      onProgress: ({ done }) => {
        pages.push(done);
        if (done >= 4) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(ExportCancelledError);
    expect(pages).toEqual([2, 4]);
    expect(sink.files.size).toBe(0);
  });
});
