import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportFileError } from '../../src/import/import-file-error';
import { parseBackupText } from '../../src/import/parse-backup';
import { parseCsvText } from '../../src/import/parse-csv';
import { readImportFile } from '../../src/import/read-import-file';

const BAD = 'test/fixtures/exports/bad';
const expected = JSON.parse(readFileSync(path.join(BAD, 'expected.json'), 'utf8')) as Record<string, string>;

function pickedFile(name: string, bytes: Uint8Array) {
  return { name, size: bytes.byteLength, arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer };
}

async function importAttempt(name: string): Promise<unknown> {
  const bytes = new Uint8Array(readFileSync(path.join(BAD, name)));
  const text = await readImportFile(pickedFile(name, bytes));
  return name.endsWith('.csv') ? parseCsvText(text) : parseBackupText(text);
}

describe('the bad-file corpus', () => {
  for (const [name, pattern] of Object.entries(expected)) {
    it(`refuses ${name}, saying what is wrong and where`, async () => {
      const error = await importAttempt(name).then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(ImportFileError);
      expect((error as Error).message).toMatch(new RegExp(pattern, 's'));
    });
  }

  it("refuses a CRM id whose key does not name its CRM, kind and row, saying where", () => {
    const backup = JSON.parse(readFileSync('test/fixtures/exports/backup-alice.json', 'utf8')) as { tables: Record<string, unknown> };
    backup.tables.crmLinks = [{ key: 'pipedrive:contact:someone-else', crm: 'pipedrive', entity: 'contact', localId: 'c-0001', contactId: 'c-0001', crmId: '7', syncedAt: 1 }];
    expect(() => parseBackupText(JSON.stringify(backup))).toThrow(/does not name its CRM, kind and row.*\$\.tables\.crmLinks\[0\]\.key/s);
    // A file written before the sync has no CRM ids at all, and restores as it always did.
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
