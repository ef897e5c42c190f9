import type { MarginDb } from '../db/database';
import { SYNCED_INTERACTION_KINDS } from '../db/outbox-middleware';
import type { Contact, Interaction, Task } from '../model/schemas';
import { WAITS_FOR_RETRY, outboxKey, type OutboxEntry, type SyncConnection } from '../db/sync-schemas';
import { crmLinkKey, type CrmLink } from '../model/crm-link';
import type { CrmAdapter, CrmBatchOutcome, CrmItemResult, CrmRecord } from './crm-adapter';
import { CrmHttpError } from './crm-http';
import { personOfContact, recordOfInteraction, recordOfTask } from './crm-rows';
import { readSyncStatus, updateSyncStatus } from './sync-state';

/**
 * Drains the outbox into the connected CRM. Everything it needs to resume is in IndexedDB (the
 * outbox, the CRM ids, the status), so a service worker stopped in the middle simply runs again
 * from there. Order per pass: people first (a note needs its person's CRM id), then notes,
 * messages and follow-ups, then deletions.
 *
 * Exactly-once, as near as HTTP allows: an entry is removed only in the same transaction that
 * stores the CRM id; a create is marked `sentAt` before it is sent, and an entry still marked on
 * the next attempt (the answer was lost) is first looked up by the marker every record carries.
 */

export interface SyncRunOptions {
  db: MarginDb;
  connection: SyncConnection;
  adapter: CrmAdapter;
  /** Outbox entries per pass (HubSpot's batch size; Pipedrive sends them one by one anyway). */
  batchSize: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Stop starting new passes after this long; the alarm brings the rest. */
  budgetMs?: number;
}

export interface SyncRunResult {
  /** Rows the CRM now has (created, updated or deleted) in this run. */
  synced: number;
  /** Rows the CRM refused this run; they wait for the user's Retry. */
  failed: number;
  /** When the worker should run again (a pause or entries due later); undefined: nothing is waiting. */
  nextRunAt?: number;
}

const DAILY_LIMIT_REASON = "The CRM's API allowance for today is used up.";

/** The next 00:00 UTC after `now`: when Pipedrive's daily allowance starts again. */
export function nextUtcMidnight(now: number): number {
  const day = new Date(now);
  return Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + 1);
}

/** A 429 asking for at most this long is waited out in the same run. */
const WAIT_IN_RUN_MS = 15_000;
const MAX_BACKOFF_MS = 15 * 60_000;

export async function runSync(options: SyncRunOptions): Promise<SyncRunResult> {
  const { db, connection, adapter } = options;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const startedAt = now();
  const budgetMs = options.budgetMs ?? 25_000;
  const result: SyncRunResult = { synced: 0, failed: 0 };

  for (;;) {
    const status = await readSyncStatus(db);
    if (status.stoppedBy?.kind === 'auth') return result;
    if (status.pausedUntil !== undefined && status.pausedUntil > now()) {
      const wait = status.pausedUntil - now();
      if (wait > WAIT_IN_RUN_MS || now() + wait - startedAt > budgetMs) return { ...result, nextRunAt: status.pausedUntil };
      await sleep(wait);
    }
    if (now() - startedAt > budgetMs) return { ...result, nextRunAt: now() };
    const due = await db.outbox.where('dueAt').belowOrEqual(now()).limit(options.batchSize).toArray();
    if (due.length === 0) {
      const next = await db.outbox.orderBy('dueAt').first();
      return { ...result, ...(next && next.dueAt !== WAITS_FOR_RETRY ? { nextRunAt: next.dueAt } : {}) };
    }
    await updateSyncStatus(db, { lastAttemptAt: now() });
    const settledBefore = result.synced + result.failed;
    const stop = await runPass(db, connection.crm, adapter, due, now, result);
    if (!stop) {
      await updateSyncStatus(db, { lastSuccessAt: now(), stoppedBy: undefined, pausedUntil: undefined, unreachableRuns: 0, throttledRuns: undefined });
      if (adapter.dailyAllowanceUsedUp()) {
        // The last answer said nothing more goes today: wait for tomorrow rather than earn a 429.
        const until = await recordStop(db, new CrmHttpError('daily-limit', DAILY_LIMIT_REASON), now());
        return { ...result, ...(await db.outbox.count()) > 0 ? { nextRunAt: until } : {} };
      }
      // Every pass settles, fails or drops what it took; should one ever do none of that, never
      // spin: look again in a minute.
      const stillDue = await db.outbox.where('key').anyOf(due.map((entry) => entry.key)).filter((entry) => entry.dueAt <= now()).count();
      if (result.synced + result.failed === settledBefore && stillDue === due.length) return { ...result, nextRunAt: now() + 60_000 };
      continue;
    }
    const pause = await recordStop(db, stop, now());
    if (pause === undefined) return result;
  }
}

/** Remembers why sending stopped; returns when it may resume (undefined: not until the user acts). */
async function recordStop(db: MarginDb, error: CrmHttpError, now: number): Promise<number | undefined> {
  const status = await readSyncStatus(db);
  if (error.kind === 'auth') {
    await updateSyncStatus(db, { stoppedBy: { kind: 'auth', message: error.message }, pausedUntil: undefined });
    return undefined;
  }
  if (error.kind === 'daily-limit') {
    const until = nextUtcMidnight(now);
    await updateSyncStatus(db, { stoppedBy: { kind: 'daily-limit', message: error.message }, pausedUntil: until });
    return until;
  }
  if (error.kind === 'rate-limited') {
    // Retry-After is kept to exactly; without it each 429 in a row doubles the wait (from the
    // window's reset, or 10 s), so a CRM that keeps refusing is asked less and less often.
    const runs = (status.throttledRuns ?? 0) + 1;
    const wait = error.retryAfterMs ?? Math.min(MAX_BACKOFF_MS, (error.windowResetMs ?? 10_000) * 2 ** (runs - 1));
    const until = now + wait;
    await updateSyncStatus(db, { stoppedBy: { kind: 'rate-limited', message: error.message }, pausedUntil: until, throttledRuns: runs });
    return until;
  }
  const runs = (status.unreachableRuns ?? 0) + 1;
  const until = now + Math.min(MAX_BACKOFF_MS, 5_000 * 2 ** (runs - 1));
  await updateSyncStatus(db, { stoppedBy: { kind: 'unavailable', message: error.message }, pausedUntil: until, unreachableRuns: runs });
  return until;
}

interface Loaded {
  contacts: Map<string, Contact>;
  links: Map<string, CrmLink>;
}

/** One batch of due entries. Returns the error that stopped it, if one did. */
async function runPass(
  db: MarginDb,
  crm: string,
  adapter: CrmAdapter,
  due: readonly OutboxEntry[],
  now: () => number,
  result: SyncRunResult,
): Promise<CrmHttpError | undefined> {
  const contactIds = [...new Set(due.map((entry) => entry.contactId))];
  const contactRows = await db.contacts.bulkGet(contactIds);
  const loaded: Loaded = { contacts: new Map(), links: new Map() };
  contactRows.forEach((contact) => contact && loaded.contacts.set(contact.id, contact));
  const linkKeys = [
    ...contactIds.map((id) => crmLinkKey(crm, 'contact', id)),
    ...due.filter((entry) => entry.entity !== 'contact').map((entry) => crmLinkKey(crm, entry.entity, entry.localId)),
  ];
  (await db.crmLinks.bulkGet(linkKeys)).forEach((link) => link && loaded.links.set(link.key, link));
  const personLink = (contactId: string) => loaded.links.get(crmLinkKey(crm, 'contact', contactId));

  // 1. People: those whose entry is due, and those a due record needs but the CRM lacks.
  const contactEntries = new Map(due.filter((entry) => entry.entity === 'contact').map((entry) => [entry.localId, entry]));
  const peopleIds = contactIds.filter(
    (id) => loaded.contacts.has(id) && (contactEntries.has(id) || (!personLink(id) && due.some((entry) => entry.contactId === id && entry.op === 'upsert'))),
  );
  // A deleted contact: its pending entries have nothing left to send (the CRM keeps its person).
  const orphans = due.filter((entry) => !loaded.contacts.has(entry.contactId) && entry.op === 'upsert');
  if (orphans.length) await db.outbox.bulkDelete(orphans.map((entry) => entry.key));

  if (peopleIds.length > 0) {
    const people = peopleIds.map((id) => personOfContact(loaded.contacts.get(id)!, personLink(id)?.crmId));
    const outcome = await adapter.upsertPeople(people);
    await db.transaction('rw', [db.outbox, db.crmLinks, db.interactions, db.tasks], async () => {
      for (const [index, id] of peopleIds.entries()) {
        const itemResult = outcome.results[index];
        if (!itemResult) continue;
        const entry = contactEntries.get(id);
        if (itemResult.ok) {
          const isNew = !personLink(id);
          const link: CrmLink = { key: crmLinkKey(crm, 'contact', id), crm, entity: 'contact', localId: id, contactId: id, crmId: itemResult.crmId, syncedAt: now() };
          await db.crmLinks.put(link);
          loaded.links.set(link.key, link);
          result.synced += 1;
          if (isNew || entry?.withHistory) await enqueueHistory(db, crm, id, now());
          if (entry) await settle(db, entry);
        } else {
          result.failed += 1;
          await markFailed(db, due.filter((other) => other.contactId === id), itemResult.reason);
        }
      }
    });
    if (outcome.stopped) return outcome.stopped.error;
  }

  // 2. Notes, messages and follow-ups whose person is in the CRM.
  const upserts = due.filter((entry) => entry.entity !== 'contact' && entry.op === 'upsert' && personLink(entry.contactId));
  const interactionRows = await db.interactions.bulkGet(upserts.filter((entry) => entry.entity === 'interaction').map((entry) => entry.localId));
  const taskRows = await db.tasks.bulkGet(upserts.filter((entry) => entry.entity === 'task').map((entry) => entry.localId));
  const rows = new Map<string, Interaction | Task>();
  for (const row of [...interactionRows, ...taskRows]) if (row) rows.set(row.id, row);
  const sendable: { entry: OutboxEntry; record: CrmRecord }[] = [];
  const vanished: OutboxEntry[] = [];
  await loadFormerPeople(db, crm, upserts, loaded);
  for (const entry of upserts) {
    const row = rows.get(entry.localId);
    if (!row || (entry.entity === 'interaction' && !SYNCED_INTERACTION_KINDS.has((row as Interaction).kind))) {
      vanished.push(entry);
      continue;
    }
    const personCrmId = personLink(entry.contactId)!.crmId;
    const link = loaded.links.get(crmLinkKey(crm, entry.entity, entry.localId));
    const crmId = link?.crmId;
    const record = entry.entity === 'task' ? recordOfTask(row as Task, personCrmId, crmId) : recordOfInteraction(row as Interaction, personCrmId, crmId);
    // Moved to another contact since it was sent (a merge): it moves in the CRM too.
    const formerPerson = link && (link.personCrmId ?? personLink(link.contactId)?.crmId);
    if (crmId && formerPerson && formerPerson !== personCrmId) record.movedFromPersonCrmId = formerPerson;
    sendable.push({ entry, record });
  }
  if (vanished.length) await db.outbox.bulkDelete(vanished.map((entry) => entry.key));

  if (sendable.length > 0) {
    // An earlier create of these may have reached the CRM without its answer reaching us. It is
    // looked up under the person it was sent for: if a merge has moved the row to another person
    // since, it is found there and moved, never created a second time.
    for (const item of sendable) {
      if (item.entry.sentAt === undefined || item.record.crmId) continue;
      const sentTo = item.entry.sentToPersonCrmId ?? item.record.personCrmId;
      const found = await tryOrStop(() => adapter.findRecord({ ...item.record, personCrmId: sentTo }));
      if (found.stopped) return found.stopped;
      if (found.value) {
        item.record = { ...item.record, crmId: found.value, ...(sentTo !== item.record.personCrmId ? { movedFromPersonCrmId: sentTo } : {}) };
      }
    }
    const creates = sendable.filter((item) => !item.record.crmId);
    const sentAt = now();
    await db.transaction('rw', db.outbox, async () => {
      for (const { entry, record } of creates) await db.outbox.update(entry.key, { sentAt, sentToPersonCrmId: record.personCrmId });
    });
    const outcome = await adapter.upsertRecords(sendable.map((item) => item.record));
    await db.transaction('rw', [db.outbox, db.crmLinks], async () => {
      for (const [index, { entry, record }] of sendable.entries()) {
        const itemResult = outcome.results[index];
        if (itemResult?.ok) {
          await db.crmLinks.put({
            key: crmLinkKey(crm, entry.entity, entry.localId),
            crm,
            entity: entry.entity,
            localId: entry.localId,
            contactId: entry.contactId,
            crmId: itemResult.crmId,
            recordKind: record.kind,
            personCrmId: record.personCrmId,
            syncedAt: now(),
          });
          result.synced += 1;
          await settle(db, entry);
        } else if (itemResult) {
          result.failed += 1;
          await markFailed(db, [entry], itemResult.reason);
        } else if (!outcome.stopped?.unknown.includes(index)) {
          // Not carried out (throttled, refused): nothing to look up next time.
          await db.outbox.where('key').equals(entry.key).modify((stored) => {
            delete stored.sentAt;
            delete stored.sentToPersonCrmId;
          });
        }
      }
    });
    if (outcome.stopped) return outcome.stopped.error;
  }

  // 3. Deletions of what the CRM has; what it never had only leaves the outbox.
  const deletes = due.filter((entry) => entry.op === 'delete');
  const deleteLinks = (await db.crmLinks.bulkGet(deletes.map((entry) => crmLinkKey(crm, entry.entity, entry.localId)))) as (CrmLink | undefined)[];
  const neverSent = deletes.filter((_, index) => !deleteLinks[index]);
  if (neverSent.length) await db.outbox.bulkDelete(neverSent.map((entry) => entry.key));
  const toDelete = deletes.flatMap((entry, index) => {
    const link = deleteLinks[index];
    return link ? [{ entry, link }] : [];
  });
  if (toDelete.length > 0) {
    const outcome = await adapter.deleteRecords(
      toDelete.map(({ link, entry }) => ({ kind: (link.recordKind ?? (entry.entity === 'task' ? 'task' : 'note')) as CrmRecord['kind'], crmId: link.crmId })),
    );
    await db.transaction('rw', [db.outbox, db.crmLinks], async () => {
      for (const [index, { entry, link }] of toDelete.entries()) {
        const itemResult = outcome.results[index];
        if (itemResult?.ok) {
          await db.crmLinks.delete(link.key);
          result.synced += 1;
          await settle(db, entry);
        } else if (itemResult) {
          result.failed += 1;
          await markFailed(db, [entry], itemResult.reason);
        }
      }
    });
    if (outcome.stopped) return outcome.stopped.error;
  }
  return undefined;
}

/**
 * The CRM people of the contacts these rows were last sent for, when that is another contact
 * (a merge moved them) and their links predate `personCrmId`.
 */
async function loadFormerPeople(db: MarginDb, crm: string, entries: readonly OutboxEntry[], loaded: Loaded): Promise<void> {
  const former = new Set<string>();
  for (const entry of entries) {
    const link = loaded.links.get(crmLinkKey(crm, entry.entity, entry.localId));
    if (link && link.personCrmId === undefined && link.contactId !== entry.contactId) former.add(crmLinkKey(crm, 'contact', link.contactId));
  }
  const keys = [...former].filter((key) => !loaded.links.has(key));
  (await db.crmLinks.bulkGet(keys)).forEach((link) => link && loaded.links.set(link.key, link));
}

async function tryOrStop<T>(call: () => Promise<T>): Promise<{ value?: T; stopped?: CrmHttpError }> {
  try {
    return { value: await call() };
  } catch (error) {
    if (error && typeof error === 'object' && 'kind' in error) return { stopped: error as CrmHttpError };
    throw error;
  }
}

/** Done: the entry goes, unless the row changed again while it was being sent (then it is sent again). */
async function settle(db: MarginDb, entry: OutboxEntry): Promise<void> {
  const current = await db.outbox.get(entry.key);
  if (!current) return;
  if (current.changeId === entry.changeId) await db.outbox.delete(entry.key);
  else {
    const { sentAt: _sent, sentToPersonCrmId: _sentTo, failure: _failure, ...rest } = current;
    await db.outbox.put(rest);
  }
}

async function markFailed(db: MarginDb, entries: readonly OutboxEntry[], reason: string): Promise<void> {
  for (const entry of entries) {
    const current = await db.outbox.get(entry.key);
    if (!current) continue;
    const { sentAt: _sent, sentToPersonCrmId: _sentTo, ...rest } = current;
    await db.outbox.put({ ...rest, dueAt: WAITS_FOR_RETRY, attempts: current.attempts + 1, failure: reason });
  }
}

/** Queues a person's notes, messages and follow-ups that the CRM does not have yet. */
async function enqueueHistory(db: MarginDb, crm: string, contactId: string, now: number): Promise<void> {
  const interactions = (await db.interactions.where('contactId').equals(contactId).toArray()).filter((interaction) => SYNCED_INTERACTION_KINDS.has(interaction.kind));
  const tasks = await db.tasks.where('contactId').equals(contactId).toArray();
  const candidates = [
    ...interactions.map((row) => ({ entity: 'interaction' as const, id: row.id })),
    ...tasks.map((row) => ({ entity: 'task' as const, id: row.id })),
  ];
  const links = await db.crmLinks.bulkGet(candidates.map((candidate) => crmLinkKey(crm, candidate.entity, candidate.id)));
  const queued = await db.outbox.bulkGet(candidates.map((candidate) => outboxKey(candidate.entity, candidate.id)));
  const entries = candidates
    .filter((_, index) => !links[index] && !queued[index])
    .map(
      (candidate): OutboxEntry => ({
        key: outboxKey(candidate.entity, candidate.id),
        entity: candidate.entity,
        localId: candidate.id,
        contactId,
        op: 'upsert',
        changeId: crypto.randomUUID(),
        changedAt: now,
        dueAt: now,
        attempts: 0,
      }),
    );
  if (entries.length) await db.outbox.bulkPut(entries);
}

export type { CrmBatchOutcome, CrmItemResult };
