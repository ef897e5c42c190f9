/**
 * Requests the live sync sends per 100 notes, to each CRM, against the contract mock:
 *
 *   npm run bench:sync
 *
 * Two shapes: 100 notes about one person, and 100 notes about 100 different people (each person
 * new to the CRM). Each note is logged and the worker drains the outbox as the background does:
 * either once after all 100 (a backlog, e.g. after being offline) or after every note (live).
 * Node + fake-indexeddb; the numbers that matter are request counts and Pipedrive token costs.
 */
import 'fake-indexeddb/auto';
import { createDb } from '../src/db/database';
import { logNote } from '../src/actions/log-note';
import { crmDefinition, type CrmId } from '../src/sync/adapters/crm-adapters';
import { startSync } from '../src/sync/connection';
import { runSync } from '../src/sync/sync-worker';
import { startCrmMock } from '../test/sync/mock/crm-mock-server';

/** Pipedrive's `x-token-cost` of each operation Margin calls (from ../shared/contracts/pipedrive/). */
const PIPEDRIVE_TOKEN_COST: Record<string, number> = {
  getCurrentUser: 2,
  getPersonFields: 10,
  addPersonField: 5,
  searchPersons: 20,
  addPerson: 5,
  updatePerson: 5,
  addNote: 10,
  updateNote: 10,
  getNotes: 20,
  addActivity: 5,
};

async function measure(crm: CrmId, people: number, drainEachNote: boolean) {
  const mock = await startCrmMock(crm, { token: 't' });
  const db = createDb({ name: `bench-sync-${crypto.randomUUID()}` });
  await startSync(db, { crm, baseUrl: mock.url, account: 'bench', connectedAt: Date.now() });
  const definition = crmDefinition(crm);
  const memo = new Map<string, unknown>();
  const drain = () =>
    runSync({ db, connection: { crm, baseUrl: mock.url, account: 'bench', connectedAt: 0 }, adapter: definition.createAdapter({ baseUrl: mock.url, token: 't', memo }), batchSize: definition.batchSize, sleep: async () => undefined });
  const latencies: number[] = [];
  for (let index = 0; index < 100; index += 1) {
    const person = { name: `Person ${index % people}`, email: `person${index % people}@example.com` };
    const started = performance.now();
    await logNote(db, { person, note: { id: `note-${index}`, body: `Note ${index}`, sentiment: 'Positive' }, source: { site: 'gmail' } });
    if (drainEachNote) {
      while ((await drain()).nextRunAt !== undefined);
      latencies.push(performance.now() - started);
    }
  }
  // A run stops after ~25 s (a service worker's turn); the background starts the next one at once.
  if (!drainEachNote) while ((await drain()).nextRunAt !== undefined);
  const notes = crm === 'pipedrive' ? mock.pipedrive.notes.size : mock.hubspot.objects.notes!.size;
  const requests = mock.calls.length;
  const tokens = crm === 'pipedrive' ? mock.calls.reduce((sum, call) => sum + (PIPEDRIVE_TOKEN_COST[call.operationId ?? ''] ?? 0), 0) : undefined;
  if (mock.violations.length) throw new Error(`the specification refused requests: ${mock.violations.join('\n')}`);
  await mock.close();
  db.close();
  latencies.sort((a, b) => a - b);
  return { crm, people, mode: drainEachNote ? 'live (drain after each note)' : 'backlog (one drain)', notes, requests, tokens, medianMs: latencies[49], p95Ms: latencies[94] };
}

const rows = [];
for (const crm of ['pipedrive', 'hubspot'] as const) {
  for (const people of [1, 100]) {
    for (const live of [false, true]) rows.push(await measure(crm, people, live));
  }
}
console.table(
  rows.map((row) => ({
    CRM: row.crm,
    'people': row.people,
    mode: row.mode,
    'notes at mock': row.notes,
    requests: row.requests,
    'Pipedrive tokens': row.tokens ?? '',
    'log→at mock median ms': row.medianMs === undefined ? '' : row.medianMs.toFixed(1),
    'p95 ms': row.p95Ms === undefined ? '' : row.p95Ms.toFixed(1),
  })),
);
