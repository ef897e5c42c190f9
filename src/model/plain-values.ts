import * as z from 'zod/mini';

/**
 * Schemas for values whose keys or shape the user (or a file) chooses. Both keep what JSON can
 * carry, so whatever Margin stores with them a backup can hold and a restore give back.
 */

/** The latest time Margin keeps: the end of year 9999 (a 4-digit year in every export). */
export const MAX_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Milliseconds since the epoch, from 1970 to the end of year 9999: every one a valid Date. */
export const timestampSchema = z.number().check(z.int(), z.gte(0), z.lte(MAX_TIME, 'is after the year 9999'));

/**
 * Whether `at` can be shown or written as a date. Rows stored before times were bounded may hold
 * one that cannot (9e15 is past the Date range): every formatter asks this first, so one such row
 * shows an empty date instead of breaking a view or an export.
 */
export function isShowableTime(at: number | undefined): at is number {
  return at !== undefined && Number.isFinite(at) && Math.abs(at) <= 8.64e15;
}

/** How deep a setting's value may nest: far more than any setting needs, far less than breaks a browser. */
export const MAX_VALUE_DEPTH = 16;

/** Why `value` cannot be kept as a setting (a JSON value nested at most MAX_VALUE_DEPTH deep), or null. */
export function whyNotPlainValue(value: unknown, depth = 0): string | null {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : `holds ${String(value)}, which a backup cannot keep`;
  if (typeof value !== 'object') return `holds a ${typeof value}, which a backup cannot keep`;
  if (depth >= MAX_VALUE_DEPTH) return `is nested more than ${MAX_VALUE_DEPTH} levels deep`;
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (!Array.isArray(value) && prototype !== Object.prototype && prototype !== null) return 'holds an object a backup cannot keep';
  for (const item of Array.isArray(value) ? value : Object.values(value)) {
    const problem = whyNotPlainValue(item, depth + 1);
    if (problem) return problem;
  }
  return null;
}

/** A JSON value (null, boolean, finite number, string, array, plain object) nested at most MAX_VALUE_DEPTH deep. */
export const plainValueSchema = z.unknown().check(
  z.superRefine((value, context) => {
    const problem = whyNotPlainValue(value);
    if (problem) context.issues.push({ code: 'custom', message: problem, input: value });
  }),
);

/**
 * A record whose keys the user names (a template's field labels, custom field ids): `__proto__`,
 * `constructor` and `toString` are keys like any other. zod's own `record` drops `__proto__`
 * (it builds a new object by assignment); this one checks every own entry and keeps the object as
 * it is, so a label survives save, backup and restore. Read it with `Object.hasOwn` (ownValue).
 */
export function userKeyedRecord<Value>(maxKeyLength: number, valueSchema: z.ZodMiniType<Value>) {
  return z.custom<Record<string, Value>>((input) => isPlainRecord(input), 'should be an object of named values').check(
    z.superRefine((record, context) => {
      for (const key of Object.keys(record)) {
        if (key.length > maxKeyLength) {
          context.issues.push({ code: 'custom', message: `has a name longer than ${maxKeyLength} characters`, input: key, path: [key] });
          continue;
        }
        const parsed = z.safeParse(valueSchema, record[key], { reportInput: true });
        if (!parsed.success) {
          for (const issue of parsed.error.issues) context.issues.push({ ...issue, path: [key, ...issue.path] } as never);
        }
      }
    }),
  );
}

function isPlainRecord(input: unknown): input is Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return false;
  const prototype = Object.getPrototypeOf(input) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** The value stored under a user-named key, never one inherited from Object.prototype. */
export function ownValue<Value>(record: Readonly<Record<string, Value>> | undefined, key: string): Value | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
