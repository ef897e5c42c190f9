import type { Contact, Interaction, Sentiment, Task } from '../model/schemas';
import type { BackupTable, BackupTables } from './backup-schema';
import { EXPORT_PAGE_SIZE, isInWindow, openTasksInWindow, type ExportSource, type UpdatedWindow } from './export-source';

/**
 * An export source over tables held in memory (the team command's merged backups), with the same
 * order as the database: primary key for whole tables, (updatedAt, id) for a window.
 */
export function memoryExportSource(tables: BackupTables, pageSize = EXPORT_PAGE_SIZE): ExportSource {
  const byPrimaryKey = <T extends BackupTable>(table: T): BackupTables[T] => {
    const rows = [...tables[table]] as Array<BackupTables[T][number]>;
    const key = (row: BackupTables[T][number]) => ('id' in row ? row.id : row.key);
    rows.sort((a, b) => compare(key(a), key(b)));
    return rows as BackupTables[T];
  };
  const inWindow = <Row extends { id: string; updatedAt: number }>(rows: Row[], window: UpdatedWindow): Row[] => {
    if (window.after === undefined) {
      return rows.filter((row) => isInWindow(row.updatedAt, window)).sort((a, b) => compare(a.id, b.id));
    }
    return rows
      .filter((row) => isInWindow(row.updatedAt, window))
      .sort((a, b) => a.updatedAt - b.updatedAt || compare(a.id, b.id));
  };
  const contactsById = new Map(tables.contacts.map((contact) => [contact.id, contact]));
  let lastSentimentByContact: Map<string, { at: number; sentiment: Sentiment }> | undefined;

  return {
    countContacts: async (window) => inWindow(tables.contacts, window).length,
    countInteractions: async (window) => inWindow(tables.interactions, window).length,
    contactPages: (window) => pages<Contact>(inWindow(tables.contacts, window), pageSize),
    interactionPages: (window) => pages<Interaction>(inWindow(tables.interactions, window), pageSize),
    openTaskPages: (window) => pages<Task>(openTasksInWindow(tables.tasks, window), pageSize),
    async contactsByIds(ids) {
      const found = new Map<string, Contact>();
      for (const id of ids) {
        const contact = contactsById.get(id);
        if (contact) found.set(id, contact);
      }
      return found;
    },
    async lastSentiments(contactIds) {
      if (!lastSentimentByContact) {
        lastSentimentByContact = new Map();
        for (const interaction of tables.interactions) {
          if (!interaction.sentiment) continue;
          const known = lastSentimentByContact.get(interaction.contactId);
          if (!known || interaction.at >= known.at) {
            lastSentimentByContact.set(interaction.contactId, { at: interaction.at, sentiment: interaction.sentiment });
          }
        }
      }
      const result = new Map<string, Sentiment>();
      for (const id of contactIds) {
        const last = lastSentimentByContact.get(id);
        if (last) result.set(id, last.sentiment);
      }
      return result;
    },
    tablePages: <T extends BackupTable>(table: T) =>
      pages(byPrimaryKey(table) as Array<BackupTables[T][number]>, pageSize) as AsyncIterable<BackupTables[T]>,
    countTable: async (table) => tables[table].length,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function* pages<Row>(rows: Row[], pageSize: number): AsyncIterable<Row[]> {
  for (let start = 0; start < rows.length; start += pageSize) yield rows.slice(start, start + pageSize);
}
