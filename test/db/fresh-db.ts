import { createDb, type MarginDb } from '../../src/db/database';

/** A database of its own for each test, so tests never see each other's rows. */
export function freshDb(): MarginDb {
  return createDb({ name: `test-${crypto.randomUUID()}` });
}
