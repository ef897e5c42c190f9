import { csvHeader, csvRows } from './csv-chunks';
import type { ExportFileWriter, ExportSink } from './export-sink';

export interface FilePart {
  name: string;
  rows: number;
  bytes: number;
}

export interface PartLimits {
  /** Data rows per part (the header not counted). */
  maxRows: number;
  /** UTF-8 bytes per part, header included. */
  maxBytes: number;
}

/**
 * One CSV file that splits itself into numbered parts, each with the same header, so that no
 * part passes the importer's row or byte limit. Rows arrive a page at a time: a page that fits is
 * written as one chunk (the fast path every small export takes); a page that would cross a limit
 * is written row by row into the current part and the next ones.
 *
 * The first part is written under the file's own name; when a second part is needed it is renamed
 * `<name>-part-1.csv` and the next ones follow as `-part-2`, `-part-3`…, so a file that fits has
 * the plain name and a split file's parts are all numbered.
 */
export class PartedCsvFile {
  readonly parts: FilePart[] = [];
  private writer: ExportFileWriter | undefined;
  private readonly header: string;
  private readonly headerBytes: number;

  constructor(
    private readonly sink: ExportSink,
    private readonly name: string,
    headers: readonly string[],
    private readonly limits: PartLimits,
  ) {
    this.header = csvHeader(headers);
    this.headerBytes = utf8Length(this.header);
  }

  /** Opens the first part now, so that a file with no rows still exists with its header. */
  async open(): Promise<void> {
    if (!this.writer) await this.nextPart();
  }

  get rows(): number {
    return this.parts.reduce((sum, part) => sum + part.rows, 0);
  }

  async write(rows: readonly string[][]): Promise<void> {
    if (rows.length === 0) return;
    await this.open();
    const current = this.parts[this.parts.length - 1]!;
    if (current.rows + rows.length <= this.limits.maxRows) {
      const text = csvRows(rows);
      const bytes = utf8Length(text);
      if (current.bytes + bytes <= this.limits.maxBytes) {
        await this.append(text, bytes, rows.length);
        return;
      }
    }
    for (const row of rows) {
      const text = csvRows([row]);
      const bytes = utf8Length(text);
      if (this.headerBytes + bytes > this.limits.maxBytes) {
        throw new Error(`A row of ${this.name} is ${bytes.toLocaleString('en')} bytes, more than a whole part may hold.`);
      }
      const part = this.parts[this.parts.length - 1]!;
      if (part.rows + 1 > this.limits.maxRows || part.bytes + bytes > this.limits.maxBytes) await this.nextPart();
      await this.append(text, bytes, 1);
    }
  }

  async close(): Promise<void> {
    await this.writer?.close();
    this.writer = undefined;
  }

  /** The names of the parts, in order. */
  get names(): string[] {
    return this.parts.map((part) => part.name);
  }

  private async append(text: string, bytes: number, rows: number): Promise<void> {
    const part = this.parts[this.parts.length - 1]!;
    await this.writer!.write(text);
    part.bytes += bytes;
    part.rows += rows;
  }

  private async nextPart(): Promise<void> {
    if (this.writer) await this.writer.close();
    if (this.parts.length === 1) {
      const first = partName(this.name, 1);
      await this.sink.rename(this.parts[0]!.name, first);
      this.parts[0]!.name = first;
    }
    const name = this.parts.length === 0 ? this.name : partName(this.name, this.parts.length + 1);
    this.writer = this.sink.openFile(name, 'text/csv;charset=utf-8');
    await this.writer.write(this.header);
    this.parts.push({ name, rows: 0, bytes: this.headerBytes });
  }
}

/** `hubspot-notes.csv`, 2 → `hubspot-notes-part-2.csv`. */
export function partName(name: string, part: number): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? `${name}-part-${part}` : `${name.slice(0, dot)}-part-${part}${name.slice(dot)}`;
}

/** The length of a string in UTF-8 bytes, without encoding it (the browser has no Buffer). */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      // A surrogate pair: two code units, four bytes.
      bytes += 2;
      index += 1;
    } else bytes += 2;
  }
  return bytes;
}
