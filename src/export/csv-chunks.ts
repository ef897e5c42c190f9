import Papa from 'papaparse';

/**
 * Cells that spreadsheets run as formulas: leading `=`, `+`, `-`, `@`, tab or carriage return.
 * Papa Parse's own default pattern (`/^[=+\-@\t\r].*$/`) misses a formula followed by a line
 * break (`.` stops at "\n"), so Margin passes a pattern that only looks at the first character.
 */
export const FORMULA_LEADING = /^[=+\-@\t\r]/;

const CSV_NEWLINE = '\r\n';

/** The header line of a CSV file, ending in CRLF. */
export function csvHeader(headers: readonly string[]): string {
  return Papa.unparse([headers as string[]], { newline: CSV_NEWLINE, escapeFormulae: FORMULA_LEADING }) + CSV_NEWLINE;
}

/** Some rows of a CSV file (no header), each ending in CRLF; quoting and escaping by Papa Parse. */
export function csvRows(rows: readonly string[][]): string {
  if (rows.length === 0) return '';
  return Papa.unparse(rows as string[][], { newline: CSV_NEWLINE, escapeFormulae: FORMULA_LEADING }) + CSV_NEWLINE;
}
