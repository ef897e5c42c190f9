import { cleanup } from '@testing-library/preact';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { ContactsView } from '../../src/dashboard/contacts/ContactsView';
import { setContactCustomField } from '../../src/db/contacts-repository';
import { InputRejectedError } from '../../src/db/input-rejected-error';
import { logNote } from '../../src/actions/log-note';
import { rowProblem, type TableName } from '../../src/model/schemas';
import { describeStorageError } from '../../src/db/storage-errors';
import { CSV_TARGETS, GENERIC } from '../../src/export/crm-mappings';
import { FORMULA_LEADING } from '../../src/export/csv-chunks';
import { dexieExportSource } from '../../src/export/dexie-export-source';
import { exportBackup } from '../../src/export/export-backup';
import { exportCsv } from '../../src/export/export-csv';
import { memoryExportSink } from '../../src/export/export-sink';
import { guessColumnMapping } from '../../src/import/contact-columns';
import { applyCsvImport, planCsvImport } from '../../src/import/csv-contact-import';
import { parseBackupText } from '../../src/import/parse-backup';
import { parseCsvText } from '../../src/import/parse-csv';
import { restoreBackup } from '../../src/import/restore-backup';
import { ownValue } from '../../src/model/plain-values';
import { pageContextSchema } from '../../src/model/page-context';
import { noteTemplateSchema } from '../../src/settings/note-templates';
import { recogniseGmailPage } from '../../src/sites/gmail/recognise-gmail-page';
import { normalisePageText } from '../../src/sites/visible-text';
import { renderWithDb } from '../support/render-extension-page';
import { dumpDb } from '../export/dump-db';
import { freshDb } from '../db/fresh-db';
import { parsePage, readOwnFixture } from '../support/fixtures';
import { HOSTILE_STRINGS } from './hostile-strings';
import * as z from 'zod/mini';

const DEMO_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmnvBqRlTtZcJvLhBsGw';
const SOURCE = { site: 'margin' as const };

/** tried / held per input path, printed at the end. */
const counts = new Map<string, { tried: number; held: number }>();
function attempt(path: string, check: () => void | Promise<void>): Promise<void> {
  const count = counts.get(path) ?? { tried: 0, held: 0 };
  counts.set(path, count);
  count.tried += 1;
  return Promise.resolve(check()).then(() => {
    count.held += 1;
  });
}
afterAll(() => {
  const total = [...counts.values()].reduce((sum, { tried, held }) => ({ tried: sum.tried + tried, held: sum.held + held }), { tried: 0, held: 0 });
  const lines = [...counts].map(([path, { tried, held }]) => `  ${path}: ${tried} tried, ${held} held`);
  console.log(`hostile strings: ${HOSTILE_STRINGS.length} strings, ${total.tried} tried, ${total.held} held\n${lines.join('\n')}`);
});

/** A refusal the user can act on: a sentence of our own, never zod's bare "Invalid input" or a storage failure. */
function expectReadableRefusal(error: unknown, what: string): void {
  expect(error, what).toBeInstanceOf(InputRejectedError);
  const shown = describeStorageError(error);
  expect(shown, what).not.toMatch(/Invalid input|local storage/);
}

async function outcome<T>(run: () => Promise<T>): Promise<{ value?: T; error?: unknown }> {
  try {
    return { value: await run() };
  } catch (error) {
    return { error };
  }
}

/** Every row of every table fits the schema a backup is checked against. */
async function expectRestorable(db: ReturnType<typeof freshDb>): Promise<void> {
  const dump = await dumpDb(db);
  for (const [table, rows] of Object.entries(dump)) {
    for (const row of rows as unknown[]) expect(rowProblem(table as TableName, row), `${table} row`).toBeNull();
  }
}

// Each case runs every string through a path: a corpus's volume, not a slow step, sets the limit.
describe('the hostile-string corpus', { timeout: 120_000 }, () => {
  it('holds at least 60 strings', () => {
    expect(HOSTILE_STRINGS.length).toBeGreaterThanOrEqual(60);
  });

  it('pages: as a Gmail sender’s name and a subject, each is read as plain, bounded text', async () => {
    const genuine = recogniseGmailPage(parsePage(readOwnFixture('gmail/thread-northwind-pilot.html'), DEMO_URL), new URL(DEMO_URL));
    // One page, its sender's name and subject rewritten for each string (parsing it 65 times is slow).
    const document = parsePage(readOwnFixture('gmail/thread-northwind-pilot.html'), DEMO_URL);
    for (const text of HOSTILE_STRINGS) {
      await attempt('pages (Gmail sender name, subject)', () => {
        for (const sender of document.querySelectorAll(`h3 span[email="${genuine.person?.email}"]`)) sender.setAttribute('name', text);
        document.querySelector('h2.hP')!.textContent = text;
        const context = recogniseGmailPage(document, new URL(DEMO_URL));
        expect(pageContextSchema.parse(context)).toEqual(context);
        expect(context.person?.email, JSON.stringify(text)).toBe(genuine.person?.email);
        const name = normalisePageText(text);
        expect(context.person?.name, JSON.stringify(text)).toBe(name && name.toLowerCase() !== 'me' ? name : genuine.person?.name);
      });
    }
  });

  it('note fields, templates and custom fields: stored exactly, or refused with a sentence; every row restorable', async () => {
    const db = freshDb();
    for (const [index, text] of HOSTILE_STRINGS.entries()) {
      const person = { name: `Person ${index}`, email: `person${index}@hostile.example` };
      await attempt('note fields (note, objection, emotion, next step, tag)', async () => {
        const tag = text.trim();
        const note = { id: `n-${index}`, body: text, objection: text, emotion: text, nextStep: text, ...(tag ? { tags: [tag] } : {}) };
        const { value, error } = await outcome(() => logNote(db, { person, note, source: SOURCE, now: 1_000 + index }));
        if (error) return expectReadableRefusal(error, JSON.stringify(text));
        expect(value!.interaction.body, JSON.stringify(text)).toBe(text.trim() || undefined);
        expect(value!.interaction.objection).toBe(text.trim() || undefined);
        expect(value!.interaction.tags ?? []).toEqual(tag ? [tag] : []);
      });
      await attempt('templates (a field named by it, answered with it)', async () => {
        const template = z.safeParse(noteTemplateSchema, { id: `t-${index}`, name: text, fields: [text, 'Budget'] });
        if (!template.success) {
          // The template form shows the schema's own sentence.
          expect(template.error.issues[0]?.message, JSON.stringify(text)).not.toBe('Invalid input');
          return;
        }
        const [label] = template.data.fields as [string];
        const note = { id: `tn-${index}`, body: 'templated', templateFields: { [label]: text, Budget: 'yes' } };
        const { value, error } = await outcome(() => logNote(db, { person, note, source: SOURCE, now: 2_000 + index }));
        if (error) return expectReadableRefusal(error, JSON.stringify(text));
        const stored = (await db.interactions.get(value!.interaction.id))!;
        expect(ownValue(stored.templateFields, label), JSON.stringify(text)).toBe(text.trim() || undefined);
        expect(ownValue(stored.templateFields, 'Budget')).toBe('yes');
      });
      await attempt('custom fields (an id and a value)', async () => {
        const contact = (await db.contacts.where('emails').equals(person.email).first()) ?? (await logNote(db, { person, note: { id: `cf-${index}`, body: 'x' }, source: SOURCE })).contact;
        const { error } = await outcome(() => setContactCustomField(db, contact.id, text, text, 3_000));
        if (error) return expectReadableRefusal(error, JSON.stringify(text));
        const stored = (await db.contacts.get(contact.id))!;
        expect(ownValue(stored.customFields, text), JSON.stringify(text)).toBe(text);
      });
    }
    await expectRestorable(db);

    await attempt('backup import (everything above, exported and restored)', async () => {
      const sink = memoryExportSink();
      const { file } = await exportBackup({ source: dexieExportSource(db, 25), sink, schemaVersion: 3, exportedAt: 9 });
      const restored = freshDb();
      await restoreBackup(restored, parseBackupText(sink.files.get(file)!), 'replace', 10);
      expect(await dumpDb(restored)).toEqual(await dumpDb(db));
    });
  });

  it('CSV import, every CSV export, and the Contacts view', async () => {
    const db = freshDb();
    const rows = HOSTILE_STRINGS.map((text, index) => [text, `csv${index}@hostile.example`, text, text]);
    const csv = parseCsvText(Papa.unparse([['Name', 'Email', 'Company', 'Tags'], ...rows], { newline: '\r\n' }));
    const plan = await planCsvImport(db, csv, guessColumnMapping(csv.headers), 5_000);
    await applyCsvImport(db, plan);
    const skipped = new Map(plan.skipped.map(({ row, reason }) => [row, reason]));
    for (const [index, text] of HOSTILE_STRINGS.entries()) {
      await attempt('CSV import (name, company, tags)', async () => {
        const stored = await db.contacts.where('emails').equals(`csv${index}@hostile.example`).first();
        if (!stored) {
          const reason = skipped.get(index + 2);
          expect(reason, `${JSON.stringify(text)} was neither imported nor listed as skipped`).toBeTruthy();
          expect(reason).not.toMatch(/Invalid input/);
          return;
        }
        // The import reads a cell the way a spreadsheet-safe export wrote it: "'=…" is "=…".
        const cell = text.trim().startsWith("'") && FORMULA_LEADING.test(text.trim().slice(1)) ? text.trim().slice(1) : text.trim();
        expect(stored.name, JSON.stringify(text)).toBe(cell);
        expect(stored.company ?? '', JSON.stringify(text)).toBe(cell);
      });
    }
    await expectRestorable(db);

    for (const target of CSV_TARGETS) {
      await attempt('CSV exports (every CRM target)', async () => {
        const sink = memoryExportSink();
        await exportCsv({ target, source: dexieExportSource(db, 20), sink });
        for (const [file, text] of sink.files) {
          if (!file.endsWith('.csv')) continue;
          const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
          expect(parsed.errors, file).toEqual([]);
          const width = parsed.data[0]!.length;
          for (const row of parsed.data) {
            expect(row, file).toHaveLength(width);
            for (const cell of row) expect(FORMULA_LEADING.test(cell), `${file}: ${JSON.stringify(cell)} would run as a formula`).toBe(false);
          }
          if (target === GENERIC && file.includes('contacts')) {
            const names = new Set(parseCsvText(text).rows.map((cells) => cells[csvColumn(text, 'name')]));
            const missing = (await db.contacts.toArray()).filter((contact) => !names.has(contact.name)).map((contact) => contact.name);
            expect(missing).toEqual([]);
          }
        }
      });
    }

    await attempt('Contacts view (every name shown as text)', async () => {
      const contacts = await db.contacts.toArray();
      const { container } = renderWithDb(db, <ContactsView contacts={contacts} />);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(container.querySelector('script, img, iframe, svg, style, a[href^="javascript"]')).toBeNull();
      const shown = (container.textContent ?? '').replace(/\s+/g, ' ');
      for (const contact of contacts.slice(0, 100)) expect(shown).toContain(contact.name.replace(/\s+/g, ' ').trim().slice(0, 20));
      cleanup();
    });
  });
});

function csvColumn(text: string, header: string): number {
  return parseCsvText(text).headers.indexOf(header);
}
