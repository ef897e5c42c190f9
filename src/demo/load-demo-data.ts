import type { MarginDb } from '../db/database';
import { recomputeAllContacts } from '../actions/recompute-scores';
import { storeRows } from '../db/store-rows';
import { buildDemoData } from './demo-data';

/**
 * Fills Margin with the demo people (offered by the dashboard only while Margin is empty), with
 * their scores and stage suggestions computed as they would be after months of real use.
 */
export async function loadDemoData(db: MarginDb, now: number): Promise<{ contacts: number; interactions: number }> {
  const stored = await storeRows(db, buildDemoData(now));
  await recomputeAllContacts(db, now);
  return stored;
}
