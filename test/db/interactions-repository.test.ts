import { afterEach, describe, expect, it } from 'vitest';
import type { MarginDb } from '../../src/db/database';
import { addInteraction, DEFAULT_TIMELINE_LIMIT, listTimeline } from '../../src/db/interactions-repository';
import type { Interaction } from '../../src/db/schemas';
import { freshDb } from './fresh-db';

function interaction(contactId: string, at: number): Interaction {
  return {
    id: `${contactId}-${at}`,
    contactId,
    at,
    kind: 'note',
    body: `note at ${at}`,
    source: { site: 'margin' },
    createdAt: at,
    updatedAt: at,
  };
}

let db: MarginDb;
afterEach(() => db?.close());

describe('listTimeline', () => {
  it("lists one contact's interactions, newest first", async () => {
    db = freshDb();
    await db.interactions.bulkAdd([
      interaction('jane', 200),
      interaction('bob', 250),
      interaction('jane', 300),
      interaction('jane', 100),
    ]);

    expect((await listTimeline(db, 'jane')).map((row) => row.at)).toEqual([300, 200, 100]);
    expect(await listTimeline(db, 'nobody')).toEqual([]);
  });

  it('stops at the limit, keeping the newest', async () => {
    db = freshDb();
    for (let at = 1; at <= 5; at += 1) await addInteraction(db, interaction('jane', at));

    expect((await listTimeline(db, 'jane', { limit: 2 })).map((row) => row.at)).toEqual([5, 4]);
  });

  it('returns at most 200 by default', async () => {
    db = freshDb();
    await db.interactions.bulkAdd(Array.from({ length: 205 }, (_, index) => interaction('jane', index)));

    const timeline = await listTimeline(db, 'jane');
    expect(DEFAULT_TIMELINE_LIMIT).toBe(200);
    expect(timeline).toHaveLength(200);
    expect(timeline[0]?.at).toBe(204);
  });
});
