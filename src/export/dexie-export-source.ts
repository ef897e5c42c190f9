import Dexie, { type Table } from 'dexie';
import type { MarginDb } from '../db/database';
import type { Contact, Sentiment } from '../model/schemas';
import type { BackupTable, BackupTables } from './backup-schema';
import { EXPORT_PAGE_SIZE, openTasksInWindow, type ExportSource, type UpdatedWindow } from './export-source';

/**
 * Reads the extension's database a page at a time: by primary key for whole tables, and along
 * the `updatedAt` index (ties broken by id, as IndexedDB orders them) for an incremental window.
 * Each page is its own short read, so the page stays responsive and memory stays flat.
 */
export function dexieExportSource(db: MarginDb, pageSize = EXPORT_PAGE_SIZE): ExportSource {
  return {
    countContacts: (window) => windowCollection(db.contacts, window).count(),
    countInteractions: (window) => windowCollection(db.interactions, window).count(),
    contactPages: (window) => pagesInWindow(db.contacts, window, pageSize),
    interactionPages: (window) => pagesInWindow(db.interactions, window, pageSize),
    async *openTaskPages(window) {
      // Open follow-ups are few (a rep's to-do list), and [status+due] finds them without a scan.
      const open = await db.tasks.where('[status+due]').between(['open', Dexie.minKey], ['open', Dexie.maxKey]).toArray();
      const tasks = openTasksInWindow(open, window);
      for (let start = 0; start < tasks.length; start += pageSize) yield tasks.slice(start, start + pageSize);
    },
    async contactsByIds(ids) {
      const unique = [...new Set(ids)];
      const rows = await db.contacts.bulkGet(unique);
      const found = new Map<string, Contact>();
      for (const row of rows) if (row) found.set(row.id, row);
      return found;
    },
    async lastSentiments(contactIds) {
      const result = new Map<string, Sentiment>();
      await db.transaction('r', db.interactions, async () => {
        for (const contactId of new Set(contactIds)) {
          const last = await db.interactions
            .where('[contactId+at]')
            .between([contactId, Dexie.minKey], [contactId, Dexie.maxKey])
            .reverse()
            .filter((interaction) => interaction.sentiment !== undefined)
            .first();
          if (last?.sentiment) result.set(contactId, last.sentiment);
        }
      });
      return result;
    },
    tablePages: <T extends BackupTable>(table: T) =>
      pagesByPrimaryKey(db.table(table) as ReadableTable<BackupTables[T][number]>, pageSize) as AsyncIterable<BackupTables[T]>,
    countTable: (table) => db.table(table).count(),
  };
}

type Updatable = { id: string; updatedAt: number };
// The insert type differs per table (EntityTable makes the key optional); reads ignore it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ReadableTable<Row> = Table<Row, string, any>;

function windowCollection<Row extends Updatable>(table: ReadableTable<Row>, window: UpdatedWindow) {
  if (window.after === undefined && window.upTo === undefined) return table.toCollection();
  return table
    .where('updatedAt')
    .between(window.after ?? -Infinity, window.upTo ?? Infinity, false, true);
}

async function* pagesInWindow<Row extends Updatable>(
  table: ReadableTable<Row>,
  window: UpdatedWindow,
  pageSize: number,
): AsyncIterable<Row[]> {
  if (window.after === undefined) {
    const upTo = window.upTo;
    yield* pagesByPrimaryKey(table, pageSize, upTo === undefined ? undefined : (row) => row.updatedAt <= upTo);
    return;
  }
  let last: { updatedAt: number; id: string } | undefined;
  for (;;) {
    const from = last?.updatedAt ?? window.after ?? -Infinity;
    const resumeAfter = last;
    const page = await table
      .where('updatedAt')
      .between(from, window.upTo ?? Infinity, resumeAfter !== undefined, true)
      .filter((row) => !resumeAfter || row.updatedAt > resumeAfter.updatedAt || row.id > resumeAfter.id)
      .limit(pageSize)
      .toArray();
    if (page.length === 0) return;
    yield page;
    const tail = page[page.length - 1]!;
    last = { updatedAt: tail.updatedAt, id: tail.id };
    if (page.length < pageSize) return;
  }
}

async function* pagesByPrimaryKey<Row>(table: ReadableTable<Row>, pageSize: number, keep?: (row: Row) => boolean): AsyncIterable<Row[]> {
  const keyPath = table.schema.primKey.keyPath as string;
  let lastKey: string | undefined;
  for (;;) {
    const collection = lastKey === undefined ? table.orderBy(':id') : table.where(':id').above(lastKey);
    const rows = await collection.limit(pageSize).toArray();
    if (rows.length === 0) return;
    const kept = keep ? rows.filter(keep) : rows;
    if (kept.length > 0) yield kept;
    lastKey = (rows[rows.length - 1] as Record<string, string>)[keyPath];
    if (rows.length < pageSize) return;
  }
}
