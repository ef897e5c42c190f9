import type * as z from 'zod/mini';
import { getSetting } from '../db/settings-repository';
import { useDatabase } from './database-context';
import { useLiveDbQuery } from './use-live-db-query';

/** A setting's current value, live: a change on the settings page shows here at once. */
export function useSetting<T>(key: string, schema: z.ZodMiniType<T>, fallback: T): T {
  const db = useDatabase();
  return useLiveDbQuery(['setting', key], () => getSetting(db, key, schema, fallback)).data ?? fallback;
}
