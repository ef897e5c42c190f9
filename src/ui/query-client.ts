import { QueryClient } from '@tanstack/query-core';

/**
 * One cache per extension page. Data lives in IndexedDB, so nothing here is ever stale by
 * time: Dexie's liveQuery pushes every change into the cache (see use-live-db-query.ts).
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: Infinity, gcTime: 5 * 60_000, retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
