import type { Interaction, Task } from '../model/schemas';
import { TIME_FIELDS, rulesOf, type ColumnRule, type CsvFileMapping, type CsvTarget, type RowKind, type TimeFormat } from './crm-mappings';
import { PartedCsvFile } from './csv-parts';
import type { ExportSink } from './export-sink';
import { isInWindow, type ExportSource, type UpdatedWindow } from './export-source';
import { throwIfCancelled, yieldToPage, type ExportRunOptions } from './export-progress';
import { fieldTime, fieldValue, formatTime, type RowSubject } from './field-values';
import { LISTED_PEOPLE, renderReadme, staticReadiness, type ImportReadiness } from './import-readiness';

export interface CsvExportRequest extends ExportRunOptions {
  target: CsvTarget;
  source: ExportSource;
  sink: ExportSink;
  /** Only rows changed in this window (an incremental export); every row when absent. */
  window?: UpdatedWindow;
}

export interface CsvExportResult {
  /** Every file written, in order: parts, aside files, the README. */
  files: string[];
  /** People, interactions and open follow-ups that went out (import files and aside files together). */
  contacts: number;
  interactions: number;
  tasks: number;
  readiness: ImportReadiness;
}

/**
 * The one CSV writer: the dashboard and the team command both call it, so they write the same
 * files. It reads a page, turns each row into cells through the target's columns, applies the
 * target's rules (crm-mappings.ts) to the cells, and hands the rows to a file that splits itself
 * at the importer's limits; rows the CRM cannot match go to an aside file with the same columns.
 * Last, the README with the import-readiness summary.
 *
 * In an incremental window, an interaction edited after an export that carried it is left out:
 * CRMs cannot update an imported note, so sending it again would duplicate it. It stays in the
 * window of its creation, so downloading that window again still carries it (exportedRowsOfWindow).
 */
export async function exportCsv(request: CsvExportRequest): Promise<CsvExportResult> {
  const { target, source, sink, window = {}, signal, onProgress } = request;
  const total = await countRowsToRead(target, source, window);
  let done = 0;
  const advance = (file: string, rows: number) => {
    done += rows;
    onProgress?.({ done, total, file });
  };
  const counted: Record<RowKind, number> = { contacts: 0, interactions: 0, tasks: 0 };
  const readiness: ImportReadiness = {
    target: target.label,
    steps: target.steps,
    reimport: target.reimport,
    files: [],
    ...staticReadiness(target),
    notMatched: [],
    adjusted: [],
  };
  const written: string[] = [];

  for (const mapping of target.files) {
    throwIfCancelled(signal);
    const file = new FileWriter(target, mapping, sink);
    await file.open();
    for (const kind of mapping.rows) {
      let rowsOfKind = 0;
      for await (const page of rowPages(kind, mapping, source, window)) {
        throwIfCancelled(signal);
        rowsOfKind += await file.write(page.subjects);
        advance(mapping.file, page.read);
        await yieldToPage();
      }
      counted[kind] = Math.max(counted[kind], rowsOfKind);
    }
    await file.close();
    written.push(...file.main.names, ...(file.aside?.names ?? []));
    readiness.files.push({ file: mapping.file, parts: file.main.parts });
    if (file.aside && file.matchRule) {
      readiness.notMatched.push({
        file: mapping.file,
        asideFiles: file.aside.names,
        missing: file.matchRule.missing,
        rows: file.aside.rows,
        people: file.asideNames,
        peopleCount: file.asideContactIds.size,
      });
    }
    for (const [key, rows] of file.adjustments) {
      const [column, change] = key.split('\u0000') as [string, string];
      readiness.adjusted.push({ file: mapping.file, column, change, rows });
    }
  }

  const readme = sink.openFile(target.readme, 'text/plain;charset=utf-8');
  await readme.write(renderReadme(readiness));
  await readme.close();
  written.push(target.readme);
  return { files: written, contacts: counted.contacts, interactions: counted.interactions, tasks: counted.tasks, readiness };
}

interface RowPage {
  subjects: RowSubject[];
  /** Rows read from the source for this page (for progress). */
  read: number;
}

async function* rowPages(kind: RowKind, mapping: CsvFileMapping, source: ExportSource, window: UpdatedWindow): AsyncIterable<RowPage> {
  if (kind === 'contacts') {
    for await (const page of source.contactPages(window)) {
      const lastSentiments = needsLastSentiment(mapping) ? await source.lastSentiments(page.map((contact) => contact.id)) : undefined;
      yield { subjects: page.map((contact) => ({ contact, lastSentiment: lastSentiments?.get(contact.id) })), read: page.length };
    }
    return;
  }
  if (kind === 'interactions') {
    for await (const page of exportedRowsOfWindow(source, window)) {
      const wanted = mapping.interactionKinds ? page.filter((interaction) => mapping.interactionKinds!.includes(interaction.kind)) : page;
      const contacts = await source.contactsByIds(wanted.map((interaction) => interaction.contactId));
      yield { subjects: wanted.map((interaction) => ({ contact: contacts.get(interaction.contactId), interaction })), read: page.length };
    }
    return;
  }
  for await (const page of source.openTaskPages(window)) {
    const contacts = await source.contactsByIds(page.map((task) => task.contactId));
    yield { subjects: page.map((task: Task) => ({ contact: contacts.get(task.contactId), task })), read: 0 };
  }
}

/**
 * The interactions an export of this window carries: those changed in it, except notes edited
 * after an earlier window that carried them; and those created in it and edited since (they
 * belong to the window of their creation, so a window downloaded again still holds them, and the
 * next window leaves them out). Every interaction thus belongs to exactly one of a run of
 * adjoining windows, which is what keeps an incremental export from skipping or repeating a note.
 */
export async function* exportedRowsOfWindow(source: ExportSource, window: UpdatedWindow): AsyncIterable<Interaction[]> {
  for await (const page of source.interactionPages(window)) {
    const kept = page.filter((interaction) => !wasExportedBefore(interaction, window));
    if (kept.length > 0) yield kept;
  }
  if (window.upTo === undefined) return;
  for await (const page of source.interactionPages({ after: window.upTo })) {
    const kept = page.filter((interaction) => interaction.editedAt !== undefined && isInWindow(interaction.createdAt, window));
    if (kept.length > 0) yield kept;
  }
}

/** Edited after an earlier export that already carried it (see exportCsv). */
export function wasExportedBefore(interaction: Interaction, window: UpdatedWindow): boolean {
  return window.after !== undefined && interaction.createdAt <= window.after && interaction.editedAt !== undefined;
}

function needsLastSentiment(file: CsvFileMapping): boolean {
  return file.columns.some((column) => 'field' in column && (column.field === 'contact.lastSentiment' || column.field === 'contact.description'));
}

async function countRowsToRead(target: CsvTarget, source: ExportSource, window: UpdatedWindow): Promise<number> {
  const [contacts, interactions] = await Promise.all([source.countContacts(window), source.countInteractions(window)]);
  return target.files.reduce(
    (sum, file) => sum + (file.rows.includes('contacts') ? contacts : 0) + (file.rows.includes('interactions') ? interactions : 0),
    0,
  );
}

/** The text a cell gets when a rule cuts it and no other column of the row keeps the full text. */
export function cutMarker(max: number): string {
  return ` … [cut at ${max.toLocaleString('en')} characters; the full text is in Margin]`;
}

/** `text` cut to at most `max` UTF-16 units ending in `marker`, never splitting a surrogate pair. */
export function cutText(text: string, max: number, marker = '…'): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - marker.length);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end) + marker;
}

/** One mapping's file (and its aside file), with the target's rules for it prepared once. */
class FileWriter {
  readonly main: PartedCsvFile;
  aside: PartedCsvFile | undefined;
  readonly matchRule: Extract<ColumnRule, { kind: 'match-key' }> | undefined;
  /** Who is in the aside file: every contact id (to count them), the first names (to list them). */
  readonly asideContactIds = new Set<string>();
  readonly asideNames: string[] = [];
  /** "column\0change" → rows. */
  readonly adjustments = new Map<string, number>();
  private readonly headers: string[];
  private readonly timeFormats: Array<TimeFormat | undefined>;
  private readonly required: Array<{ index: number; rule: Extract<ColumnRule, { kind: 'required' }> }>;
  private readonly cuts: Array<{ index: number; keep: number | undefined; rule: Extract<ColumnRule, { kind: 'max-length' }> }>;
  private readonly valueLists: Array<{ index: number; values: ReadonlySet<string>; column: string }>;
  private readonly limits: { maxRows: number; maxBytes: number };

  constructor(
    private readonly target: CsvTarget,
    private readonly mapping: CsvFileMapping,
    private readonly sink: ExportSink,
  ) {
    this.headers = mapping.columns.map((column) => column.header);
    const indexOf = (column: string) => {
      const index = this.headers.indexOf(column);
      if (index < 0) throw new Error(`${target.label} rule names column "${column}", which ${mapping.file} does not have`);
      return index;
    };
    const formats = new Map(rulesOf(target, mapping.file, 'time-format').map((rule) => [indexOf(rule.column), rule.format]));
    this.timeFormats = mapping.columns.map((column, index) => {
      if (!('field' in column) || !TIME_FIELDS.has(column.field)) return undefined;
      const format = formats.get(index);
      if (!format) throw new Error(`${target.label}: ${mapping.file} column "${column.header}" is a time with no time-format rule`);
      return format;
    });
    this.required = rulesOf(target, mapping.file, 'required').map((rule) => ({ index: indexOf(rule.column), rule }));
    // Cuts that keep the full text elsewhere run first, so the keeping column is cut (if at all) after it grew.
    this.cuts = rulesOf(target, mapping.file, 'max-length')
      .map((rule) => ({ index: indexOf(rule.column), keep: rule.keepFullTextIn === undefined ? undefined : indexOf(rule.keepFullTextIn), rule }))
      .sort((a, b) => Number(a.keep === undefined) - Number(b.keep === undefined));
    this.valueLists = rulesOf(target, mapping.file, 'one-of').map((rule) => ({ index: indexOf(rule.column), values: new Set(rule.values), column: rule.column }));
    this.matchRule = rulesOf(target, mapping.file, 'match-key')[0];
    const [limit] = rulesOf(target, mapping.file, 'file-limit');
    if (!limit) throw new Error(`${target.label}: ${mapping.file} has no file-limit rule`);
    this.limits = { maxRows: limit.maxRows, maxBytes: limit.maxBytes };
    this.main = new PartedCsvFile(sink, mapping.file, this.headers, this.limits);
  }

  open(): Promise<void> {
    return this.main.open();
  }

  /** Writes a page of rows; returns how many went out (import file and aside file). */
  async write(subjects: readonly RowSubject[]): Promise<number> {
    const matched: string[][] = [];
    const unmatched: string[][] = [];
    for (const subject of subjects) {
      const cells = this.cells(subject);
      if (this.matchRule && this.matchRule.anyOf.every((field) => fieldValue(field, subject, this.target) === '')) {
        unmatched.push(cells);
        const id = subject.contact?.id ?? subject.interaction?.contactId ?? subject.task?.contactId ?? '?';
        if (!this.asideContactIds.has(id)) {
          this.asideContactIds.add(id);
          if (this.asideNames.length < LISTED_PEOPLE) this.asideNames.push(subject.contact?.name.trim() || id);
        }
      } else matched.push(cells);
    }
    await this.main.write(matched);
    if (unmatched.length > 0) {
      if (!this.aside) this.aside = new PartedCsvFile(this.sink, this.matchRule!.asideFile, this.headers, this.limits);
      await this.aside.write(unmatched);
    }
    return subjects.length;
  }

  async close(): Promise<void> {
    await this.main.close();
    await this.aside?.close();
  }

  private cells(subject: RowSubject): string[] {
    const cells = this.mapping.columns.map((column, index) => {
      if ('constant' in column) return column.constant;
      const format = this.timeFormats[index];
      if (format) {
        const at = fieldTime(column.field, subject);
        return at === undefined ? '' : formatTime(at, format);
      }
      return fieldValue(column.field, subject, this.target);
    });
    for (const { index, rule } of this.required) {
      if (cells[index]!.trim() !== '') continue;
      const fallback = rule.fallbacks.find((field) => fieldValue(field, subject, this.target) !== '');
      cells[index] = fallback ? fieldValue(fallback, subject, this.target).split('; ')[0]! : rule.lastResort;
      this.count(rule.column, fallback ? `had no value: filled from ${fallback.replace('contact.', 'the contact\'s ')}` : `had no value: filled with "${rule.lastResort}"`);
    }
    for (const { index, keep, rule } of this.cuts) {
      const text = cells[index]!;
      if (text.length <= rule.max) continue;
      if (keep === undefined) {
        cells[index] = cutText(text, rule.max, cutMarker(rule.max));
        this.count(rule.column, `cut to ${rule.max.toLocaleString('en')} characters (the full text stays in Margin)`);
      } else {
        cells[index] = cutText(text, rule.max);
        const kept = `${rule.column}: ${text}`;
        cells[keep] = cells[keep] ? `${cells[keep]}\n\n${kept}` : kept;
        this.count(rule.column, `cut to ${rule.max.toLocaleString('en')} characters; the full text is in ${rule.keepFullTextIn}`);
      }
    }
    for (const { index, values, column } of this.valueLists) {
      if (cells[index] === '' || values.has(cells[index]!)) continue;
      cells[index] = '';
      this.count(column, `left empty: the value is not one the CRM accepts`);
    }
    return cells;
  }

  private count(column: string, change: string): void {
    const key = `${column}\u0000${change}`;
    this.adjustments.set(key, (this.adjustments.get(key) ?? 0) + 1);
  }
}
