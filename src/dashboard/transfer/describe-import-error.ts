import { describeStorageError } from '../../db/storage-errors';
import { ImportFileError } from '../../import/import-file-error';

/** The sentence shown when a file could not be imported; the database is unchanged either way. */
export function describeImportError(fileName: string, error: unknown): string {
  if (error instanceof ImportFileError) {
    return `${fileName} was not imported. ${error.problem}${error.where ? ` Where: ${error.where}.` : ''} Nothing was changed.`;
  }
  return `${fileName} was not imported: ${describeStorageError(error)} Nothing was changed.`;
}
