import { QueryObserver, type QueryClient, type QueryKey, type QueryObserverResult } from '@tanstack/query-core';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { MarginDb } from '../db/database';
import type { LiveRead } from '../db/live-reads';
import { useDatabase, type DatabaseAccess } from './database-context';
import { useQueryClient } from './query-client-context';
import { watchDatabase } from './watch-database';

/**
 * Reads from the database through query-core's cache and keeps the cached value live: Dexie's
 * liveQuery re-runs the read when the tables it touched change, in this page or any other
 * extension page (another tab's sidebar, the dashboard), and the new value replaces the cache.
 * Coming back to a person already seen shows their data at once from the cache. A failed read
 * (first or live, or the database failing to load) is the result's `error`: callers say it failed
 * rather than show an empty state.
 *
 * One reader per query: the live query is the only thing that ever runs `read` (query-core's own
 * fetching is off), and components asking for the same key share one live query. Before, every
 * mount read its rows twice (the observer's fetch and the live query's first run), once more for
 * each other component with the same key.
 *
 * The database (and Dexie's liveQuery) load lazily: `read` gets the handle once it is open, and
 * until then the result shows what the cache holds: for the sidebar's first screen, what the
 * background read ahead for it (src/db/first-screen.ts, seeded by use-tab-context.ts).
 */
export function useLiveDbQuery<T>(queryKey: QueryKey, read: (db: MarginDb) => Promise<T>): QueryObserverResult<T, Error> {
  const client = useQueryClient();
  const database = useDatabase();
  const keyHash = JSON.stringify(queryKey);
  const observer = useMemo(
    () => new QueryObserver<T, Error>(client, { queryKey, enabled: false }),
    // The key identifies the read; a new key is a new observer.
    [client, keyHash],
  );
  const [result, setResult] = useState(() => observer.getOptimisticResult(client.defaultQueryOptions({ queryKey, enabled: false })));

  useEffect(() => {
    const unsubscribeObserver = observer.subscribe(setResult);
    setResult(observer.getCurrentResult());
    const release = watchLive(client, database, queryKey, keyHash, read);
    return () => {
      release();
      unsubscribeObserver();
    };
  }, [observer]);

  return result;
}

/** A shared read (src/db/live-reads.ts) with its arguments: its key and its read come from one definition. */
export function useDbRead<Args extends readonly unknown[], T>(definition: LiveRead<Args, T>, ...args: Args): QueryObserverResult<T, Error> {
  return useLiveDbQuery(definition.key(...args), (db) => definition.read(db, ...args));
}

interface SharedLiveQuery {
  watchers: number;
  stop: () => void;
}

const liveReads = new WeakMap<QueryClient, Map<string, SharedLiveQuery>>();

/** Starts (or joins) the one live query for `keyHash`; the returned function leaves it. */
function watchLive<T>(client: QueryClient, database: DatabaseAccess, queryKey: QueryKey, keyHash: string, read: (db: MarginDb) => Promise<T>): () => void {
  let byKey = liveReads.get(client);
  if (!byKey) {
    byKey = new Map();
    liveReads.set(client, byKey);
  }
  let live = byKey.get(keyHash);
  if (!live) {
    // A read that fails (or a database that cannot load) must show as failed, never as the last value or as nothing.
    const fail = (error: unknown): void => {
      console.warn('[margin] live query failed', error);
      const failure = error instanceof Error ? error : new Error(String(error));
      const cache = client.getQueryCache();
      const query = cache.find({ queryKey, exact: true }) ?? cache.build(client, { queryKey });
      query.setState({ status: 'error', error: failure, fetchStatus: 'idle', errorUpdatedAt: Date.now() });
    };
    live = { watchers: 0, stop: watchDatabase(database, read, { next: (value) => client.setQueryData(queryKey, value), error: fail }) };
    byKey.set(keyHash, live);
  }
  const joined = live;
  joined.watchers += 1;
  return () => {
    joined.watchers -= 1;
    if (joined.watchers > 0) return;
    joined.stop();
    byKey.delete(keyHash);
  };
}
