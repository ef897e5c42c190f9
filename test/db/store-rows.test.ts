import { describe, expect, it, vi } from 'vitest';
import { storeRows } from '../../src/db/store-rows';
import { buildDemoData } from '../../src/demo/demo-data';
import { freshDb } from './fresh-db';

describe('storeRows', () => {
  it('stores every row, and storing the same rows again leaves one copy', async () => {
    const db = freshDb();
    const rows = buildDemoData(Date.UTC(2026, 10, 25));
    await storeRows(db, rows);
    await storeRows(db, rows);
    expect(await db.contacts.count()).toBe(rows.contacts.length);
    expect(await db.interactions.count()).toBe(rows.interactions.length);
  });

  it('stores nothing when one write fails', async () => {
    const db = freshDb();
    const rows = buildDemoData(Date.UTC(2026, 10, 25));
    vi.spyOn(db.interactions, 'bulkPut').mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'));
    await expect(storeRows(db, rows)).rejects.toThrow();
    expect(await db.contacts.count()).toBe(0);
    expect(await db.interactions.count()).toBe(0);
  });
});
