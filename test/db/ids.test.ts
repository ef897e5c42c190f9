import { describe, expect, it } from 'vitest';
import { newId } from '../../src/db/ids';

describe('newId', () => {
  it('makes distinct uuids', () => {
    const ids = new Set(Array.from({ length: 100 }, newId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
