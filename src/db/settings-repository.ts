import * as z from 'zod/mini';
import type { SettingDefinition } from '../model/define-setting';
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

/** A defined setting's value (its fallback when missing or no longer valid). */
export function readSetting<T>(db: MarginDb, setting: SettingDefinition<T>): Promise<T> {
  return getSetting(db, setting.key, setting.schema, setting.fallback);
}

export function writeSetting<T>(db: MarginDb, setting: SettingDefinition<T>, value: T): Promise<void> {
  return setSetting(db, setting.key, value);
}
