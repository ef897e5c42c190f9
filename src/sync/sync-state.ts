import type { MarginDb } from '../db/database';
import { syncConnectionSchema, syncStatusSchema, type SyncConnection, type SyncStatus } from '../db/sync-schemas';

/** The connection and the worker's status, each one row of `syncState`. */

export async function readSyncConnection(db: MarginDb): Promise<SyncConnection | undefined> {
  const row = await db.syncState.get('connection');
  const parsed = syncConnectionSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : undefined;
}

export async function readSyncStatus(db: MarginDb): Promise<SyncStatus> {
  const row = await db.syncState.get('status');
  const parsed = syncStatusSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : {};
}

/** Merges `changes` into the status; a field set to undefined is removed. */
export async function updateSyncStatus(db: MarginDb, changes: { [K in keyof SyncStatus]?: SyncStatus[K] | undefined }): Promise<SyncStatus> {
  return db.transaction('rw', db.syncState, async () => {
    const merged: Record<string, unknown> = { ...(await readSyncStatus(db)) };
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) delete merged[key];
      else merged[key] = value;
    }
    await db.syncState.put({ key: 'status', value: merged });
    return merged as SyncStatus;
  });
}
