import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import type { MarginDb } from '../db/database';
import { crmDefinition, CRM_IDS, type CrmId } from '../sync/adapters/crm-adapters';
import { readSyncConnection } from '../sync/sync-state';
import { runSync } from '../sync/sync-worker';
import { readCrmToken } from '../sync/token-store';
import { openDb } from './background-db';

/**
 * Runs the sync worker in the service worker: when a page says something changed (`sync/run`),
 * when its alarm fires, on every start, and while alive whenever the outbox gets a due entry.
 * One run at a time; a run asked for during one follows it. The alarm is the safety net that
 * resumes the outbox after the service worker or the browser stopped.
 */
export const SYNC_ALARM = 'sync:drain';
/** While entries wait (offline, paused, backing off) the worker looks again at least this often. */
const RETRY_MINUTES = 1;

let running: Promise<void> | undefined;
let again = false;
let soon: ReturnType<typeof setTimeout> | undefined;

export function requestSyncRun(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      do {
        again = false;
        await runOnce(openDb());
      } while (again);
    } finally {
      running = undefined;
    }
  })();
  return running;
}

async function runOnce(db: MarginDb): Promise<void> {
  const connection = await readSyncConnection(db);
  if (!connection) {
    await browser.alarms.clear(SYNC_ALARM);
    return;
  }
  const token = await readCrmToken();
  if (!token || token.crm !== connection.crm || !(CRM_IDS as readonly string[]).includes(connection.crm)) return;
  if (!navigator.onLine) {
    // Offline: nothing is tried; the alarm (and the `online` event) bring the worker back.
    await scheduleNextRun(Date.now() + RETRY_MINUTES * 60_000);
    return;
  }
  const definition = crmDefinition(connection.crm as CrmId);
  const memoRow = await db.syncState.get('memo');
  const memo = new Map(Object.entries((memoRow?.value as Record<string, unknown> | undefined) ?? {}));
  const result = await runSync({
    db,
    connection,
    adapter: definition.createAdapter({ baseUrl: connection.baseUrl, token: token.token, memo }),
    batchSize: definition.batchSize,
  });
  await db.syncState.put({ key: 'memo', value: Object.fromEntries(memo) });
  await scheduleNextRun(result.nextRunAt);
}

async function scheduleNextRun(at: number | undefined): Promise<void> {
  if (soon) clearTimeout(soon);
  soon = undefined;
  if (at === undefined) {
    await browser.alarms.clear(SYNC_ALARM);
    return;
  }
  const delay = Math.max(0, at - Date.now());
  // An alarm survives the service worker; a timer is sooner while it lives (alarms fire after 30 s at the earliest).
  if (delay < 30_000) soon = setTimeout(() => void requestSyncRun().catch(warn), delay);
  await browser.alarms.create(SYNC_ALARM, { when: Date.now() + Math.max(delay, 30_000), periodInMinutes: RETRY_MINUTES });
}

function warn(error: unknown): void {
  console.warn('[margin] the CRM sync stopped:', error);
}

/** Call synchronously in the service worker's first turn, like every listener. */
export function registerCrmSync(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) requestSyncRun().catch(warn);
  });
  self.addEventListener('online', () => requestSyncRun().catch(warn));
  // While this worker lives, a change from any page (Dexie tells every context) starts a run.
  liveQuery(() => openDb().outbox.where('dueAt').belowOrEqual(Date.now()).count()).subscribe({
    next: (due) => {
      if (due > 0) requestSyncRun().catch(warn);
    },
    error: warn,
  });
}
