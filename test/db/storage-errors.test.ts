import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { describeStorageError, describeWriteError } from '../../src/db/storage-errors';
import { InputRejectedError } from '../../src/db/input-rejected-error';
import { NoteRejectedError } from '../../src/db/note-rejected-error';

describe('describeStorageError', () => {
  it('says the storage is full for a quota error', () => {
    expect(describeStorageError(new DOMException('quota', 'QuotaExceededError'))).toMatch(/storage is full/);
  });

  it('looks through Dexie wrapping to the quota error inside', () => {
    const wrapped = new Dexie.AbortError('Transaction aborted', new DOMException('quota', 'QuotaExceededError'));
    expect(describeStorageError(wrapped)).toMatch(/storage is full/);
  });

  it('names other errors in a short sentence', () => {
    expect(describeStorageError(new DOMException('Version change blocked', 'VersionError'))).toBe(
      'Margin could not reach its local storage (VersionError: Version change blocked).',
    );
  });

  it('copes with values that are not errors', () => {
    expect(describeStorageError('nope')).toMatch(/unknown error/);
    expect(describeStorageError(undefined)).toMatch(/unknown error/);
  });
});

describe('describeWriteError', () => {
  it('says what could not be done, and why the storage failed', () => {
    const wrapped = new Dexie.AbortError('Transaction aborted', new DOMException('quota', 'QuotaExceededError'));
    expect(describeWriteError('save the tags', wrapped)).toBe(
      "Could not save the tags: Your browser's storage is full, so Margin could not save. Free up disk space or remove old data, then try again.",
    );
  });

  it('says refused input in its own words, even wrapped by a transaction', () => {
    expect(describeWriteError('save the tags', new InputRejectedError('A tag can be at most 100 characters long.'))).toBe(
      'A tag can be at most 100 characters long.',
    );
    const refusedInTransaction = new Dexie.AbortError('Transaction aborted', new NoteRejectedError('An empty note cannot be saved: delete it instead.'));
    expect(describeWriteError('save the note', refusedInTransaction)).toBe('An empty note cannot be saved: delete it instead.');
  });
});
