import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { STAGES, type Contact, type Interaction, type Task } from '../../src/model/schemas';
import { CSV_TARGETS, TIME_FIELDS, type CrmRule, type CsvColumn, type CsvTarget, type FieldName, type TimeFormat } from '../../src/export/crm-mappings';
import { cutMarker } from '../../src/export/export-csv';
import { utf8Length } from '../../src/export/csv-parts';
import { AT, contactRow, exportTables, interactionRow, tablesOf, taskRow } from './export-fixture';

/**
 * One test per rule of every target's rule table (crm-mappings.ts): the tests are generated from
 * the table, so a rule added there is checked here without a line of test code, and a rule of a
 * kind or on a field this file does not know how to exercise fails until it does.
 */

const EXPECTED_TIME: Record<TimeFormat, string> = {
  'iso-8601-utc': '2026-05-12T09:30:15Z',
  'utc-seconds': '2026-05-12 09:30:15',
  'utc-date': '2026-05-12',
  'utc-time': '09:30',
};

function columnOf(target: CsvTarget, file: string, header: string): CsvColumn {
  const column = target.files.find((mapping) => mapping.file === file)?.columns.find((candidate) => candidate.header === header);
  if (!column) throw new Error(`${target.label}: ${file} has no column ${header}`);
  return column;
}

function fieldOf(target: CsvTarget, file: string, header: string): FieldName {
  const column = columnOf(target, file, header);
  if (!('field' in column)) throw new Error(`${header} is a constant`);
  return column.field;
}

/** One person with a note, a meeting, an email and an open follow-up, all at AT. */
function onePerson(contact: Partial<Contact> = {}, interaction: Partial<Interaction> = {}, task: Partial<Task> = {}) {
  return tablesOf({
    contacts: [contactRow(contact)],
    interactions: [interactionRow(interaction), interactionRow({ id: 'i-2', kind: 'email-in', subject: 'Re: pilot', body: undefined })],
    tasks: [taskRow(task)],
  });
}

/** Rows in which `field` holds `text` (as far as the field allows), for the max-length rules. */
function tablesWithText(field: FieldName, text: string) {
  switch (field) {
    case 'contact.firstName':
      return onePerson({ name: `${text} Lovelace` });
    case 'contact.lastName':
      return onePerson({ name: `Ada ${text}` });
    case 'contact.title':
      return onePerson({ title: text });
    case 'contact.company':
      return onePerson({ company: text });
    case 'contact.location':
      return onePerson({ location: text });
    case 'contact.description':
      return onePerson({ tags: Array.from({ length: Math.ceil(text.length / 90) }, (_, index) => `${index}-${text.slice(0, 85)}`) });
    case 'interaction.noteBody':
    case 'activity.description':
      return onePerson({}, { body: text });
    case 'activity.subject':
      return onePerson({}, { subject: text });
    default:
      throw new Error(`No test input puts a long text into ${field}: add one to tablesWithText`);
  }
}

/** A text one row longer than the limit, with a surrogate pair right where a cut would fall. */
function longText(max: number): string {
  return `${'x'.repeat(max - 2)}😀😀${'é'.repeat(60)}`;
}

function hasLoneSurrogateAtEnd(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return last >= 0xd800 && last <= 0xdbff;
}

const ruleTests: { [K in CrmRule['kind']]: (target: CsvTarget, rule: Extract<CrmRule, { kind: K }>) => Promise<void> } = {
  async 'file-limit'(target, rule) {
    const people = Array.from({ length: 7 }, (_, index) =>
      contactRow({ id: `c-${index}`, name: `Person ${index}`, emails: [`p${index}@example.com`], updatedAt: AT + index }),
    );
    const tables = tablesOf({
      contacts: people,
      interactions: people.map((person, index) => interactionRow({ id: `i-${index}`, contactId: person.id, body: `Note ${index} ${'é'.repeat(40)}` })),
      tasks: people.map((person, index) => taskRow({ id: `t-${index}`, contactId: person.id, title: `Follow up ${index}` })),
    });
    const whole = await exportTables(target, tables);
    const header = whole.text.get(rule.file)!.split('\r\n')[0]!;
    const allRows = whole.rowsOf(rule.file);
    expect(allRows.length, 'the fixture puts rows into the file').toBeGreaterThan(2);

    // The same rule with limits small enough for seven people: by rows, then by bytes.
    const headerBytes = utf8Length(`${header}\r\n`);
    for (const limits of [
      { maxRows: 2, maxBytes: rule.maxBytes },
      { maxRows: rule.maxRows, maxBytes: headerBytes + Math.max(...whole.text.get(rule.file)!.split('\r\n').slice(1).map((line) => utf8Length(line))) * 3 },
    ]) {
      const scaled = { ...target, rules: target.rules.map((candidate) => (candidate === rule ? { ...rule, ...limits } : candidate)) };
      const split = await exportTables(scaled, tables);
      const parts = [...split.text.keys()].filter((name) => name.startsWith(rule.file.replace('.csv', '-part-')));
      expect(parts.length, `${rule.file} is split`).toBeGreaterThan(1);
      expect(split.text.has(rule.file), 'a split file has only numbered parts').toBe(false);
      expect(parts).toEqual(parts.map((_, index) => rule.file.replace('.csv', `-part-${index + 1}.csv`)));
      const partRows: Array<Record<string, string>> = [];
      for (const part of parts) {
        const text = split.text.get(part)!;
        expect(text.split('\r\n')[0], `${part} starts with the same header`).toBe(header);
        expect(utf8Length(text)).toBeLessThanOrEqual(limits.maxBytes);
        const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
        expect(rows.length).toBeGreaterThan(0);
        expect(rows.length).toBeLessThanOrEqual(limits.maxRows);
        partRows.push(...rows);
      }
      expect(partRows, 'the parts hold every row, in order').toEqual(whole.rowsOf(rule.file).filter((_, index) => index < partRows.length));
      expect(partRows.length + (split.result.readiness.notMatched.find((item) => item.file === rule.file)?.rows ?? 0)).toBe(allRows.length);
      expect(split.result.readiness.files.find((item) => item.file === rule.file)?.parts.map((part) => part.name)).toEqual(parts);
    }
  },

  async required(target, rule) {
    const field = fieldOf(target, rule.file, rule.column);
    expect(field === 'contact.name' || field === 'contact.lastName', `no test input empties ${field}`).toBe(true);
    const [fallback] = rule.fallbacks;
    expect(fallback).toBe('contact.email');
    const withAddress = await exportTables(target, onePerson({ name: '', emails: ['ada@example.com'] }));
    const cells = withAddress.rowsOf(rule.file).map((row) => row[rule.column]);
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) expect(cell).toBe('ada@example.com');
    const withNothing = await exportTables(target, onePerson({ name: ' ', emails: [], company: 'Analytical Engines' }));
    for (const row of withNothing.rowsOf(rule.file)) expect(row[rule.column]).toBe(rule.lastResort);
    // A one-word name is a whole name, never an empty required field.
    const madonna = await exportTables(target, onePerson({ name: 'Madonna' }));
    for (const row of madonna.rowsOf(rule.file)) expect(row[rule.column]).toBe('Madonna');
  },

  async 'max-length'(target, rule) {
    const text = longText(rule.max);
    const field = fieldOf(target, rule.file, rule.column);
    const exported = await exportTables(target, tablesWithText(field, text));
    const rows = exported.rowsOf(rule.file);
    const cut = rows.filter((row) => row[rule.column]!.length === rule.max || row[rule.column]!.length === rule.max - 1);
    expect(cut.length, `a row of ${rule.file} has ${rule.column} cut to the limit`).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row[rule.column]!.length).toBeLessThanOrEqual(rule.max);
      expect(hasLoneSurrogateAtEnd(row[rule.column]!)).toBe(false);
    }
    for (const row of cut) {
      if (rule.keepFullTextIn) expect(row[rule.keepFullTextIn], `the full text is kept in ${rule.keepFullTextIn}`).toContain(`${rule.column}: `);
      else expect(row[rule.column]!.endsWith(cutMarker(rule.max))).toBe(true);
    }
    if (rule.keepFullTextIn) expect(cut.some((row) => row[rule.keepFullTextIn!]!.includes(text.slice(0, 200)) && row[rule.keepFullTextIn!]!.includes(text.slice(-60)))).toBe(true);
    expect(exported.result.readiness.adjusted.some((item) => item.file === rule.file && item.column === rule.column && item.rows > 0)).toBe(true);
  },

  async 'time-format'(target, rule) {
    const field = fieldOf(target, rule.file, rule.column);
    expect(TIME_FIELDS.has(field)).toBe(true);
    const exported = await exportTables(target, onePerson());
    const cells = exported.rowsOf(rule.file).map((row) => row[rule.column]).filter((cell) => cell !== '');
    expect(cells.length, `some row of ${rule.file} has a ${rule.column}`).toBeGreaterThan(0);
    for (const cell of cells) expect(cell).toBe(EXPECTED_TIME[rule.format]);
  },

  async 'one-of'(target, rule) {
    // Every stage, and every stage before At-Risk, with a note, an email and a follow-up each.
    const contacts = STAGES.flatMap((stage, index) =>
      STAGES.map((previousStage, before) => contactRow({ id: `c-${index}-${before}`, stage, previousStage, emails: [`p${index}-${before}@example.com`] })),
    );
    const tables = tablesOf({
      contacts,
      interactions: contacts.flatMap((contact) => [
        interactionRow({ id: `n-${contact.id}`, contactId: contact.id }),
        interactionRow({ id: `e-${contact.id}`, contactId: contact.id, kind: 'email-out', subject: 'Hello', body: undefined }),
      ]),
      tasks: contacts.map((contact) => taskRow({ id: `t-${contact.id}`, contactId: contact.id })),
    });
    const exported = await exportTables(target, tables);
    const cells = exported.rowsOf(rule.file).map((row) => row[rule.column]!);
    expect(cells.some((cell) => cell !== '')).toBe(true);
    for (const cell of cells) expect(cell === '' || rule.values.includes(cell), `${cell} is one of ${rule.values.join(', ')}`).toBe(true);

    // And the writer holds the line: a value outside the list is left empty and reported.
    const broken = {
      ...target,
      files: target.files.map((mapping) =>
        mapping.file !== rule.file
          ? mapping
          : { ...mapping, columns: mapping.columns.map((column) => (column.header === rule.column ? { header: column.header, constant: 'not-a-value' } : column)) },
      ),
    };
    const refused = await exportTables(broken, tables);
    for (const row of refused.rowsOf(rule.file)) expect(row[rule.column]).toBe('');
    expect(refused.result.readiness.adjusted.some((item) => item.column === rule.column)).toBe(true);
  },

  async 'match-key'(target, rule) {
    const unmatched = contactRow({ id: 'c-2', name: 'Nobody Known', emails: [], company: undefined, linkedinIds: ['nobody-known'] });
    const tables = onePerson();
    tables.contacts.push(unmatched);
    tables.interactions.push(interactionRow({ id: 'i-9', contactId: 'c-2', body: 'Met at the fair' }));
    tables.tasks.push(taskRow({ id: 't-9', contactId: 'c-2', title: 'Write to Nobody' }));
    const exported = await exportTables(target, tables);
    const aside = exported.text.get(rule.asideFile);
    expect(aside, `${rule.asideFile} is written`).toBeDefined();
    const header = exported.text.get(rule.file)!.split('\r\n')[0];
    expect(aside!.split('\r\n')[0], 'the aside file has the same columns').toBe(header);
    expect(aside).toContain('Nobody');
    for (const name of [...exported.text.keys()].filter((file) => file === rule.file || file.startsWith(rule.file.replace('.csv', '-part-')))) {
      expect(exported.text.get(name)).not.toContain('Nobody');
    }
    const listed = exported.result.readiness.notMatched.find((item) => item.file === rule.file);
    expect(listed?.people).toContain('Nobody Known');
    expect(listed?.missing).toBe(rule.missing);
    expect(exported.text.get(target.readme)).toContain(rule.asideFile);
    expect(exported.text.get(target.readme)).toContain('Nobody Known');
  },

  async 'needs-setup'(target, rule) {
    columnOf(target, rule.file, rule.column);
    const exported = await exportTables(target, onePerson());
    const { readiness } = exported.result;
    expect(readiness.setUpFirst).toContainEqual({ file: rule.file, column: rule.column, needs: rule.needs, howTo: rule.howTo });
    expect(readiness.mapsByItself.find((item) => item.file === rule.file)?.columns).not.toContain(rule.column);
    expect(exported.text.get(target.readme)).toContain(rule.howTo);
  },
};

describe.each(CSV_TARGETS.map((target) => [target.label, target] as const))('%s rule table', (_label, target) => {
  it('names a vendor page for every rule, and only files and columns the mapping has', () => {
    for (const rule of target.rules) {
      expect(rule.source.url).toMatch(/^https:\/\//);
      expect(rule.source.page.length).toBeGreaterThan(10);
      expect(rule.source.formats).toMatch(/EXPORT-FORMATS\.md/);
      const mapping = target.files.find((file) => file.file === rule.file);
      expect(mapping, `${rule.kind} names ${rule.file}`).toBeDefined();
      if ('column' in rule) columnOf(target, rule.file, rule.column);
      if (rule.kind === 'max-length' && rule.keepFullTextIn) columnOf(target, rule.file, rule.keepFullTextIn);
    }
  });

  it('gives every file a size limit and every time column a format', () => {
    for (const mapping of target.files) {
      expect(target.rules.filter((rule) => rule.kind === 'file-limit' && rule.file === mapping.file)).toHaveLength(1);
      for (const column of mapping.columns) {
        if ('field' in column && TIME_FIELDS.has(column.field)) {
          expect(target.rules.some((rule) => rule.kind === 'time-format' && rule.file === mapping.file && rule.column === column.header), column.header).toBe(true);
        }
      }
    }
  });

  for (const rule of target.rules) {
    const what = 'column' in rule ? `${rule.file} ${rule.column}` : rule.file;
    it(`enforces ${rule.kind}: ${what}`, async () => {
      await (ruleTests[rule.kind] as (target: CsvTarget, rule: CrmRule) => Promise<void>)(target, rule);
    });
  }
});
