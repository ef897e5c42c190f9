import type * as z from 'zod/mini';

/**
 * A setting, defined once: its row key, the shape a stored value must have, and the value used
 * when nothing is stored or what is stored no longer fits (an older version, an imported backup).
 * Repositories and the `useSetting` hook read and write through a definition, so no call site
 * repeats the key, the schema or the default.
 */
export interface SettingDefinition<T> {
  readonly key: string;
  readonly schema: z.ZodMiniType<T>;
  readonly fallback: T;
}

export function defineSetting<T>(definition: SettingDefinition<T>): SettingDefinition<T> {
  return Object.freeze({ ...definition });
}
