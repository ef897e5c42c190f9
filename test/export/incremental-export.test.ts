import { describe, expect, it } from 'vitest';
import { HUBSPOT } from '../../src/export/crm-mappings';
import { dexieExportSource } from '../../src/export/dexie-export-source';
import { getExportCursor, resetExportCursor, setExportCursor } from '../../src/export/export-cursors';
import { exportCsv } from '../../src/export/export-csv';
import { memoryExportSink } from '../../src/export/export-sink';
import { restoreBackup } from '../../src/import/restore-backup';
import { freshDb } from '../db/fresh-db';
import { aliceBackup } from './fixture-backups';

async function hubspotNotes(db: ReturnType<typeof freshDb>, window: { after?: number; upTo?: number }) {
  const sink = memoryExportSink();
  const result = await exportCsv({ target: HUBSPOT, source: dexieExportSource(db, 2), sink, window });
  return { result, notes: sink.files.get('hubspot-notes.csv')! };
}

describe('incremental export', () => {
  it('sends each note to HubSpot once: the second export holds only what is new, not edits', async () => {
    const db = freshDb();
    await restoreBackup(db, aliceBackup(), 'replace', 0);
    const first = Date.UTC(2026, 4, 5);
    const full = await hubspotNotes(db, { upTo: first });
    expect(full.result.interactions).toBe(4);
    await setExportCursor(db, 'hubspot', { upTo: first, exportedAt: first, contacts: full.result.contacts, interactions: full.result.interactions });

    const later = first + 3_600_000;
    await db.interactions.put({
      id: 'i-new',
      contactId: 'c-0001',
      kind: 'note',
      at: later,
      body: 'New after the export',
      source: { site: 'margin' },
      createdAt: later,
      updatedAt: later,
    });
    const edited = (await db.interactions.get('i-0001'))!;
    await db.interactions.put({ ...edited, body: 'Edited after the export', editedAt: later, updatedAt: later });

    const cursor = await getExportCursor(db, 'hubspot');
    const next = await hubspotNotes(db, { after: cursor!.upTo, upTo: later + 1 });
    expect(next.notes).toContain('New after the export');
    expect(next.notes).not.toContain('Edited after the export');
    expect(next.notes).not.toContain('discount');
    expect(next.result).toMatchObject({ interactions: 1, contacts: 0 });

    await resetExportCursor(db, 'hubspot');
    expect(await getExportCursor(db, 'hubspot')).toBeNull();
  });

  it('pages along the updatedAt index without losing rows that share a time', async () => {
    const db = freshDb();
    const rows = Array.from({ length: 7 }, (_, index) => ({
      id: `x-${index}`,
      contactId: 'c-0001',
      kind: 'note' as const,
      at: 10,
      body: `same time ${index}`,
      source: { site: 'margin' as const },
      createdAt: 10,
      updatedAt: 10,
    }));
    await restoreBackup(db, aliceBackup(), 'replace', 0);
    await db.interactions.bulkPut(rows);
    const seen: string[] = [];
    for await (const page of dexieExportSource(db, 2).interactionPages({ after: 5, upTo: 10 })) seen.push(...page.map((row) => row.id));
    expect(seen).toEqual(rows.map((row) => row.id));
  });
});
