import type { MarginDb } from '../db/database';
import { newId } from '../db/ids';
import { rowProblem, type Contact } from '../model/schemas';
import { normaliseEmail, normaliseLinkedInId } from '../identity/normalise';
import type { ColumnMapping } from './contact-columns';
import { ContactMatcher, mergeContact, sameContact } from './contact-matcher';
import { derivedTables, refreshContacts } from '../actions/recompute-scores';
import type { ParsedCsv } from './parse-csv';

export interface SkippedRow {
  /** The row's number in the file, counting the header as row 1. */
  row: number;
  reason: string;
}

export interface CsvImportPlan {
  /** Contacts to store: new ones and existing ones with what the file adds. */
  writes: Contact[];
  created: number;
  merged: number;
  /** Rows that were the same person as an earlier row of the file. */
  duplicatesInFile: number;
  skipped: SkippedRow[];
}

const LIST_SEPARATOR = /[;,\n]/;

/**
 * What importing the rows would do, without writing: each row becomes a contact, matched to one
 * already here (or earlier in the file) by address or LinkedIn id and merged into it, never by
 * name. A row with no name, or with neither an address nor a LinkedIn id, is skipped and listed.
 */
export async function planCsvImport(db: MarginDb, csv: ParsedCsv, mapping: ColumnMapping, now: number): Promise<CsvImportPlan> {
  const matcher = new ContactMatcher(await db.contacts.toArray());
  const existingIds = new Set([...matcher.contacts()].map((contact) => contact.id));
  const writes = new Map<string, Contact>();
  const createdIds = new Set<string>();
  const mergedIds = new Set<string>();
  const skipped: SkippedRow[] = [];
  let duplicatesInFile = 0;

  for (const [index, cells] of csv.rows.entries()) {
    const row = index + 2;
    const cell = (field: keyof ColumnMapping) => {
      const column = mapping[field];
      return column === undefined ? '' : (cells[column] ?? '').trim();
    };
    const name = cell('name') || [cell('firstName'), cell('lastName')].filter(Boolean).join(' ');
    const emails = split(cell('email')).map(normaliseEmail).filter((email): email is string => Boolean(email));
    const linkedinIds = split(cell('linkedin'))
      .map(normaliseLinkedInId)
      .filter((id): id is string => Boolean(id));
    if (emails.length === 0 && linkedinIds.length === 0) {
      skipped.push({ row, reason: cell('email') ? `"${cell('email')}" is not an email address` : 'no email address or LinkedIn profile' });
      continue;
    }
    if (!name) {
      skipped.push({ row, reason: 'no name' });
      continue;
    }
    const incoming: Contact = {
      id: newId(),
      name,
      emails,
      linkedinIds,
      ...optional('company', cell('company')),
      ...optional('title', cell('title')),
      ...optional('location', cell('location')),
      stage: 'Awareness',
      tags: split(cell('tags')),
      customFields: {},
      createdAt: now,
      updatedAt: now,
    };
    // The same check the database and Restore make: a row that would not restore is not stored.
    const problem = rowProblem('contacts', incoming);
    if (problem) {
      skipped.push({ row, reason: problem });
      continue;
    }
    const existing = matcher.match({ emails, linkedinIds });
    if (!existing) {
      matcher.remember(incoming);
      writes.set(incoming.id, incoming);
      createdIds.add(incoming.id);
      continue;
    }
    if (createdIds.has(existing.id) || mergedIds.has(existing.id)) duplicatesInFile += 1;
    else if (existingIds.has(existing.id)) mergedIds.add(existing.id);
    // What the user already has wins; the file only fills gaps and adds identities and tags.
    const merged = { ...mergeContact(existing, { ...incoming, updatedAt: 0 }), updatedAt: now };
    merged.stage = existing.stage;
    const mergedProblem = rowProblem('contacts', merged);
    if (mergedProblem) {
      skipped.push({ row, reason: `merged into ${existing.name}, ${mergedProblem}` });
      continue;
    }
    matcher.remember(merged);
    if (!sameContact({ ...merged, updatedAt: existing.updatedAt }, existing) || createdIds.has(existing.id)) {
      writes.set(merged.id, merged);
    }
  }
  return { writes: [...writes.values()], created: createdIds.size, merged: mergedIds.size, duplicatesInFile, skipped };
}

/** Stores a plan's contacts in one transaction: all of them or, on failure, none. */
export async function applyCsvImport(db: MarginDb, plan: CsvImportPlan, now: number = Date.now()): Promise<number> {
  await db.transaction('rw', derivedTables(db), async () => {
    await db.contacts.bulkPut(plan.writes);
    // Imported people are scored (and their stage's rules asked) at once, not at the next daily run.
    await refreshContacts(db, plan.writes.map((contact) => contact.id), now);
  });
  return plan.writes.length;
}

function split(value: string): string[] {
  return value
    .split(LIST_SEPARATOR)
    .map((part) => part.trim())
    .filter(Boolean);
}

function optional<K extends 'company' | 'title' | 'location'>(field: K, value: string): Partial<Record<K, string>> {
  return value ? ({ [field]: value } as Partial<Record<K, string>>) : {};
}
