import { decodeUtf8 } from './decode-utf8';
import { ImportFileError } from './import-file-error';
import { formatBytes, MAX_IMPORT_BYTES } from './import-limits';

/** What the dashboard gets from a file input (a File), or a test builds (a Blob with a name). */
export interface PickedFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * The file's text, after refusing a file that is empty, too large (by its size, before reading
 * it) or not UTF-8.
 */
export async function readImportFile(file: PickedFile, maxBytes = MAX_IMPORT_BYTES): Promise<string> {
  if (file.size > maxBytes) {
    throw new ImportFileError(
      `${file.name} is ${formatBytes(file.size)}; Margin imports files up to ${formatBytes(maxBytes)}. Is it the right file? A larger team backup can be merged with the team command (npm run export).`,
      'file size',
    );
  }
  if (file.size === 0) throw new ImportFileError(`${file.name} is empty.`, 'byte 0');
  const bytes = new Uint8Array(await file.arrayBuffer());
  return decodeUtf8(bytes);
}
