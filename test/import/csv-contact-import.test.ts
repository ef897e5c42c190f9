import { describe, expect, it } from 'vitest';
import { guessColumnMapping } from '../../src/import/contact-columns';
import { applyCsvImport, planCsvImport } from '../../src/import/csv-contact-import';
import { parseCsvText } from '../../src/import/parse-csv';
import { restoreBackup } from '../../src/import/restore-backup';
import { freshDb } from '../db/fresh-db';
import { aliceBackup } from '../export/fixture-backups';

const HUBSPOT_EXPORT = [
  'First Name,Last Name,Email,Company Name,Job Title,LinkedIn URL',
  'Priya,Raman,PRIYA.RAMAN@northwind.example,Ignored Co,,',
  'Sam,Okoro,sam@okoro.example,"Okoro, Inc.",CTO,https://www.linkedin.com/in/sam-okoro/',
  'Sam,O.,,,,linkedin.com/in/sam-okoro',
  'Nobody,Here,,,,',
  "Eve,Formula,eve@x.example,'=SUM(1),,",
].join('\r\n');

describe('importing contacts from a CRM CSV', () => {
  it('guesses the mapping, merges by address and LinkedIn id, and skips rows it cannot match', async () => {
    const db = freshDb();
    await restoreBackup(db, aliceBackup(), 'replace', 0);
    const csv = parseCsvText(HUBSPOT_EXPORT);
    const mapping = guessColumnMapping(csv.headers);
    expect(mapping).toEqual({ firstName: 0, lastName: 1, email: 2, company: 3, title: 4, linkedin: 5 });

    const plan = await planCsvImport(db, csv, mapping, 1_000);
    expect(plan).toMatchObject({ created: 2, merged: 1, duplicatesInFile: 1 });
    expect(plan.skipped).toEqual([{ row: 5, reason: 'no email address or LinkedIn profile' }]);

    await applyCsvImport(db, plan);
    const priya = await db.contacts.get('c-0001');
    expect(priya?.company).toBe('Northwind Logistics');
    const sam = (await db.contacts.where('linkedinIds').equals('sam-okoro').toArray())[0];
    expect(sam).toMatchObject({ name: 'Sam Okoro', company: 'Okoro, Inc.', title: 'CTO', emails: ['sam@okoro.example'] });
    const eve = (await db.contacts.where('emails').equals('eve@x.example').toArray())[0];
    expect(eve?.company).toBe('=SUM(1)');
    expect(await db.contacts.count()).toBe(6);
  });
});
