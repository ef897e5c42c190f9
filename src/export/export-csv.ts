import type { Contact, Interaction } from '../model/schemas';
import type { CsvFileMapping, CsvTarget } from './crm-mappings';
import { csvHeader, csvRows } from './csv-chunks';
import type { ExportSink } from './export-sink';
import type { ExportSource, UpdatedWindow } from './export-source';
import { throwIfCancelled, yieldToPage, type ExportRunOptions } from './export-progress';
import { fieldValue } from './field-values';

export interface CsvExportRequest extends ExportRunOptions {
  target: CsvTarget;
  source: ExportSource;
  sink: ExportSink;
  /** Only rows changed in this window (an incremental export); every row when absent. */
  window?: UpdatedWindow;
}

export interface CsvExportResult {
  files: string[];
  contacts: number;
  interactions: number;
}

/**
 * Writes a target's CSV files a page at a time: read a page, turn it into rows through the
 * target's mapping, hand the CSV text to the sink, read the next page.
 *
 * In an incremental window, an interaction edited after it was first exported is left out: CRMs
 * cannot update an imported note, so sending it again would duplicate it.
 */
export async function exportCsv(request: CsvExportRequest): Promise<CsvExportResult> {
  const { target, source, sink, window = {}, signal, onProgress } = request;
  const total = await countRowsToRead(target, source, window);
  let done = 0;
  const counted = { contacts: 0, interactions: 0 };
  const advance = (file: string, rows: number) => {
    done += rows;
    onProgress?.({ done, total, file });
  };

  for (const file of target.files) {
    throwIfCancelled(signal);
    const writer = sink.openFile(file.file, 'text/csv;charset=utf-8');
    await writer.write(csvHeader(file.columns.map((column) => column.header)));
    if (file.rows === 'contacts' || file.rows === 'contacts-then-interactions') {
      let contactsInFile = 0;
      for await (const page of source.contactPages(window)) {
        throwIfCancelled(signal);
        const lastSentiments = needsLastSentiment(file) ? await source.lastSentiments(page.map((c) => c.id)) : undefined;
        const rows = page.map((contact) => cells(file, target, { contact, lastSentiment: lastSentiments?.get(contact.id) }));
        await writer.write(csvRows(rows));
        contactsInFile += page.length;
        advance(file.file, page.length);
        await yieldToPage();
      }
      counted.contacts = Math.max(counted.contacts, contactsInFile);
    }
    if (file.rows === 'interactions' || file.rows === 'contacts-then-interactions') {
      let interactionsInFile = 0;
      for await (const page of source.interactionPages(window)) {
        throwIfCancelled(signal);
        const wanted = page.filter((interaction) => belongsInFile(file, interaction, window));
        const contacts = await source.contactsByIds(wanted.map((interaction) => interaction.contactId));
        const kept = file.skipInteractionsWithout
          ? wanted.filter((interaction) => fieldValue(file.skipInteractionsWithout!, { contact: contacts.get(interaction.contactId) }, target) !== '')
          : wanted;
        const rows = kept.map((interaction) => cells(file, target, { contact: contacts.get(interaction.contactId), interaction }));
        await writer.write(csvRows(rows));
        interactionsInFile += kept.length;
        advance(file.file, page.length);
        await yieldToPage();
      }
      counted.interactions = Math.max(counted.interactions, interactionsInFile);
    }
    await writer.close();
  }
  if (target.readme) {
    const writer = sink.openFile(target.readme.file, 'text/plain;charset=utf-8');
    await writer.write(target.readme.text);
    await writer.close();
  }
  return {
    files: [...target.files.map((file) => file.file), ...(target.readme ? [target.readme.file] : [])],
    contacts: counted.contacts,
    interactions: counted.interactions,
  };
}

function belongsInFile(file: CsvFileMapping, interaction: Interaction, window: UpdatedWindow): boolean {
  if (file.interactionKinds && !file.interactionKinds.includes(interaction.kind)) return false;
  return !wasExportedBefore(interaction, window);
}

/** Edited after an earlier export that already carried it (see exportCsv). */
export function wasExportedBefore(interaction: Interaction, window: UpdatedWindow): boolean {
  return window.after !== undefined && interaction.createdAt <= window.after && interaction.editedAt !== undefined;
}

function needsLastSentiment(file: CsvFileMapping): boolean {
  return file.columns.some((column) => column.field === 'contact.lastSentiment' || column.field === 'contact.description');
}

function cells(
  file: CsvFileMapping,
  target: CsvTarget,
  subject: { contact: Contact | undefined; interaction?: Interaction; lastSentiment?: Interaction['sentiment'] },
): string[] {
  return file.columns.map((column) => fieldValue(column.field, subject, target));
}

async function countRowsToRead(target: CsvTarget, source: ExportSource, window: UpdatedWindow): Promise<number> {
  const [contacts, interactions] = await Promise.all([source.countContacts(window), source.countInteractions(window)]);
  return target.files.reduce((sum, file) => {
    if (file.rows === 'contacts') return sum + contacts;
    if (file.rows === 'interactions') return sum + interactions;
    return sum + contacts + interactions;
  }, 0);
}
