import type { QueryClient } from '@tanstack/query-core';
import { parseFirstScreen } from '../db/first-screen';

/**
 * Puts the first screen the background read (`sidebar/get-context`) into the query cache, under
 * the keys the components ask for, so the first render shows the person, their stage, score and
 * latest items before the sidebar has loaded Dexie. Each entry is checked first; one that does
 * not fit is left out and its read waits for the database. The live queries the components start
 * replace these values (the same, unless the rows changed meanwhile) once the database is open.
 * Returns how many entries were seeded.
 */
export function seedFirstScreen(client: QueryClient, raw: unknown): number {
  const entries = parseFirstScreen(raw);
  for (const { key, data } of entries) {
    // A value already in the cache came from this page's own live query: it is as new or newer.
    if (client.getQueryData(key) === undefined) client.setQueryData(key, data);
  }
  return entries.length;
}
