import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { guessColumnMapping } from '../../src/import/contact-columns';
import { applyCsvImport, planCsvImport } from '../../src/import/csv-contact-import';
import { ImportFileError } from '../../src/import/import-file-error';
import { parseBackupText } from '../../src/import/parse-backup';
import { parseCsvText } from '../../src/import/parse-csv';
import { readImportFile } from '../../src/import/read-import-file';
import { restoreBackup } from '../../src/import/restore-backup';
import { describeImportError } from '../../src/dashboard/transfer/describe-import-error';
import { freshDb } from '../db/fresh-db';
import { dumpDb } from '../export/dump-db';
import { aliceBackup } from '../export/fixture-backups';

const BAD = 'test/fixtures/exports/bad';
const expected = JSON.parse(readFileSync(path.join(BAD, 'expected.json'), 'utf8')) as Record<string, string>;

function pickedFile(name: string, bytes: Uint8Array) {
  return { name, size: bytes.byteLength, arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer };
}

/** The whole import as the dashboard runs it: read, parse, then store (CSV) or restore (backup). */
async function importAttempt(db: ReturnType<typeof freshDb>, name: string): Promise<void> {
  const bytes = new Uint8Array(readFileSync(path.join(BAD, name)));
  const text = await readImportFile(pickedFile(name, bytes));
  if (name.endsWith('.csv')) {
    const csv = parseCsvText(text);
    await applyCsvImport(db, await planCsvImport(db, csv, guessColumnMapping(csv.headers), 1_000));
  } else {
    await restoreBackup(db, parseBackupText(text), 'merge', 1_000);
  }
}

describe('the bad-file corpus', () => {
  let tried = 0;
  let held = 0;
  afterAll(() => {
    console.log(`bad-file corpus: ${tried} files tried, ${held} refused with their location and the database unchanged`);
  });

  it('holds at least 45 files', () => {
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(45);
  });

  for (const [name, pattern] of Object.entries(expected)) {
    it(`refuses ${name}, saying what is wrong and where, and changes nothing`, async () => {
      tried += 1;
      const db = freshDb();
      await restoreBackup(db, aliceBackup(), 'replace', 0);
      const before = await dumpDb(db);
      const error = await importAttempt(db, name).then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(ImportFileError);
      expect((error as ImportFileError).where, 'the location').toBeTruthy();
      const shown = describeImportError(name, error);
      expect(shown).toMatch(new RegExp(pattern, 's'));
      expect(shown).not.toMatch(/Invalid input|local storage/);
      expect(await dumpDb(db)).toEqual(before);
      held += 1;
    });
  }

  it('reads a file written before the sync (no CRM ids at all) as one with none', () => {
    const backup = JSON.parse(readFileSync('test/fixtures/exports/backup-alice.json', 'utf8')) as { tables: Record<string, unknown> };
    delete backup.tables.crmLinks;
    expect(parseBackupText(JSON.stringify(backup)).tables.crmLinks).toEqual([]);
  });

  it('refuses a 200 MB file by its size, without reading a byte', async () => {
    let read = false;
    const huge = { name: 'huge.json', size: 200 * 1024 * 1024, arrayBuffer: async () => ((read = true), new ArrayBuffer(0)) };
    await expect(readImportFile(huge)).rejects.toThrow(/200\.0 MB; Margin imports files up to 100\.0 MB/);
    expect(read).toBe(false);
  });

  it('names the byte and line of the first invalid UTF-8 byte', async () => {
    const bytes = new TextEncoder().encode('name\nok\nbad ');
    const withBadByte = new Uint8Array([...bytes, 0xc3, 0x28]);
    await expect(readImportFile(pickedFile('x.csv', withBadByte))).rejects.toThrow(/byte 13 \(0xc3\).*line 3, byte 13/s);
  });

  it('reads a UTF-8 file with a byte-order mark', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Name,Email\nZoë,z@x.example\n')]);
    expect(parseCsvText(await readImportFile(pickedFile('bom.csv', bytes))).rows).toEqual([['Zoë', 'z@x.example']]);
  });
});
