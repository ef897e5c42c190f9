// @vitest-environment node
import 'fake-indexeddb/auto';
import { existsSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MarginDb } from '../../src/db/database';
import { deleteInteraction, editNote } from '../../src/db/interactions-repository';
import { logNote } from '../../src/actions/log-note';
import { crmDefinition, type CrmId } from '../../src/sync/adapters/crm-adapters';
import { retrySync, startSync } from '../../src/sync/connection';
import { readPersonSyncState, readSyncOverview } from '../../src/sync/sync-overview';
import { readSyncStatus } from '../../src/sync/sync-state';
import { runSync } from '../../src/sync/sync-worker';
import { freshDb } from '../db/fresh-db';
import { DEFAULT_PIPEDRIVE_CONTRACTS, startCrmMock, type CrmMock } from './mock/crm-mock-server';

const source = { site: 'gmail' as const, url: 'https://mail.google.com/mail/u/0/#inbox/abc' };
const priya = { name: 'Priya Raman', email: 'priya@northwind.example' };

// The first request of each kind compiles that operation's validators from the vendor's document.
vi.setConfig({ testTimeout: 30_000 });

describe.each(['pipedrive', 'hubspot'] as const)('the sync worker with %s', (crm: CrmId) => {
  const skip = crm === 'pipedrive' && !existsSync(DEFAULT_PIPEDRIVE_CONTRACTS);
  let mock: CrmMock;
  let db: MarginDb;
  // The outbox stamps entries with the real time. Within a run the worker's clock moves only by
  // what it sleeps, so waits are measured exactly.
  let runStart = 0;
  let slept = 0;
  const clockNow = () => (runStart ? runStart + slept : Date.now());
  const memo = new Map<string, unknown>();

  beforeAll(async () => {
    if (!skip) mock = await startCrmMock(crm, { token: 'good' });
  }, 60_000);
  afterAll(() => mock?.close());
  afterEach(() => {
    expect(mock.violations).toEqual([]);
    db?.close();
  });

  async function connected(): Promise<MarginDb> {
    db = freshDb();
    await startSync(db, { crm, baseUrl: mock.url, account: 'rep', connectedAt: clockNow() });
    return db;
  }

  const run = async (token = 'good') => {
    runStart = Date.now();
    slept = 0;
    try {
      return await runSync({
      db,
      connection: { crm, baseUrl: mock.url, account: 'rep', connectedAt: 0 },
      adapter: crmDefinition(crm).createAdapter({ baseUrl: mock.url, token, memo }),
      batchSize: crmDefinition(crm).batchSize,
      now: clockNow,
      sleep: async (ms) => {
        slept += ms;
      },
    });
    } finally {
      runStart = 0;
    }
  };

  const notesOf = (personCrmId: string) =>
    crm === 'pipedrive'
      ? [...mock.pipedrive.notes.values()].filter((note) => String(note.person_id) === personCrmId).map((note) => note.content)
      : [...mock.hubspot.objects.notes!.values()].filter((note) => !note.archived && note.associations.some((association) => association.to === personCrmId)).map((note) => note.properties.hs_note_body!);
  const personCrmIdOf = async (contactId: string) => (await db.crmLinks.get(`${crm}:contact:${contactId}`))?.crmId;

  it.skipIf(skip)('a logged note reaches the CRM once, linked to its person; an edit updates it, a delete removes it', async () => {
    await connected();
    const { contact } = await logNote(db, { person: priya, note: { id: 'note-1', body: 'Pilot approved', sentiment: 'Positive', objection: 'Price' }, source, now: clockNow() });
    expect(await readPersonSyncState(db, contact.id)).toEqual({ kind: 'waiting', crm, count: 2 });
    const result = await run();
    expect(result).toMatchObject({ synced: 2, failed: 0 });
    const personCrmId = (await personCrmIdOf(contact.id))!;
    expect(notesOf(personCrmId)).toEqual([expect.stringContaining('Pilot approved<br>Objection: Price<br>Sentiment: Positive')]);
    expect(await db.outbox.count()).toBe(0);
    expect(await readPersonSyncState(db, contact.id)).toEqual({ kind: 'in-crm', crm });

    await editNote(db, 'note-1', { body: 'Pilot approved for 20 seats' }, clockNow());
    await run();
    expect(notesOf(personCrmId)).toEqual([expect.stringContaining('Pilot approved for 20 seats')]);
    await deleteInteraction(db, 'note-1', clockNow());
    await run();
    expect(notesOf(personCrmId)).toEqual([]);
    expect((await readSyncStatus(db)).lastSuccessAt).toBeGreaterThan(0);
  });

  it.skipIf(skip)('connecting brings the people Margin already has, with their notes', async () => {
    db = freshDb();
    const { contact } = await logNote(db, { person: { name: 'Old Friend', email: 'old@example.com' }, note: { id: 'old-note', body: 'From before the connection' }, source, now: clockNow() });
    await startSync(db, { crm, baseUrl: mock.url, account: 'rep', connectedAt: clockNow() });
    await run();
    expect(notesOf((await personCrmIdOf(contact.id))!)).toEqual([expect.stringContaining('From before the connection')]);
  });

  it.skipIf(skip)('a create whose answer was lost is found again, not created twice', async () => {
    await connected();
    const { contact } = await logNote(db, { person: { name: 'Lost Answer', email: 'lost@example.com' }, note: { id: 'lost-note', body: 'Said yes' }, source, now: clockNow() });
    await run(); // person and note go
    await logNote(db, { person: { name: 'Lost Answer', email: 'lost@example.com' }, note: { id: 'lost-note-2', body: 'Second note' }, source, now: clockNow() });
    mock.dropAnswerNext(1);
    const lookupsBefore = mock.calls.filter((call) => call.operationId === 'getNotes' || call.operationId === 'searchObjects').length;
    await run();
    // The connection was cut after the CRM stored the note; the worker backed off, looked it up, found it.
    expect(mock.calls.filter((call) => call.operationId === 'getNotes' || call.operationId === 'searchObjects').length).toBe(lookupsBefore + 1);
    const personCrmId = (await personCrmIdOf(contact.id))!;
    expect(notesOf(personCrmId).filter((body) => body.includes('Second note'))).toHaveLength(1);
    expect(await db.outbox.count()).toBe(0);
  });

  it.skipIf(skip)('a 429 is waited out for as long as Retry-After says, then sent', async () => {
    await connected();
    const { contact } = await logNote(db, { person: { name: 'Slow Down', email: 'slow@example.com' }, note: { id: 'slow-note', body: 'Throttled' }, source, now: clockNow() });
    mock.answerNext(1, { status: 429, headers: { 'retry-after': '2' } });
    await run();
    expect(slept).toBe(2_000);
    expect(notesOf((await personCrmIdOf(contact.id))!)).toHaveLength(1);
  });

  it.skipIf(skip)('a refused token stops sending, keeps everything, and says so; reconnecting sends it', async () => {
    await connected();
    const { contact } = await logNote(db, { person: { name: 'Refused', email: 'refused@example.com' }, note: { id: 'refused-note', body: 'Kept safe' }, source, now: clockNow() });
    const calls = mock.calls.length;
    await run('revoked');
    expect(mock.calls.length - calls).toBe(1);
    expect(await readPersonSyncState(db, contact.id)).toEqual({ kind: 'token-refused', crm, message: expect.stringContaining('refused the API token') });
    expect(await db.outbox.count()).toBe(2);
    await run('revoked');
    expect(mock.calls.length - calls).toBe(1);
    await retrySync(db, clockNow());
    await run('good');
    expect(notesOf((await personCrmIdOf(contact.id))!)).toEqual([expect.stringContaining('Kept safe')]);
  });

  it.skipIf(skip)('the CRM refusing one row marks that row failed with the reason; Retry sends it again', async () => {
    await connected();
    const { contact } = await logNote(db, { person: { name: 'Refused Row', email: 'row@example.com' }, note: { id: 'row-note', body: 'x' }, source, now: clockNow() });
    await run();
    await editNote(db, 'row-note', { body: 'edited' }, clockNow());
    mock.answerNext(1, { status: 400, body: crm === 'pipedrive' ? { success: false, error: 'Content too long' } : { status: 'error', message: 'Content too long', category: 'VALIDATION_ERROR' } });
    await run();
    expect(await readPersonSyncState(db, contact.id)).toEqual({ kind: 'failed', crm, reason: expect.stringContaining('Content too long') });
    expect((await readSyncOverview(db)).failures).toEqual([{ contactId: contact.id, contactName: 'Refused Row', reason: expect.stringContaining('Content too long') }]);
    await retrySync(db, clockNow(), contact.id);
    await run();
    expect(notesOf((await personCrmIdOf(contact.id))!)).toEqual([expect.stringContaining('edited')]);
  });
});
