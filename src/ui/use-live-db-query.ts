import { QueryObserver, type QueryClient, type QueryKey, type QueryObserverResult } from '@tanstack/query-core';
import { liveQuery } from 'dexie';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useQueryClient } from './query-client-context';

/**
 * Reads from the database through query-core's cache and keeps the cached value live: Dexie's
 * liveQuery re-runs the read when the tables it touched change, in this page or any other
 * extension page (another tab's sidebar, the dashboard), and the new value replaces the cache.
 * Coming back to a person already seen shows their data at once from the cache. A failed read
 * (first or live) is the result's `error`: callers say it failed rather than show an empty state.
 *
 * One reader per query: the live query is the only thing that ever runs `read` (query-core's own
 * fetching is off), and components asking for the same key share one live query. Before, every
 * mount read its rows twice (the observer's fetch and the live query's first run), once more for
 * each other component with the same key.
 */
export function useLiveDbQuery<T>(queryKey: QueryKey, read: () => Promise<T>): QueryObserverResult<T, Error> {
  const client = useQueryClient();
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
    const release = watchLive(client, queryKey, keyHash, read);
    return () => {
      release();
      unsubscribeObserver();
    };
  }, [observer]);

  return result;
}

interface LiveRead {
  watchers: number;
  stop: () => void;
}

const liveReads = new WeakMap<QueryClient, Map<string, LiveRead>>();

/** Starts (or joins) the one live query for `keyHash`; the returned function leaves it. */
function watchLive<T>(client: QueryClient, queryKey: QueryKey, keyHash: string, read: () => Promise<T>): () => void {
  let byKey = liveReads.get(client);
  if (!byKey) {
    byKey = new Map();
    liveReads.set(client, byKey);
  }
  let live = byKey.get(keyHash);
  if (!live) {
    const subscription = liveQuery(read).subscribe({
      next: (value) => client.setQueryData(queryKey, value),
      // A read that fails later must show as failed, never as the last value or as nothing.
      error: (error: unknown) => {
        console.warn('[margin] live query failed', error);
        client
          .getQueryCache()
          .find({ queryKey, exact: true })
          ?.setState({ status: 'error', error: error instanceof Error ? error : new Error(String(error)), fetchStatus: 'idle', errorUpdatedAt: Date.now() });
      },
    });
    live = { watchers: 0, stop: () => subscription.unsubscribe() };
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
