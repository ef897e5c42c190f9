import type { MarginDb } from '../db/database';
import { WAITS_FOR_RETRY, type SyncConnection, type SyncStatus } from '../db/sync-schemas';
import { crmLinkKey } from '../model/crm-link';
import { readSyncConnection, readSyncStatus } from './sync-state';

/** What the sidebar shows for one person and the dashboard for everyone, read from the database. */

export type PersonSyncState =
  | { kind: 'not-connected' }
  | { kind: 'in-crm'; crm: string }
  | { kind: 'waiting'; crm: string; count: number }
  /** The CRM's allowance for today is used up: what waits goes after `resumesAt` (the next 00:00 UTC). */
  | { kind: 'daily-limit'; crm: string; count: number; resumesAt: number }
  | { kind: 'failed'; crm: string; reason: string }
  | { kind: 'token-refused'; crm: string; message: string };

export async function readPersonSyncState(db: MarginDb, contactId: string): Promise<PersonSyncState> {
  const connection = await readSyncConnection(db);
  if (!connection) return { kind: 'not-connected' };
  const crm = connection.crm;
  const status = await readSyncStatus(db);
  const pending = await db.outbox.where('contactId').equals(contactId).toArray();
  const failed = pending.find((entry) => entry.dueAt === WAITS_FOR_RETRY);
  if (failed) return { kind: 'failed', crm, reason: failed.failure ?? 'the CRM refused it' };
  if (status.stoppedBy?.kind === 'auth' && pending.length > 0) return { kind: 'token-refused', crm, message: status.stoppedBy.message };
  if (status.stoppedBy?.kind === 'daily-limit' && status.pausedUntil !== undefined && pending.length > 0) {
    return { kind: 'daily-limit', crm, count: pending.length, resumesAt: status.pausedUntil };
  }
  if (pending.length > 0) return { kind: 'waiting', crm, count: pending.length };
  const link = await db.crmLinks.get(crmLinkKey(crm, 'contact', contactId));
  return link ? { kind: 'in-crm', crm } : { kind: 'waiting', crm, count: 1 };
}

export interface SyncOverview {
  connection?: SyncConnection;
  status: SyncStatus;
  waiting: number;
  failed: number;
  /** The newest failures, for the panel's error list. */
  failures: { contactId: string; contactName: string; reason: string }[];
  inCrm: number;
}

export async function readSyncOverview(db: MarginDb): Promise<SyncOverview> {
  const connection = await readSyncConnection(db);
  const status = await readSyncStatus(db);
  const failedEntries = await db.outbox.where('dueAt').equals(WAITS_FOR_RETRY).limit(20).toArray();
  const failed = await db.outbox.where('dueAt').equals(WAITS_FOR_RETRY).count();
  const total = await db.outbox.count();
  const contacts = await db.contacts.bulkGet(failedEntries.map((entry) => entry.contactId));
  const inCrm = connection ? await countPeopleInCrm(db, connection.crm) : 0;
  return {
    ...(connection ? { connection } : {}),
    status,
    waiting: total - failed,
    failed,
    failures: failedEntries.map((entry, index) => ({
      contactId: entry.contactId,
      contactName: contacts[index]?.name ?? 'A deleted contact',
      reason: entry.failure ?? 'the CRM refused it',
    })),
    inCrm,
  };
}

/**
 * The people Margin has whose CRM id it knows. A contact merged away (or deleted) keeps its CRM
 * id, so an Undo finds the same CRM person again; it is not one of Margin's people any more, so
 * it is not counted.
 */
async function countPeopleInCrm(db: MarginDb, crm: string): Promise<number> {
  const prefix = crmLinkKey(crm, 'contact', '');
  const linkKeys = await db.crmLinks.where('key').startsWith(prefix).primaryKeys();
  if (linkKeys.length === 0) return 0;
  return db.contacts.where('id').anyOf(linkKeys.map((key) => key.slice(prefix.length))).count();
}

/** What the sidebar and the dashboard say while the CRM's allowance for today is used up. */
export function dailyLimitText(crmLabel: string): string {
  return `${crmLabel}'s daily API allowance is used up; Margin sends the rest after 00:00 UTC.`;
}
