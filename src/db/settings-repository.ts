import * as z from 'zod/mini';
import type { MarginDb } from './database';

/**
 * A setting's value, or `fallback` when it is missing or no longer fits `schema` (an older
 * version stored another shape, or an import brought junk). A bad setting must never break a page.
 */
export async function getSetting<T>(
  db: MarginDb,
  key: string,
  schema: z.ZodMiniType<T>,
  fallback: T,
): Promise<T> {
  const row = await db.settings.get(key);
  if (row === undefined) return fallback;
  const parsed = z.safeParse(schema, row.value);
  return parsed.success ? parsed.data : fallback;
}

export async function setSetting<T>(db: MarginDb, key: string, value: T): Promise<void> {
  await db.settings.put({ key, value });
}
