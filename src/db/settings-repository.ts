import * as z from 'zod/mini';
import type { SettingDefinition, SettingGroupDefinition } from '../model/define-setting';
import type { MarginDb } from './database';
import { InputRejectedError } from './input-rejected-error';

/**
 * A setting's value, or its fallback when it is missing or no longer fits its schema (an older
 * version stored another shape, or an import brought junk). A bad setting must never break a page.
 */
export async function getSetting<T>(db: MarginDb, setting: SettingDefinition<T>): Promise<T> {
  const row = await db.settings.get(setting.key);
  if (row === undefined) return setting.fallback;
  const parsed = z.safeParse(setting.schema, row.value);
  return parsed.success ? parsed.data : setting.fallback;
}

function checked<T>(schema: z.ZodMiniType<T>, key: string, value: T): T {
  const parsed = z.safeParse(schema, value);
  if (!parsed.success) throw new InputRejectedError(`The setting "${key}" was not saved: ${parsed.error.issues[0]?.message ?? 'its value is not valid'}.`);
  return parsed.data;
}

/** Stores a setting's value; a value its own schema refuses is never stored. */
export async function setSetting<T>(db: MarginDb, setting: SettingDefinition<T>, value: T): Promise<void> {
  await db.settings.put({ key: setting.key, value: checked(setting.schema, setting.key, value) });
}

/** Removes a stored value: the setting reads as its fallback again. */
export async function clearSetting(db: MarginDb, setting: SettingDefinition<unknown>): Promise<void> {
  await db.settings.delete(setting.key);
}

/** Every stored value of a group that still fits its schema, in key order (rows that do not are skipped). */
export async function listSettingGroup<T>(db: MarginDb, group: SettingGroupDefinition<T>): Promise<T[]> {
  const rows = await db.settings.where('key').startsWith(group.keyPrefix).toArray();
  return rows.flatMap((row) => {
    const parsed = z.safeParse(group.schema, row.value);
    return parsed.success ? [parsed.data] : [];
  });
}

/** One member of a group, or undefined when it is missing or no longer fits the schema. */
export async function getGroupSetting<T>(db: MarginDb, group: SettingGroupDefinition<T>, id: string): Promise<T | undefined> {
  const parsed = z.safeParse(group.schema, (await db.settings.get(`${group.keyPrefix}${id}`))?.value);
  return parsed.success ? parsed.data : undefined;
}

/** Stores one member of a group; a value the group's schema refuses is never stored. */
export async function setGroupSetting<T>(db: MarginDb, group: SettingGroupDefinition<T>, id: string, value: T): Promise<void> {
  const key = `${group.keyPrefix}${id}`;
  await db.settings.put({ key, value: checked(group.schema, key, value) });
}

export async function clearGroupSetting(db: MarginDb, group: SettingGroupDefinition<unknown>, id: string): Promise<void> {
  await db.settings.delete(`${group.keyPrefix}${id}`);
}
