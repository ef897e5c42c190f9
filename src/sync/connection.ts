import type { MarginDb } from '../db/database';
import { WAITS_FOR_RETRY, outboxKey, type OutboxEntry, type SyncConnection } from '../db/sync-schemas';

/**
 * Connecting and disconnecting, in the database. Connecting queues every contact once, with their
 * history (the notes, messages and follow-ups the CRM lacks); after that the outbox middleware
 * queues each change as it happens.
 */

const BACKFILL_CHUNK = 1_000;

export async function startSync(db: MarginDb, connection: SyncConnection): Promise<number> {
  await db.transaction('rw', db.syncState, async () => {
    await db.syncState.put({ key: 'connection', value: connection });
    await db.syncState.delete('status');
  });
  let queued = 0;
  let after: string | undefined;
  for (;;) {
    const ids = (await (after === undefined ? db.contacts.orderBy('id') : db.contacts.where('id').above(after)).limit(BACKFILL_CHUNK).primaryKeys()) as string[];
    if (ids.length === 0) return queued;
    await db.transaction('rw', db.outbox, async () => {
      const existing = await db.outbox.bulkGet(ids.map((id) => outboxKey('contact', id)));
      const entries = ids.map((id, index): OutboxEntry => ({
        key: outboxKey('contact', id),
        entity: 'contact',
        localId: id,
        contactId: id,
        op: 'upsert',
        changeId: existing[index]?.changeId ?? crypto.randomUUID(),
        changedAt: connection.connectedAt,
        dueAt: connection.connectedAt,
        attempts: 0,
        withHistory: true,
      }));
      await db.outbox.bulkPut(entries);
    });
    queued += ids.length;
    after = ids.at(-1);
  }
}

/** Stops syncing: nothing more is queued or sent. What waits in the outbox and the CRM ids stay for a reconnect. */
export async function stopSync(db: MarginDb): Promise<void> {
  await db.transaction('rw', db.syncState, async () => {
    await db.syncState.delete('connection');
    await db.syncState.delete('status');
  });
}

/** The user's Retry: failed entries (of one person, or all) are due again now, and a refused token is tried again. */
export async function retrySync(db: MarginDb, now: number, contactId?: string): Promise<number> {
  return db.transaction('rw', [db.outbox, db.syncState], async () => {
    const failed = contactId
      ? db.outbox.where('contactId').equals(contactId).filter((entry) => entry.dueAt === WAITS_FOR_RETRY)
      : db.outbox.where('dueAt').equals(WAITS_FOR_RETRY);
    const count = await failed.modify((entry) => {
      entry.dueAt = now;
      delete entry.failure;
    });
    const status = await db.syncState.get('status');
    if (status) await db.syncState.put({ key: 'status', value: { ...(status.value as object), pausedUntil: undefined, stoppedBy: undefined } });
    return count;
  });
}
