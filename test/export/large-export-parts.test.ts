// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CSV_TARGETS, PIPEDRIVE, SALESFORCE, type CsvTarget, type FileLimit } from '../../src/export/crm-mappings';
import { utf8Length } from '../../src/export/csv-parts';
import { contactRow, exportTables, interactionRow, tablesOf, taskRow } from './export-fixture';

/**
 * 60,000 people with a note each and 6,000 open follow-ups: every file of every target splits
 * into parts under the importer's real limits (Pipedrive's one sheet of people and notes is
 * 126,000 rows; Salesforce's contacts 60,000), each part with the same header and no row lost.
 */
const PEOPLE = 60_000;

function sixtyThousandPeople() {
  const contacts = Array.from({ length: PEOPLE }, (_, index) =>
    contactRow({ id: `c-${String(index).padStart(6, '0')}`, name: `Person ${index} Example`, emails: [`person${index}@example.com`], updatedAt: 1_000 + index }),
  );
  return tablesOf({
    contacts,
    interactions: contacts.map((contact, index) => interactionRow({ id: `i-${String(index).padStart(6, '0')}`, contactId: contact.id, body: `Note ${index}` })),
    tasks: contacts.filter((_, index) => index % 10 === 0).map((contact, index) => taskRow({ id: `t-${String(index).padStart(6, '0')}`, contactId: contact.id })),
  });
}

describe('an export of 60,000 people', () => {
  const tables = sixtyThousandPeople();
  // Each target is exported once; both tests read the same result.
  const exports = new Map<string, ReturnType<typeof exportTables>>();
  const exportOf = (target: CsvTarget) => {
    if (!exports.has(target.id)) exports.set(target.id, exportTables(target, tables));
    return exports.get(target.id)!;
  };

  it.each(CSV_TARGETS.map((target) => [target.label, target] as const))('%s: every part is under every limit, with the same header', async (_label, target) => {
    const exported = await exportOf(target);
    for (const { file, parts } of exported.result.readiness.files) {
      const limit = target.rules.find((rule): rule is FileLimit => rule.kind === 'file-limit' && rule.file === file)!;
      const header = exported.text.get(parts[0]!.name)!.split('\r\n')[0];
      let rows = 0;
      for (const part of parts) {
        const text = exported.text.get(part.name)!;
        expect(text.split('\r\n', 1)[0], `${part.name} header`).toBe(header);
        expect(part.rows).toBeLessThanOrEqual(limit.maxRows);
        expect(utf8Length(text)).toBe(part.bytes);
        expect(part.bytes).toBeLessThanOrEqual(limit.maxBytes);
        // One line per row here (no cell holds a line break): count them independently of the writer.
        expect(text.split('\r\n').length - 2).toBe(part.rows);
        rows += part.rows;
      }
      const expected = { contacts: PEOPLE, interactions: PEOPLE, tasks: PEOPLE / 10 };
      const mapping = target.files.find((candidate) => candidate.file === file)!;
      expect(rows, `${file} holds every row`).toBe(mapping.rows.reduce((sum, kind) => sum + expected[kind], 0));
    }
  }, 60_000);

  it('Pipedrive gets three numbered parts of its one sheet; Salesforce two of contacts and two of activities', async () => {
    const pipedrive = await exportOf(PIPEDRIVE);
    expect(pipedrive.result.readiness.files[0]!.parts.map((part) => [part.name, part.rows])).toEqual([
      ['pipedrive-people-notes-part-1.csv', 49_999],
      ['pipedrive-people-notes-part-2.csv', 49_999],
      ['pipedrive-people-notes-part-3.csv', 126_000 - 2 * 49_999],
    ]);
    expect(pipedrive.text.get(PIPEDRIVE.readme)).toContain('pipedrive-people-notes.csv is split into 3 parts');

    const salesforce = await exportOf(SALESFORCE);
    expect(salesforce.result.readiness.files.map((file) => file.parts.map((part) => [part.name, part.rows]))).toEqual([
      [
        ['salesforce-contacts-part-1.csv', 50_000],
        ['salesforce-contacts-part-2.csv', 10_000],
      ],
      [
        ['salesforce-activities-part-1.csv', 50_000],
        ['salesforce-activities-part-2.csv', 16_000],
      ],
    ]);
  }, 60_000);
});
