import { createDb } from '../db/database';
import type { MarginDb } from '../db/database';

let db: MarginDb | undefined;

/** The service worker's one database handle, opened on first use (never at import). */
export function openDb(): MarginDb {
  db ??= createDb();
  return db;
}
