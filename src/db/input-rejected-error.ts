/** Input that cannot be stored as given; `message` is written for the user, not the developer. */
export class InputRejectedError extends Error {
  override name = 'InputRejectedError';
}

/**
 * A row the database refused because it does not fit its table's schema (the schema a backup is
 * checked against), so nothing Margin stores can make a backup that Restore refuses.
 */
export class RowRejectedError extends InputRejectedError {
  override name = 'RowRejectedError';
  constructor(
    readonly table: string,
    readonly key: string,
    readonly problem: string,
  ) {
    super(`Margin did not save this ${ROW_NOUNS[table] ?? 'row'}: ${problem}.`);
  }
}

const ROW_NOUNS: Record<string, string> = {
  contacts: 'contact',
  interactions: 'interaction',
  tasks: 'follow-up',
  settings: 'setting',
  drafts: 'draft',
  suggestions: 'suggestion',
  undo: 'undo step',
  crmLinks: 'CRM id',
};
