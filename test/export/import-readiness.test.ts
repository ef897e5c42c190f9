import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { HUBSPOT, SALESFORCE } from '../../src/export/crm-mappings';
import { LISTED_PEOPLE } from '../../src/export/import-readiness';
import { contactRow, exportTables, interactionRow, tablesOf } from './export-fixture';

describe('the import-readiness summary', () => {
  it('lists the people a CRM cannot match, names the first ones, counts the rest, and keeps every row in the aside file', async () => {
    const contacts = Array.from({ length: LISTED_PEOPLE + 5 }, (_, index) => contactRow({ id: `c-${String(index).padStart(2, '0')}`, name: `Nomail ${index}`, emails: [] }));
    const exported = await exportTables(HUBSPOT, tablesOf({ contacts: [contactRow({ id: 'c-ok' }), ...contacts] }));
    const [listed] = exported.result.readiness.notMatched;
    expect(listed).toMatchObject({ file: 'hubspot-contacts.csv', rows: LISTED_PEOPLE + 5, peopleCount: LISTED_PEOPLE + 5 });
    expect(listed!.people).toHaveLength(LISTED_PEOPLE);
    expect(exported.text.get('README-hubspot.txt')).toContain('Nomail 0, Nomail 1');
    expect(exported.text.get('README-hubspot.txt')).toContain(', and 5 more.');
    const aside = Papa.parse<Record<string, string>>(exported.text.get('hubspot-contacts-no-email.csv')!, { header: true, skipEmptyLines: true }).data;
    expect(aside.map((row) => row['Last Name'])).toEqual(contacts.map((_, index) => String(index)));
    expect(exported.text.get('hubspot-contacts.csv')).not.toContain('Nomail');
    // Nothing is silently dropped: every person is in one of the two files.
    expect(exported.result.contacts).toBe(contacts.length + 1);
  });

  it('tells what a re-import does and how to open the files without garbling them', async () => {
    const exported = await exportTables(SALESFORCE, tablesOf({ contacts: [contactRow()], interactions: [interactionRow()] }));
    const readme = exported.text.get('README-salesforce.txt')!;
    expect(readme).toContain('Data > From Text/CSV');
    expect(readme).toContain('Read all CSVs with UTF-8 encoding');
    expect(readme).toContain('matches contacts on Email');
    expect(readme).toContain('inserting the same activities file twice gives every task twice');
  });
});
