import type { CsvTarget } from './crm-mappings';
import type { FilePart } from './csv-parts';

/**
 * What the user needs to know before importing an export: written into the export as its README
 * (the dashboard and the team command write the same one) and shown beside the download links.
 */
export interface ImportReadiness {
  target: string;
  steps: readonly string[];
  reimport: readonly string[];
  /** Each file as written: its parts (one part when it fit). */
  files: Array<{ file: string; parts: FilePart[] }>;
  /** Columns the CRM maps by itself, per file. */
  mapsByItself: Array<{ file: string; columns: string[] }>;
  /** Columns that need a custom property, field or label in the CRM first. */
  setUpFirst: Array<{ file: string; column: string; needs: string; howTo: string }>;
  /** Rows the CRM could not match, written aside (same columns) instead of into the import file. */
  notMatched: Array<{
    file: string;
    asideFiles: string[];
    missing: string;
    rows: number;
    /** The first LISTED_PEOPLE people's names… */
    people: string[];
    /** …of this many people in all. */
    peopleCount: number;
  }>;
  /** Cells the writer changed to fit the importer: cut to a limit, or filled because they were required. */
  adjusted: Array<{ file: string; column: string; change: string; rows: number }>;
}

/** How many names the summary lists per file before "and N more" (the aside file holds them all). */
export const LISTED_PEOPLE = 20;

export function renderReadme(readiness: ImportReadiness): string {
  const lines: string[] = [`Margin export for ${readiness.target}`, ''];
  let number = 0;
  lines.push('How to import', ...readiness.steps.map((step) => (step.startsWith(' ') ? step : `${(number += 1)}. ${step}`)), '');
  lines.push('Files');
  for (const { file, parts } of readiness.files) {
    if (parts.length <= 1) lines.push(`- ${parts[0]?.name ?? file}: ${rows(parts[0]?.rows ?? 0)}`);
    else {
      lines.push(`- ${file} is split into ${parts.length} parts (the importer's limit); import them in order:`);
      for (const part of parts) lines.push(`  - ${part.name}: ${rows(part.rows)}`);
    }
  }
  for (const aside of readiness.notMatched) lines.push(`- ${aside.asideFiles.join(', ')}: ${rows(aside.rows)} ${readiness.target} could not match (see below)`);
  lines.push('');
  lines.push(...renderChecks(readiness));
  lines.push('Opening the files', '- They are UTF-8 CSV. Excel garbles accents in a double-clicked CSV: open it with Data > From Text/CSV and choose "65001: Unicode (UTF-8)".', '- Every cell that could be read as a spreadsheet formula starts with an apostrophe.', '- Times are in UTC.', '');
  lines.push('Importing again', ...readiness.reimport.map((line) => `- ${line}`), '');
  return lines.join('\r\n');
}

/** The three checks (maps by itself / set up first / not matched, and cut cells), as plain lines. */
export function renderChecks(readiness: ImportReadiness): string[] {
  const lines: string[] = [`What ${readiness.target} maps by itself`];
  for (const { file, columns } of readiness.mapsByItself) lines.push(`- ${file}: ${columns.join(', ')}`);
  lines.push('');
  lines.push('Set up first');
  if (readiness.setUpFirst.length === 0) lines.push('- Nothing.');
  for (const item of readiness.setUpFirst) lines.push(`- ${item.column} (${item.file}) needs ${item.needs}: ${item.howTo}`);
  lines.push('');
  lines.push(`Rows ${readiness.target} cannot match`);
  if (readiness.notMatched.length === 0) lines.push('- None.');
  for (const item of readiness.notMatched) {
    const more = item.peopleCount > item.people.length ? `, and ${(item.peopleCount - item.people.length).toLocaleString('en')} more` : '';
    lines.push(
      `- ${rows(item.rows)} of ${item.file} (${item.missing}) ${item.rows === 1 ? 'is' : 'are'} in ${item.asideFiles.join(', ')} instead: ${item.people.join(', ')}${more}.`,
      `  ${readiness.target} cannot match them to an existing record, so every import would add them again. Add the missing value in Margin and export again, or fill it in that file and import it.`,
    );
  }
  lines.push('');
  if (readiness.adjusted.length > 0) {
    lines.push('Cells changed to fit the importer');
    for (const item of readiness.adjusted) lines.push(`- ${item.file}, ${item.column}: ${rows(item.rows)} ${item.change}`);
    lines.push('');
  }
  return lines;
}

function rows(count: number): string {
  return `${count.toLocaleString('en')} ${count === 1 ? 'row' : 'rows'}`;
}

/** The part of the summary that follows from the mapping alone (no rows read). */
export function staticReadiness(target: CsvTarget): Pick<ImportReadiness, 'mapsByItself' | 'setUpFirst'> {
  const setUpFirst = target.rules.flatMap((rule) =>
    rule.kind === 'needs-setup' ? [{ file: rule.file, column: rule.column, needs: rule.needs, howTo: rule.howTo }] : [],
  );
  const mapsByItself = target.files.map((file) => ({
    file: file.file,
    columns: file.columns
      .map((column) => column.header)
      .filter((header) => !setUpFirst.some((item) => item.file === file.file && item.column === header)),
  }));
  return { mapsByItself, setUpFirst };
}
