import { cleanup, screen } from '@testing-library/preact';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ContactsView } from '../../src/dashboard/contacts/ContactsView';
import { createDb } from '../../src/db/database';
import { CSV_TARGETS } from '../../src/export/crm-mappings';
import { dexieExportSource } from '../../src/export/dexie-export-source';
import { exportCsv } from '../../src/export/export-csv';
import { memoryExportSink } from '../../src/export/export-sink';
import { restoreBackup } from '../../src/import/restore-backup';
import { renderWithDb } from '../support/render-extension-page';
import { aliceBackup } from './fixture-backups';

afterEach(() => cleanup());

/**
 * A database filled before times were bounded: one contact and one interaction hold 9e15 (past the
 * Date range). Written with plain Dexie, as an older Margin could have; Margin itself now refuses it.
 */
async function databaseWithOneBadTime(): Promise<string> {
  const name = `test-${crypto.randomUUID()}`;
  const filling = createDb({ name });
  await restoreBackup(filling, aliceBackup(), 'replace', 0);
  filling.close();
  const older = new Dexie(name);
  await older.open();
  await older.table('contacts').update('c-0002', { updatedAt: 9e15, lastTouchAt: 9e15 });
  await older.table('interactions').update('i-0001', { at: 9e15 });
  older.close();
  return name;
}

describe('one far-future time (issue 13, finding 3)', () => {
  it('is refused when written now', async () => {
    const db = createDb({ name: `test-${crypto.randomUUID()}` });
    await restoreBackup(db, aliceBackup(), 'replace', 0);
    await expect(db.interactions.update('i-0001', { at: 9e15 })).rejects.toThrow(/after the year 9999/);
  });

  it('already stored, breaks no CSV export: every file is written, every row kept', async () => {
    const db = createDb({ name: await databaseWithOneBadTime() });
    for (const target of CSV_TARGETS) {
      const sink = memoryExportSink();
      const result = await exportCsv({ target, source: dexieExportSource(db, 3), sink });
      expect(result.contacts, target.id).toBe(4);
      expect(result.files.length, target.id).toBeGreaterThan(0);
    }
  });

  it('already stored, breaks no Contacts view: the person is listed', async () => {
    const db = createDb({ name: await databaseWithOneBadTime() });
    renderWithDb(db, <ContactsView contacts={await db.contacts.toArray()} />);
    expect(await screen.findByText(/4 of 4 contacts shown/)).toBeTruthy();
    const bad = await db.contacts.get('c-0002');
    expect(screen.getByText(bad!.name)).toBeTruthy();
  });
});
