/** Writes the fixture backups (npx tsx test/export/write-fixtures.ts); the golden files follow from them. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { aliceBackup, bobBackup } from './fixture-backups';

writeFileSync('test/fixtures/exports/backup-alice.json', `${JSON.stringify(aliceBackup(), null, 2)}\n`);
writeFileSync('test/fixtures/exports/backup-bob.json', `${JSON.stringify(bobBackup(), null, 2)}\n`);

/** The bad-file corpus: each file, and what the dashboard must say about it (see expected.json). */
const alice = JSON.stringify(aliceBackup(), null, 2);
const bad = 'test/fixtures/exports/bad';
mkdirSync(bad, { recursive: true });
writeFileSync(`${bad}/truncated-backup.json`, alice.slice(0, Math.floor(alice.length * 0.6)));
writeFileSync(`${bad}/newer-version-backup.json`, alice.replace('"version": 1', '"version": 7'));
writeFileSync(`${bad}/wrong-schema-backup.json`, alice.replace('"stage": "At-Risk"', '"stage": "Hot lead"'));
writeFileSync(`${bad}/not-a-backup.json`, '{ "contacts": [] }\n');
writeFileSync(`${bad}/dangling-contact-backup.json`, alice.replace('"contactId": "c-0004"', '"contactId": "c-9999"'));
writeFileSync(`${bad}/utf16-backup.json`, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(alice, 'utf16le')]));
writeFileSync(
  `${bad}/latin1-contacts.csv`,
  Buffer.from('First Name,Last Name,Email\r\nJos\xe9,Mart\xednez,jose@example.com\r\n', 'latin1'),
);
writeFileSync(
  `${bad}/broken-quotes-contacts.csv`,
  'First Name,Last Name,Email,Company\r\nAda,Lovelace,ada@example.com,Analytical\r\nGrace,Hopper,grace@example.com,"Navy, unterminated\r\nAlan,Turing,alan@example.com,Bletchley\r\n',
);
writeFileSync(
  `${bad}/expected.json`,
  `${JSON.stringify(
    {
      'truncated-backup.json': 'ends too early.*line \\d+, column \\d+',
      'newer-version-backup.json': 'version 7.*newer Margin.*\\$\\.version',
      'wrong-schema-backup.json': "backup schema.*\\$\\.tables\\.contacts\\[2\\]\\.stage",
      'not-a-backup.json': 'not a Margin backup.*\\$\\.format',
      'dangling-contact-backup.json': 'c-9999.*\\$\\.tables\\.interactions\\[6\\]\\.contactId',
      'utf16-backup.json': 'UTF-16',
      'latin1-contacts.csv': 'not valid UTF-8.*line 2',
      'broken-quotes-contacts.csv': 'quoting is broken.*row 3, line 3',
    },
    null,
    2,
  )}\n`,
);

// The rest of the corpus (issue 13): one file per way a backup or CSV can be wrong.
import('../import/bad-file-cases').then(({ BAD_BACKUP_FILES, BAD_CSV_FILES }) => {
  const cases = { ...BAD_BACKUP_FILES, ...BAD_CSV_FILES };
  for (const [name, { text }] of Object.entries(cases)) writeFileSync(`${bad}/${name}`, text);
  const expectedFile = `${bad}/expected.json`;
  const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as Record<string, string>;
  for (const [name, { says }] of Object.entries(cases)) expected[name] = says;
  writeFileSync(expectedFile, `${JSON.stringify(expected, null, 2)}\n`);
});
