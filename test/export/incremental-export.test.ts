import { describe, expect, it } from 'vitest';
import type { Interaction } from '../../src/model/schemas';
import { HUBSPOT } from '../../src/export/crm-mappings';
import { dexieExportSource } from '../../src/export/dexie-export-source';
import { exportCsv } from '../../src/export/export-csv';
import {
  batchWindow,
  ExportHistoryError,
  getExportCursor,
  getExportHistory,
  markExportSaved,
  MAX_EXPORT_BATCHES,
  nextExportWindow,
  recordExportBatch,
  resetExportCursor,
  type ExportBatch,
} from '../../src/export/export-history';
import { memoryExportSink } from '../../src/export/export-sink';
import type { UpdatedWindow } from '../../src/export/export-source';
import { parseBackupText } from '../../src/import/parse-backup';
import { restoreBackup } from '../../src/import/restore-backup';
import { freshDb } from '../db/fresh-db';
import { aliceBackup } from './fixture-backups';

type Db = ReturnType<typeof freshDb>;
const H = 3_600_000;
const FIRST = Date.UTC(2026, 4, 5);

async function hubspotNotes(db: Db, window: UpdatedWindow) {
  const sink = memoryExportSink();
  const result = await exportCsv({ target: HUBSPOT, source: dexieExportSource(db, 2), sink, window });
  return { result, notes: sink.files.get('hubspot-notes.csv')!, noEmail: sink.files.get('hubspot-notes-no-email.csv') ?? '' };
}

/** What the dashboard does on "Export for HubSpot": the next window, the files, a batch in the history. */
async function exportNew(db: Db, now: number) {
  const window = nextExportWindow(await getExportCursor(db, 'hubspot'), now, true);
  const exported = await hubspotNotes(db, window);
  const batch: ExportBatch = {
    id: `b-${now}`,
    createdAt: now,
    ...(window.after === undefined ? {} : { after: window.after }),
    upTo: window.upTo,
    contacts: exported.result.contacts,
    interactions: exported.result.interactions,
    tasks: exported.result.tasks,
    files: exported.result.files,
  };
  await recordExportBatch(db, 'hubspot', batch);
  return { ...exported, batch };
}

function note(id: string, at: number, body: string): Interaction {
  return { id, contactId: 'c-0001', kind: 'note', at, body, source: { site: 'margin' }, createdAt: at, updatedAt: at };
}

async function aliceDb(): Promise<Db> {
  const db = freshDb();
  await restoreBackup(db, aliceBackup(), 'replace', 0);
  return db;
}

describe('incremental export with an export history', () => {
  it('keeps rows waiting until an export is marked saved: generating files moves nothing', async () => {
    const db = await aliceDb();
    const first = await exportNew(db, FIRST);
    expect(first.result.interactions).toBe(5);
    expect(await getExportCursor(db, 'hubspot')).toBeNull();

    // Exported again without saving: the same notes are there.
    const again = await exportNew(db, FIRST + H);
    expect(again.notes).toBe(first.notes);
    expect(again.batch.after).toBeUndefined();

    await markExportSaved(db, 'hubspot', again.batch.id, FIRST + 2 * H);
    expect(await getExportCursor(db, 'hubspot')).toMatchObject({ upTo: FIRST + H, exportedAt: FIRST + 2 * H });
    const afterSave = await exportNew(db, FIRST + 3 * H);
    expect(afterSave.result).toMatchObject({ contacts: 0, interactions: 0 });
    expect(afterSave.batch.after).toBe(FIRST + H);

    const history = await getExportHistory(db, 'hubspot');
    expect(history.map((batch) => [batch.id, batch.savedAt])).toEqual([
      [afterSave.batch.id, undefined],
      [again.batch.id, FIRST + 2 * H],
      [first.batch.id, undefined],
    ]);
  });

  it('sends each note once: a later export holds what is new, not edits of notes already saved', async () => {
    const db = await aliceDb();
    const full = await exportNew(db, FIRST);
    await markExportSaved(db, 'hubspot', full.batch.id, FIRST);

    const later = FIRST + H;
    await db.interactions.put(note('i-new', later, 'New after the export'));
    const edited = (await db.interactions.get('i-0001'))!;
    await db.interactions.put({ ...edited, body: 'Edited after the export', editedAt: later, updatedAt: later });

    const next = await exportNew(db, later + 1);
    expect(next.notes).toContain('New after the export');
    expect(next.notes).not.toContain('Edited after the export');
    expect(next.notes).not.toContain('discount');
    expect(next.result).toMatchObject({ interactions: 1, contacts: 0 });
  });

  it('downloads an unsaved batch again with a note edited since, and the next export does not repeat it', async () => {
    const db = await aliceDb();
    const t1 = FIRST + H;
    await db.interactions.put(note('i-new', FIRST + 1, 'Written before the export'));
    const batch = (await exportNew(db, t1)).batch;
    // The note is edited after the files were made (and never saved).
    const written = (await db.interactions.get('i-new'))!;
    await db.interactions.put({ ...written, body: 'Written, then edited', editedAt: t1 + H, updatedAt: t1 + H });

    const redownload = await hubspotNotes(db, batchWindow(batch));
    expect(redownload.notes).toContain('Written, then edited');
    await markExportSaved(db, 'hubspot', batch.id, t1 + 2 * H);
    const next = await exportNew(db, t1 + 3 * H);
    expect(next.notes).not.toContain('Written');
  });

  it('refuses to mark saved a batch that starts after a reset cursor, which would skip rows', async () => {
    const db = await aliceDb();
    const first = await exportNew(db, FIRST);
    await markExportSaved(db, 'hubspot', first.batch.id, FIRST);
    const second = await exportNew(db, FIRST + H);
    await resetExportCursor(db, 'hubspot');
    expect(await getExportCursor(db, 'hubspot')).toBeNull();
    await expect(markExportSaved(db, 'hubspot', second.batch.id, FIRST + 2 * H)).rejects.toBeInstanceOf(ExportHistoryError);
    expect(await getExportCursor(db, 'hubspot')).toBeNull();
  });

  it('marking an older batch saved after a newer one never moves the cursor back', async () => {
    const db = await aliceDb();
    const older = await exportNew(db, FIRST);
    const newer = await exportNew(db, FIRST + H);
    await markExportSaved(db, 'hubspot', newer.batch.id, FIRST + 2 * H);
    await markExportSaved(db, 'hubspot', older.batch.id, FIRST + 3 * H);
    expect((await getExportCursor(db, 'hubspot'))?.upTo).toBe(FIRST + H);
  });

  it('keeps twenty batches, dropping the oldest saved ones first', async () => {
    const db = freshDb();
    const batch = (index: number, saved: boolean): ExportBatch => ({
      id: `b-${index}`,
      createdAt: index,
      upTo: index,
      contacts: 0,
      interactions: 0,
      tasks: 0,
      files: [],
      ...(saved ? { savedAt: index } : {}),
    });
    await recordExportBatch(db, 'hubspot', batch(0, false));
    for (let index = 1; index <= MAX_EXPORT_BATCHES + 4; index += 1) await recordExportBatch(db, 'hubspot', batch(index, index % 2 === 0));
    const history = await getExportHistory(db, 'hubspot');
    expect(history).toHaveLength(MAX_EXPORT_BATCHES);
    expect(history.map((kept) => kept.id)).toContain('b-0');
    expect(history[0]!.id).toBe(`b-${MAX_EXPORT_BATCHES + 4}`);
  });

  it('a merge restore leaves this Margin\'s export history and cursor alone', async () => {
    const db = await aliceDb();
    const first = await exportNew(db, FIRST);
    await markExportSaved(db, 'hubspot', first.batch.id, FIRST);
    const other = aliceBackup();
    other.tables.settings.push({ key: 'export-history:hubspot', value: [] }, { key: 'export-cursor:salesforce', value: { upTo: 1, exportedAt: 1, contacts: 0, interactions: 0 } });
    await restoreBackup(db, parseBackupText(JSON.stringify(other)), 'merge', FIRST + H);
    expect(await getExportHistory(db, 'hubspot')).toHaveLength(1);
    expect(await getExportCursor(db, 'salesforce')).toBeNull();
  });

  it('pages along the updatedAt index without losing rows that share a time', async () => {
    const db = await aliceDb();
    const rows = Array.from({ length: 7 }, (_, index) => ({ ...note(`x-${index}`, 10, `same time ${index}`) }));
    await db.interactions.bulkPut(rows);
    const seen: string[] = [];
    for await (const page of dexieExportSource(db, 2).interactionPages({ after: 5, upTo: 10 })) seen.push(...page.map((row) => row.id));
    expect(seen).toEqual(rows.map((row) => row.id));
  });
});
