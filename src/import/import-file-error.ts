/**
 * A file Margin will not import, with what is wrong and where ("line 3, column 17", "row 12",
 * "tables.contacts[4].stage"), phrased for the person who picked the file. Nothing has been
 * written when this is thrown.
 */
export class ImportFileError extends Error {
  override name = 'ImportFileError';
  constructor(
    readonly problem: string,
    readonly where?: string,
  ) {
    super(where ? `${problem} (${where})` : problem);
  }
}
