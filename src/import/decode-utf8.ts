import { ImportFileError } from './import-file-error';

const SAVE_AS_UTF8 = 'Save it again as UTF-8 (in Excel: "CSV UTF-8"; in a text editor: encoding UTF-8) and try again.';

/**
 * The text of an imported file, which must be UTF-8 (a UTF-8 byte-order mark is dropped). A
 * UTF-16 file or bytes that are not UTF-8 (Windows-1252, Latin-1) are refused with where the first
 * bad byte is, instead of importing mangled names.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    throw new ImportFileError(`The file is UTF-16 encoded, not UTF-8. ${SAVE_AS_UTF8}`, 'byte-order mark at byte 0');
  }
  if (looksLikeUtf16WithoutMark(bytes)) {
    throw new ImportFileError(`The file looks UTF-16 encoded (every other byte is zero), not UTF-8. ${SAVE_AS_UTF8}`, 'from byte 0');
  }
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    const offset = firstInvalidUtf8Byte(body);
    const line = countLines(body, offset);
    throw new ImportFileError(
      `The file is not valid UTF-8: byte ${offset + 1} (0x${(body[offset] ?? 0).toString(16).padStart(2, '0')}) cannot start or continue a UTF-8 character; the file is probably in another encoding such as Windows-1252. ${SAVE_AS_UTF8}`,
      `line ${line}, byte ${offset + 1}`,
    );
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function looksLikeUtf16WithoutMark(bytes: Uint8Array): boolean {
  const sample = Math.min(bytes.length, 512);
  if (sample < 4) return false;
  let zeros = 0;
  for (let index = 0; index < sample; index += 1) if (bytes[index] === 0) zeros += 1;
  return zeros / sample > 0.3;
}

function countLines(bytes: Uint8Array, upTo: number): number {
  let line = 1;
  for (let index = 0; index < upTo; index += 1) if (bytes[index] === 0x0a) line += 1;
  return line;
}

/** The offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, surrogates or > U+10FFFF). */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index]!;
    if (byte < 0x80) {
      index += 1;
      continue;
    }
    let length: number;
    let min: number;
    if (byte >= 0xc2 && byte <= 0xdf) [length, min] = [2, 0x80];
    else if (byte >= 0xe0 && byte <= 0xef) [length, min] = [3, 0x800];
    else if (byte >= 0xf0 && byte <= 0xf4) [length, min] = [4, 0x10000];
    else return index;
    let codePoint = byte & (0xff >> (length + 1));
    for (let next = 1; next < length; next += 1) {
      const continuation = bytes[index + next];
      if (continuation === undefined || (continuation & 0xc0) !== 0x80) return index;
      codePoint = (codePoint << 6) | (continuation & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return index;
    index += length;
  }
  return bytes.length;
}
