import type * as z from 'zod/mini';

/**
 * A setting, defined once: its row key, the shape a stored value must have, and the value used
 * when nothing is stored or what is stored no longer fits (an older version, an imported backup).
 * Repositories (`getSetting`, `setSetting`) and the `useSetting` hook take a definition, so no
 * call site repeats the key, the schema or the default. (As WXT's `storage.defineItem` does.)
 */
export interface SettingDefinition<T> {
  readonly key: string;
  readonly schema: z.ZodMiniType<T>;
  readonly fallback: T;
}

/**
 * A group of settings of one shape, one row per id under a common key prefix (`<keyPrefix><id>`),
 * for facts kept per thing rather than once: the user's addresses, one row per Gmail account.
 * A missing row or one that no longer fits the schema reads as absent.
 */
export interface SettingGroupDefinition<T> {
  readonly keyPrefix: string;
  readonly schema: z.ZodMiniType<T>;
}

/* Every setting and group defined so far: two definitions of one key would be two owners of one fact. */
const settings = new Map<string, SettingDefinition<unknown>>();
const groups = new Map<string, SettingGroupDefinition<unknown>>();

function assertUnowned(key: string, what: string): void {
  if (settings.has(key) || groups.has(key)) throw new Error(`The setting "${key}" is defined twice.`);
  for (const prefix of groups.keys()) {
    if (key.startsWith(prefix) || prefix.startsWith(key)) throw new Error(`The ${what} "${key}" overlaps the setting group "${prefix}".`);
  }
}

export function defineSetting<T>(definition: SettingDefinition<T>): SettingDefinition<T> {
  assertUnowned(definition.key, 'setting');
  const frozen = Object.freeze({ ...definition });
  settings.set(frozen.key, frozen as SettingDefinition<unknown>);
  return frozen;
}

export function defineSettingGroup<T>(definition: SettingGroupDefinition<T>): SettingGroupDefinition<T> {
  assertUnowned(definition.keyPrefix, 'setting group');
  for (const key of settings.keys()) {
    if (key.startsWith(definition.keyPrefix)) throw new Error(`The setting "${key}" overlaps the setting group "${definition.keyPrefix}".`);
  }
  const frozen = Object.freeze({ ...definition });
  groups.set(frozen.keyPrefix, frozen as SettingGroupDefinition<unknown>);
  return frozen;
}

/** The settings defined by the modules loaded so far (each module defines its own). */
export function definedSettings(): ReadonlyArray<SettingDefinition<unknown>> {
  return [...settings.values()];
}

/** The setting groups defined by the modules loaded so far. */
export function definedSettingGroups(): ReadonlyArray<SettingGroupDefinition<unknown>> {
  return [...groups.values()];
}
