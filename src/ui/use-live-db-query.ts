import { QueryObserver, type QueryKey, type QueryObserverResult } from '@tanstack/query-core';
import { liveQuery } from 'dexie';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useQueryClient } from './query-client-context';

/**
 * Reads from the database through query-core's cache and keeps the cached value live: Dexie's
 * liveQuery re-runs the read when the tables it touched change, in this page or any other
 * extension page (another tab's sidebar, the dashboard), and the new value replaces the cache.
 * Coming back to a person already seen shows their data at once from the cache. A failed read
 * (first or live) is the result's `error`: callers say it failed rather than show an empty state.
 */
export function useLiveDbQuery<T>(queryKey: QueryKey, read: () => Promise<T>): QueryObserverResult<T, Error> {
  const client = useQueryClient();
  const keyHash = JSON.stringify(queryKey);
  const observer = useMemo(
    () => new QueryObserver<T, Error>(client, { queryKey, queryFn: read }),
    // The key identifies the read; a new key is a new observer.
    [client, keyHash],
  );
  const [result, setResult] = useState(() =>
    observer.getOptimisticResult(client.defaultQueryOptions({ queryKey, queryFn: read })),
  );

  useEffect(() => {
    const unsubscribeObserver = observer.subscribe(setResult);
    setResult(observer.getCurrentResult());
    const live = liveQuery(read).subscribe({
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
    return () => {
      live.unsubscribe();
      unsubscribeObserver();
    };
  }, [observer]);

  return result;
}
