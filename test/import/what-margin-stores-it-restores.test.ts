import { describe, expect, it } from 'vitest';
import { saveDraft } from '../../src/db/drafts-repository';
import { RowRejectedError } from '../../src/db/input-rejected-error';
import { describeStorageError } from '../../src/db/storage-errors';
import { dexieExportSource } from '../../src/export/dexie-export-source';
import { exportBackup } from '../../src/export/export-backup';
import { memoryExportSink } from '../../src/export/export-sink';
import { guessColumnMapping } from '../../src/import/contact-columns';
import { applyCsvImport, planCsvImport } from '../../src/import/csv-contact-import';
import { parseBackupText } from '../../src/import/parse-backup';
import { parseCsvText } from '../../src/import/parse-csv';
import { restoreBackup } from '../../src/import/restore-backup';
import { freshDb } from '../db/fresh-db';
import { aliceBackup } from '../export/fixture-backups';
import { dumpDb } from '../export/dump-db';

async function fullBackupText(db: ReturnType<typeof freshDb>): Promise<string> {
  const sink = memoryExportSink();
  const { file } = await exportBackup({ source: dexieExportSource(db, 50), sink, schemaVersion: 3, exportedAt: 1_000 });
  return sink.files.get(file)!;
}

const csvCell = (text: string) => `"${text.replaceAll('"', '""')}"`;

describe('what Margin stores, Margin can restore (issue 13, finding 2)', () => {
  it('a CSV import skips rows past the row limits, saying which and why; the rest round-trips through a full backup', async () => {
    const db = freshDb();
    await restoreBackup(db, aliceBackup(), 'replace', 0);
    const csv = parseCsvText(
      [
        'Name,Email,Company,Title,Location,Tags',
        `${csvCell('N'.repeat(600))},long-name@x.example,,,,`,
        `Cora Long,cora@x.example,${csvCell('C'.repeat(2_500))},,,`,
        `Tom Title,tom@x.example,,${csvCell('T'.repeat(2_001))},,`,
        `Lea Place,lea@x.example,,,${csvCell('L'.repeat(2_001))},`,
        `Tag Person,tag@x.example,,,,${csvCell(`ok;${'t'.repeat(150)}`)}`,
        `${csvCell('H'.repeat(2_000_000))},huge@x.example,,,,`,
        'Fine Person,fine@x.example,Fine Co,Buyer,Oslo,a;b',
      ].join('\n'),
    );
    const plan = await planCsvImport(db, csv, guessColumnMapping(csv.headers), 2_000);

    expect(plan.skipped).toEqual([
      { row: 2, reason: 'the name is 600 characters long; at most 500 characters are allowed' },
      { row: 3, reason: 'the company is 2,500 characters long; at most 2,000 characters are allowed' },
      { row: 4, reason: 'the title is 2,001 characters long; at most 2,000 characters are allowed' },
      { row: 5, reason: 'the location is 2,001 characters long; at most 2,000 characters are allowed' },
      { row: 6, reason: 'the tags, item 2 is 150 characters long; at most 100 characters are allowed' },
      { row: 7, reason: 'the name is 2,000,000 characters long; at most 500 characters are allowed' },
    ]);
    expect(plan.created).toBe(1);
    await applyCsvImport(db, plan);

    const restored = freshDb();
    await restoreBackup(restored, parseBackupText(await fullBackupText(db)), 'replace', 3_000);
    expect(await dumpDb(restored)).toEqual(await dumpDb(db));
  });

  it('the database itself refuses a row Restore would refuse, on every path, and keeps what it had', async () => {
    const db = freshDb();
    await restoreBackup(db, aliceBackup(), 'replace', 0);
    const before = await dumpDb(db);
    const attempts: Array<[string, () => Promise<unknown>, RegExp]> = [
      [
        'a 150,000-character draft',
        () => saveDraft(db, { key: 'email:x@y.example', noteId: 'n-1', body: 'd'.repeat(150_000), updatedAt: 1 }),
        /draft: the body is 150,000 characters long; at most 100,000 characters are allowed/,
      ],
      ['a setting nested 5,000 deep', () => db.settings.put({ key: 'deep', value: nested(5_000) }), /setting: the value is nested more than 16 levels deep/],
      ['a setting holding NaN', () => db.settings.put({ key: 'nan', value: { weight: Number.NaN } }), /setting: the value holds NaN/],
      [
        'a contact name of 600 characters',
        () => db.contacts.update('c-0001', { name: 'n'.repeat(600) }),
        /contact: the name is 600 characters long; at most 500/,
      ],
      [
        'an interaction in the year 287,000',
        () => db.interactions.bulkPut([{ ...before.interactions[0]!, at: 9e15 }]),
        /interaction: the time is after the year 9999/,
      ],
      [
        'a CRM id synced in the year 287,000',
        () =>
          db.crmLinks.put({ key: 'pipedrive:contact:c-0001', crm: 'pipedrive', entity: 'contact', localId: 'c-0001', contactId: 'c-0001', crmId: '77', syncedAt: 9e15 }),
        /CRM id: the sync time is after the year 9999/,
      ],
      [
        'an empty CRM id',
        () => db.crmLinks.put({ key: 'pipedrive:contact:c-0001', crm: 'pipedrive', entity: 'contact', localId: 'c-0001', contactId: 'c-0001', crmId: '', syncedAt: 1 }),
        /CRM id: the CRM id is empty/,
      ],
    ];
    for (const [name, attempt, message] of attempts) {
      const error = await attempt().then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(error, name).toBeInstanceOf(RowRejectedError);
      expect(describeStorageError(error), name).toMatch(message);
      expect(describeStorageError(error), name).not.toMatch(/local storage/);
    }
    expect(await dumpDb(db)).toEqual(before);
    expect(parseBackupText(await fullBackupText(db)).tables).toEqual(before);
  });
});

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level += 1) value = { level: value };
  return value;
}
