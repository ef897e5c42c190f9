import type { MarginDb } from '../db/database';
import { storeRows } from '../db/store-rows';
import { buildDemoData } from './demo-data';

/** Fills Margin with the demo people (offered by the dashboard only while Margin is empty). */
export function loadDemoData(db: MarginDb, now: number): Promise<{ contacts: number; interactions: number }> {
  return storeRows(db, buildDemoData(now));
}
