import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { describeStorageError } from '../../src/db/storage-errors';

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
