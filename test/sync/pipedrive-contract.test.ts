// @vitest-environment node
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CrmPerson, CrmRecord } from '../../src/sync/crm-adapter';
import { CrmHttpError } from '../../src/sync/crm-http';
import { PIPEDRIVE } from '../../src/sync/adapters/pipedrive';
import { DEFAULT_PIPEDRIVE_CONTRACTS, startCrmMock, type CrmMock } from './mock/crm-mock-server';

// Pipedrive's own OpenAPI documents live in ../shared; without them there is nothing to check against.
describe.skipIf(!existsSync(DEFAULT_PIPEDRIVE_CONTRACTS))('Pipedrive adapter against Pipedrive\'s OpenAPI documents', () => {
  let mock: CrmMock;
  beforeAll(async () => {
    mock = await startCrmMock('pipedrive', { token: 'pd-token' });
  }, 60_000);
  afterAll(() => mock.close());
  beforeEach(() => {
    mock.violations.length = 0;
    mock.calls.length = 0;
  });

  const adapter = (token = 'pd-token') => PIPEDRIVE.createAdapter({ baseUrl: mock.url, token, memo: new Map() });
  const priya: CrmPerson = { localId: 'c-priya', name: 'Priya Raman', emails: ['priya@northwind.example'], linkedinUrl: 'https://www.linkedin.com/in/priya-raman/', title: 'VP Sales', stage: 'Engaged' };

  it('the mock refuses what the specification refuses', async () => {
    const response = await fetch(`${mock.url}/v1/notes`, { method: 'POST', headers: { 'x-api-token': 'pd-token', 'content-type': 'application/json' }, body: JSON.stringify({ person_id: 1 }) });
    expect(response.status).toBe(400);
    expect(mock.violations).toEqual([expect.stringContaining("must have required property 'content'")]);
    const noToken = await fetch(`${mock.url}/v1/users/me`);
    expect(noToken.status).toBe(401);
    mock.violations.length = 0;
  });

  it('checks the token with one read and says whose it is', async () => {
    await expect(adapter().checkConnection()).resolves.toBe('rep@example.com');
    expect(mock.calls.map((call) => `${call.method} ${call.path}`)).toEqual(['GET /v1/users/me']);
    const refused = await adapter('wrong').checkConnection().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(CrmHttpError);
    expect((refused as CrmHttpError).kind).toBe('auth');
    expect(mock.violations).toEqual([]);
  });

  it('creates a person once, then finds them by email, by LinkedIn URL, never by name', async () => {
    const client = adapter();
    const created = await client.upsertPeople([priya]);
    expect(created.results).toEqual([{ ok: true, crmId: expect.any(String) }]);
    const crmId = (created.results[0] as { crmId: string }).crmId;
    const stored = mock.pipedrive.persons.get(Number(crmId))!;
    expect(stored.name).toBe('Priya Raman');
    expect(stored.emails).toEqual([{ value: 'priya@northwind.example', primary: true, label: 'work' }]);
    expect(Object.values(stored.custom_fields)).toEqual(expect.arrayContaining(['Engaged', 'https://www.linkedin.com/in/priya-raman/']));

    // The same person from another browser (no CRM id known): found by email, updated.
    const again = await client.upsertPeople([{ ...priya, localId: 'other-browser', stage: 'Qualified' }]);
    expect(again.results).toEqual([{ ok: true, crmId }]);
    expect(Object.values(mock.pipedrive.persons.get(Number(crmId))!.custom_fields)).toContain('Qualified');
    // Known only by LinkedIn: found by the LinkedIn URL field.
    const byLinkedIn = await client.upsertPeople([{ ...priya, localId: 'li-only', emails: [] }]);
    expect(byLinkedIn.results).toEqual([{ ok: true, crmId }]);
    // Same name, another address and no LinkedIn: a different person.
    const namesake = await client.upsertPeople([{ localId: 'namesake', name: 'Priya Raman', emails: ['priya@other.example'], stage: 'Awareness' }]);
    expect((namesake.results[0] as { crmId: string }).crmId).not.toBe(crmId);
    expect(mock.pipedrive.persons.size).toBe(2);
    expect(mock.calls.some((call) => call.query.fields === 'name')).toBe(false);
    expect(mock.violations).toEqual([]);
  });

  it('sends notes, messages and follow-ups linked to the person, updates and deletes them', async () => {
    const client = adapter();
    const person = await client.upsertPeople([{ ...priya, localId: 'p2', emails: ['notes@northwind.example'], linkedinUrl: undefined as never }].map(({ linkedinUrl: _drop, ...rest }) => rest));
    const personCrmId = (person.results[0] as { crmId: string }).crmId;
    const note: CrmRecord = { localId: 'n-1', kind: 'note', personCrmId, at: Date.UTC(2026, 4, 12, 9, 30), title: 'Note', text: 'Pilot <b>budget</b> approved\nObjection: price\nSentiment: Positive' };
    const email: CrmRecord = { localId: 'e-1', kind: 'email', personCrmId, at: Date.UTC(2026, 4, 12, 10), title: 'Re: pilot', text: 'Email received\nSubject: Re: pilot', direction: 'in' };
    const linkedin: CrmRecord = { localId: 'l-1', kind: 'linkedin-message', personCrmId, at: Date.UTC(2026, 4, 12, 11), title: 'LinkedIn message received', text: 'LinkedIn message received', direction: 'in' };
    const task: CrmRecord = { localId: 't-1', kind: 'task', personCrmId, at: Date.UTC(2026, 4, 20, 9), title: 'Send the proposal', text: 'Send the proposal', done: false };
    const sent = await client.upsertRecords([note, email, linkedin, task]);
    expect(sent.stopped).toBeUndefined();
    const ids = sent.results.map((result) => (result as { crmId: string }).crmId);
    const storedNote = mock.pipedrive.notes.get(Number(ids[0]))!;
    expect(storedNote.person_id).toBe(Number(personCrmId));
    expect(storedNote.add_time).toBe('2026-05-12 09:30:00');
    expect(storedNote.content).toContain('Pilot &#60;b&#62;budget&#60;/b&#62; approved<br>Objection: price<br>Sentiment: Positive');
    expect(mock.pipedrive.activities.get(Number(ids[1]))).toMatchObject({ type: 'email', done: true, due_date: '2026-05-12', due_time: '10:00', subject: 'Re: pilot' });
    expect(mock.pipedrive.activities.get(Number(ids[3]))).toMatchObject({ type: 'task', done: false, due_date: '2026-05-20', subject: 'Send the proposal' });

    const edited = await client.upsertRecords([{ ...note, crmId: ids[0]!, text: 'Pilot approved, edited' }, { ...task, crmId: ids[3]!, done: true }]);
    expect(edited.results).toEqual([{ ok: true, crmId: ids[0] }, { ok: true, crmId: ids[3] }]);
    expect(mock.pipedrive.notes.size).toBe(1);
    expect(mock.pipedrive.notes.get(Number(ids[0]))!.content).toContain('Pilot approved, edited');
    expect(mock.pipedrive.activities.get(Number(ids[3]))).toMatchObject({ done: true });

    const deleted = await client.deleteRecords([{ kind: 'note', crmId: ids[0]! }, { kind: 'email', crmId: ids[1]! }, { kind: 'note', crmId: ids[0]! }]);
    expect(deleted.results.every((result) => result?.ok)).toBe(true);
    expect(mock.pipedrive.notes.size).toBe(0);
    expect(mock.violations).toEqual([]);
  });

  it('finds a note whose answer was lost instead of creating it twice', async () => {
    const client = adapter();
    const person = await client.upsertPeople([{ localId: 'p3', name: 'Lost Answer', emails: ['lost@example.com'], stage: 'Awareness' }]);
    const personCrmId = (person.results[0] as { crmId: string }).crmId;
    const note: CrmRecord = { localId: 'n-lost', kind: 'note', personCrmId, at: Date.now(), title: 'Note', text: 'Said yes' };
    mock.dropAnswerNext(1);
    const lost = await client.upsertRecords([note]);
    expect(lost.stopped?.error.kind).toBe('unavailable');
    expect(lost.stopped?.unknown).toEqual([0]);
    const notesForPerson = () => [...mock.pipedrive.notes.values()].filter((stored) => stored.person_id === Number(personCrmId));
    expect(notesForPerson()).toHaveLength(1);
    const found = await client.findRecord(note);
    expect(found).toBe(String(notesForPerson()[0]!.id));
    expect(mock.violations).toEqual([]);
  });

  it('stops at a 429 and reports how long to wait; items after it were not sent', async () => {
    const client = adapter();
    mock.answerNext(1, { status: 429, headers: { 'retry-after': '3' }, body: { success: false, error: 'Rate limit exceeded' } });
    const outcome = await client.upsertPeople([
      { localId: 'r1', name: 'R One', emails: ['r1@example.com'], stage: 'Awareness' },
      { localId: 'r2', name: 'R Two', emails: ['r2@example.com'], stage: 'Awareness' },
    ]);
    expect(outcome.results).toEqual([undefined, undefined]);
    expect(outcome.stopped?.error.kind).toBe('rate-limited');
    expect(outcome.stopped?.error.retryAfterMs).toBe(3000);
    expect(outcome.stopped?.unknown).toEqual([]);
    expect(mock.violations).toEqual([]);
  });
});
