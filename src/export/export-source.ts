import type { Contact, Interaction, Sentiment, Task } from '../model/schemas';
import type { BackupTable, BackupTables } from './backup-schema';

/**
 * Rows whose `updatedAt` lies in `(after, upTo]`; both ends open means every row. A window with no
 * lower end is read in primary-key order (like a full export), so a first export's files are the
 * same whether or not it has an upper end.
 */
export interface UpdatedWindow {
  after?: number;
  upTo?: number;
}

/**
 * Where an export reads its rows: the extension's Dexie database (dexie-export-source.ts) or
 * backups merged in memory by the team command (memory-export-source.ts). Every read yields pages
 * in a stable order, so an export never holds a whole table at once.
 */
export interface ExportSource {
  countContacts(window: UpdatedWindow): Promise<number>;
  countInteractions(window: UpdatedWindow): Promise<number>;
  contactPages(window: UpdatedWindow): AsyncIterable<Contact[]>;
  interactionPages(window: UpdatedWindow): AsyncIterable<Interaction[]>;
  /**
   * Open follow-ups created in the window (`createdAt`, not `updatedAt`: a CRM cannot update an
   * imported task, so a follow-up goes out once, in the export that covers its creation), by id.
   */
  openTaskPages(window: UpdatedWindow): AsyncIterable<Task[]>;
  /** The contacts with these ids (missing ids are left out). */
  contactsByIds(ids: readonly string[]): Promise<Map<string, Contact>>;
  /** Each contact's most recent interaction sentiment, when it has one. */
  lastSentiments(contactIds: readonly string[]): Promise<Map<string, Sentiment>>;
  /** Every row of a table, a page at a time in primary-key order (for the backup). */
  tablePages<T extends BackupTable>(table: T): AsyncIterable<BackupTables[T]>;
  countTable(table: BackupTable): Promise<number>;
}

export const EXPORT_PAGE_SIZE = 2_000;

/** Open follow-ups in a window (see `openTaskPages`), in id order. */
export function openTasksInWindow(tasks: readonly Task[], window: UpdatedWindow): Task[] {
  return tasks
    .filter((task) => task.status === 'open' && isInWindow(task.createdAt, window))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function isInWindow(updatedAt: number, window: UpdatedWindow): boolean {
  return (window.after === undefined || updatedAt > window.after) && (window.upTo === undefined || updatedAt <= window.upTo);
}
