import Papa from 'papaparse';
import { FORMULA_LEADING } from '../export/csv-chunks';
import { ImportFileError } from './import-file-error';
import { lineAndColumn } from './text-position';

export interface ParsedCsv {
  headers: string[];
  /** Data rows (the header excluded), each padded to the header's width. */
  rows: string[][];
}

/**
 * A CSV file's header and rows, read by Papa Parse. A quoting error (a quote never closed, a
 * stray quote inside a field) is refused with its row and line, because everything after it would
 * be read wrongly. A cell a spreadsheet-safe export escaped (`'=…`) gets its text back.
 */
export function parseCsvText(text: string): ParsedCsv {
  const result = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  const quoteError = result.errors.find((error) => error.type === 'Quotes');
  if (quoteError) {
    const where = quoteError.index === undefined ? undefined : lineAndColumn(text, quoteError.index);
    const what =
      quoteError.code === 'MissingQuotes'
        ? 'a quoted field is never closed (a " is missing)'
        : 'a quote appears inside a field that is not quoted';
    throw new ImportFileError(
      `The CSV file's quoting is broken: ${what}. Fix that row in a spreadsheet or text editor and try again.`,
      `row ${(quoteError.row ?? 0) + 1}${where ? `, line ${where.line}` : ''}`,
    );
  }
  const [header, ...rows] = result.data;
  if (!header || header.every((cell) => cell.trim() === '')) {
    throw new ImportFileError('The CSV file has no header row naming its columns.', 'row 1');
  }
  const headers = header.map((cell) => cell.trim());
  const tooWide = rows.findIndex((row) => row.length > headers.length && row.slice(headers.length).some((cell) => cell.trim()));
  if (tooWide >= 0) {
    throw new ImportFileError(
      `A row has ${rows[tooWide]!.length} fields but the header names ${headers.length} columns (a missing quote around a comma?).`,
      `row ${tooWide + 2}`,
    );
  }
  return {
    headers,
    rows: rows.map((row) => headers.map((_, index) => unescapeFormula(row[index] ?? ''))),
  };
}

function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_LEADING.test(cell.slice(1)) ? cell.slice(1) : cell;
}
