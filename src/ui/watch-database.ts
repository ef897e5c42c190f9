import type { MarginDb } from '../db/database';
import type { DatabaseAccess } from './database-context';

/**
 * Keeps `read` live on the page's lazily loaded database: waits for the database and for Dexie's
 * `liveQuery` (both dynamic imports, after the first paint), then calls `next` with each result
 * as the tables it read change. A read that fails, or a database or Dexie that cannot load, goes
 * to `error`. The returned function stops it, also before either has loaded.
 */
export function watchDatabase<T>(
  database: DatabaseAccess,
  read: (db: MarginDb) => Promise<T>,
  { next, error }: { next: (value: T) => void; error: (failure: unknown) => void },
): () => void {
  let stopped = false;
  let unsubscribe: (() => void) | undefined;
  Promise.all([database(), import('dexie')]).then(([db, { liveQuery }]) => {
    if (stopped) return;
    const subscription = liveQuery(() => read(db)).subscribe({ next, error });
    unsubscribe = () => subscription.unsubscribe();
  }, error);
  return () => {
    stopped = true;
    unsubscribe?.();
  };
}
