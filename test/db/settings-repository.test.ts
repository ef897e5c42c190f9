import * as z from 'zod/mini';
import { afterEach, describe, expect, it } from 'vitest';
import type { MarginDb } from '../../src/db/database';
import { clearSetting, getSetting, setSetting } from '../../src/db/settings-repository';
import { defineSetting, definedSettings } from '../../src/model/define-setting';
import { freshDb } from './fresh-db';

const HALF_LIFE = defineSetting({ key: 'test.halfLifeDays', schema: z.number().check(z.positive()), fallback: 30 });

let db: MarginDb;
afterEach(() => db?.close());

describe('settings', () => {
  it('reads back what was stored', async () => {
    db = freshDb();
    await setSetting(db, HALF_LIFE, 45);
    expect(await getSetting(db, HALF_LIFE)).toBe(45);
  });

  it('falls back when nothing is stored, or after the value is cleared', async () => {
    db = freshDb();
    expect(await getSetting(db, HALF_LIFE)).toBe(30);
    await setSetting(db, HALF_LIFE, 45);
    await clearSetting(db, HALF_LIFE);
    expect(await getSetting(db, HALF_LIFE)).toBe(30);
  });

  it('falls back when the stored value does not fit the schema (an older version, an imported backup)', async () => {
    db = freshDb();
    await db.settings.put({ key: HALF_LIFE.key, value: 'forty' });
    expect(await getSetting(db, HALF_LIFE)).toBe(30);

    await db.settings.put({ key: HALF_LIFE.key, value: -3 });
    expect(await getSetting(db, HALF_LIFE)).toBe(30);
  });

  it('never stores a value its own schema refuses', async () => {
    db = freshDb();
    await expect(setSetting(db, HALF_LIFE, -3)).rejects.toThrow('test.halfLifeDays');
    expect(await db.settings.get(HALF_LIFE.key)).toBeUndefined();
  });

  it('refuses a second definition of the same key: one owner per setting', () => {
    expect(() => defineSetting({ key: HALF_LIFE.key, schema: z.number(), fallback: 1 })).toThrow('defined twice');
    expect(definedSettings().filter((setting) => setting.key === HALF_LIFE.key)).toHaveLength(1);
  });
});
