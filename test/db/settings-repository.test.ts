import * as z from 'zod/mini';
import { afterEach, describe, expect, it } from 'vitest';
import type { MarginDb } from '../../src/db/database';
import { getSetting, setSetting } from '../../src/db/settings-repository';
import { freshDb } from './fresh-db';

const halfLifeSchema = z.number().check(z.positive());

let db: MarginDb;
afterEach(() => db?.close());

describe('settings', () => {
  it('reads back what was stored', async () => {
    db = freshDb();
    await setSetting(db, 'halfLifeDays', 45);
    expect(await getSetting(db, 'halfLifeDays', halfLifeSchema, 30)).toBe(45);
  });

  it('falls back when nothing is stored', async () => {
    db = freshDb();
    expect(await getSetting(db, 'halfLifeDays', halfLifeSchema, 30)).toBe(30);
  });

  it('falls back when the stored value does not fit the schema', async () => {
    db = freshDb();
    await setSetting(db, 'halfLifeDays', 'forty');
    expect(await getSetting(db, 'halfLifeDays', halfLifeSchema, 30)).toBe(30);

    await setSetting(db, 'halfLifeDays', -3);
    expect(await getSetting(db, 'halfLifeDays', halfLifeSchema, 30)).toBe(30);
  });
});
