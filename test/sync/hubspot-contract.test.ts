// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CrmPerson, CrmRecord } from '../../src/sync/crm-adapter';
import type { CrmHttpError } from '../../src/sync/crm-http';
import { HUBSPOT } from '../../src/sync/adapters/hubspot';
import { startCrmMock, type CrmMock } from './mock/crm-mock-server';

describe('HubSpot adapter against the documented operations (test/sync/contracts/hubspot/)', () => {
  let mock: CrmMock;
  beforeAll(async () => {
    mock = await startCrmMock('hubspot', { token: 'hs-token' });
  });
  afterAll(() => mock.close());
  beforeEach(() => {
    mock.violations.length = 0;
    mock.calls.length = 0;
  });

  const adapter = (token = 'hs-token') => HUBSPOT.createAdapter({ baseUrl: mock.url, token, memo: new Map() });
  const person = (index: number, extra: Partial<CrmPerson> = {}): CrmPerson => ({
    localId: `c-${index}`,
    name: `Person ${index} Example`,
    emails: [`person${index}@example.com`],
    stage: 'Awareness',
    ...extra,
  });

  it('the mock refuses what the documentation refuses', async () => {
    const post = (path: string, body: unknown, token = 'hs-token') =>
      fetch(`${mock.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const contact = await post('/crm/v3/objects/contacts/batch/create', { inputs: [{ properties: { email: 'a@example.com' } }] });
    const contactId = ((await contact.json()) as { results: { id: string }[] }).results[0]!.id;
    expect((await post('/crm/v3/objects/notes/batch/create', { inputs: [{ properties: { hs_note_body: 'x' }, associations: [{ to: { id: contactId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 202 }] }] }] })).status).toBe(400);
    expect((await post('/crm/v3/objects/notes/batch/create', { inputs: Array.from({ length: 101 }, () => ({ properties: { hs_timestamp: '0' } })) })).status).toBe(400);
    expect((await post('/crm/v3/objects/contacts/batch/update', { inputs: [{ id: contactId, properties: { lifecyclestage: 'Engaged' } }] })).status).toBe(400);
    expect((await post('/crm/v3/objects/contacts/search', {}, 'wrong')).status).toBe(401);
    expect(mock.violations).toEqual([
      expect.stringContaining('hs_timestamp is required'),
      expect.stringContaining('must NOT have more than 100 items'),
      expect.stringContaining('lifecyclestage Engaged is not an internal name'),
    ]);
    mock.violations.length = 0;
    mock.hubspot.objects.contacts!.clear();
  });

  it('checks the token with one read', async () => {
    await expect(adapter().checkConnection()).resolves.toBe('HubSpot');
    expect(mock.calls).toHaveLength(1);
    const refused = await adapter('wrong').checkConnection().catch((error: unknown) => error);
    expect((refused as CrmHttpError).kind).toBe('auth');
    expect(mock.violations).toEqual([]);
  });

  it('finds contacts by email, then LinkedIn URL, creates the rest in batches of 100, maps the stage like the CSV', async () => {
    const client = adapter();
    const first = await client.upsertPeople([person(1, { stage: 'Engaged', linkedinUrl: 'https://www.linkedin.com/in/person-one/' })]);
    const id1 = (first.results[0] as { crmId: string }).crmId;
    expect(mock.hubspot.objects.contacts!.get(id1)!.properties).toMatchObject({ email: 'person1@example.com', firstname: 'Person', lastname: '1 Example', lifecyclestage: 'marketingqualifiedlead', hs_linkedin_url: 'https://www.linkedin.com/in/person-one/' });

    const many = Array.from({ length: 150 }, (_, index) => person(index + 2));
    mock.calls.length = 0;
    const created = await client.upsertPeople([
      person(1, { localId: 'again', stage: 'At-Risk', previousStage: 'Qualified' }),
      person(99_999, { emails: [], linkedinUrl: 'https://www.linkedin.com/in/person-one/' }),
      person(7_777, { name: 'Person 1 Example', emails: ['namesake@example.com'] }),
      ...many,
    ]);
    expect(created.stopped).toBeUndefined();
    const ids = created.results.map((result) => (result as { crmId: string }).crmId);
    expect(ids[0]).toBe(id1);
    expect(ids[1]).toBe(id1);
    expect(ids[2]).not.toBe(id1);
    expect(new Set(ids.slice(2)).size).toBe(151);
    expect(mock.hubspot.objects.contacts!.size).toBe(152);
    // At-Risk keeps the stage before it, as in the CSV export.
    expect(mock.hubspot.objects.contacts!.get(id1)!.properties.lifecyclestage).toBe('salesqualifiedlead');
    const creates = mock.calls.filter((call) => call.operationId === 'batchCreateObjects');
    expect(creates.map((call) => (call.body as { inputs: unknown[] }).inputs.length)).toEqual([100, 51]);
    expect(mock.violations).toEqual([]);
  });

  it('sends notes, emails, LinkedIn messages and tasks associated with the contact; updates and archives them', async () => {
    const client = adapter();
    const contact = await client.upsertPeople([person(500)]);
    const personCrmId = (contact.results[0] as { crmId: string }).crmId;
    const records: CrmRecord[] = [
      { localId: 'n-1', kind: 'note', personCrmId, at: Date.UTC(2026, 4, 12, 9, 30), title: 'Note', text: 'Budget approved\nSentiment: Positive' },
      { localId: 'e-1', kind: 'email', personCrmId, at: Date.UTC(2026, 4, 12, 10), title: 'Re: pilot', text: 'Email received', direction: 'in' },
      { localId: 'l-1', kind: 'linkedin-message', personCrmId, at: Date.UTC(2026, 4, 12, 11), title: 'LinkedIn message sent', text: 'LinkedIn message sent', direction: 'out' },
      { localId: 't-1', kind: 'task', personCrmId, at: Date.UTC(2026, 4, 20, 9), title: 'Send the proposal', text: 'Send the proposal', done: false },
    ];
    const sent = await client.upsertRecords(records);
    const ids = sent.results.map((result) => (result as { crmId: string }).crmId);
    const note = mock.hubspot.objects.notes!.get(ids[0]!)!;
    expect(note.properties).toMatchObject({ hs_timestamp: '2026-05-12T09:30:00.000Z' });
    expect(note.properties.hs_note_body).toContain('Budget approved<br>Sentiment: Positive');
    expect(note.associations).toEqual([{ to: personCrmId, typeId: 202 }]);
    expect(mock.hubspot.objects.emails!.get(ids[1]!)!.properties).toMatchObject({ hs_email_direction: 'INCOMING_EMAIL', hs_email_subject: 'Re: pilot' });
    expect(mock.hubspot.objects.communications!.get(ids[2]!)!.properties).toMatchObject({ hs_communication_channel_type: 'LINKEDIN_MESSAGE' });
    expect(mock.hubspot.objects.tasks!.get(ids[3]!)!.properties).toMatchObject({ hs_task_status: 'NOT_STARTED', hs_task_subject: 'Send the proposal' });

    const updated = await client.upsertRecords([{ ...records[0]!, crmId: ids[0]!, text: 'Budget approved, edited' }, { ...records[3]!, crmId: ids[3]!, done: true }]);
    expect(updated.results).toEqual([{ ok: true, crmId: ids[0] }, { ok: true, crmId: ids[3] }]);
    expect(mock.hubspot.objects.notes!.get(ids[0]!)!.properties.hs_note_body).toContain('edited');
    expect(mock.hubspot.objects.tasks!.get(ids[3]!)!.properties.hs_task_status).toBe('COMPLETED');

    const archived = await client.deleteRecords([{ kind: 'note', crmId: ids[0]! }]);
    expect(archived.results).toEqual([{ ok: true, crmId: ids[0] }]);
    expect(mock.hubspot.objects.notes!.get(ids[0]!)!.archived).toBe(true);
    expect(mock.violations).toEqual([]);
  });

  it('150 notes go as two batch requests; a lost answer is recovered by the marker, not sent again', async () => {
    const client = adapter();
    const contact = await client.upsertPeople([person(600)]);
    const personCrmId = (contact.results[0] as { crmId: string }).crmId;
    const notes: CrmRecord[] = Array.from({ length: 150 }, (_, index) => ({ localId: `bulk-${index}`, kind: 'note', personCrmId, at: Date.UTC(2026, 0, 1) + index * 60_000, title: 'Note', text: `Note ${index}` }));
    mock.calls.length = 0;
    const sent = await client.upsertRecords(notes);
    expect(sent.results.every((result) => result?.ok)).toBe(true);
    expect(mock.calls.map((call) => (call.body as { inputs: unknown[] }).inputs.length)).toEqual([100, 50]);

    const lostNote: CrmRecord = { localId: 'lost-1', kind: 'note', personCrmId, at: Date.UTC(2026, 1, 1), title: 'Note', text: 'Answer lost' };
    mock.dropAnswerNext(1);
    const lost = await client.upsertRecords([lostNote]);
    expect(lost.stopped?.error.kind).toBe('unavailable');
    expect(lost.stopped?.unknown).toEqual([0]);
    const found = await client.findRecord(lostNote);
    const stored = [...mock.hubspot.objects.notes!.values()].filter((note) => note.properties.hs_note_body?.includes('Answer lost'));
    expect(stored).toHaveLength(1);
    expect(found).toBe(stored[0]!.id);
    expect(mock.violations).toEqual([]);
  });

  it('a 429 stops the call with the wait HubSpot asked for', async () => {
    mock.answerNext(1, { status: 429, headers: { 'retry-after': '10' }, body: { status: 'error', message: 'You have reached your ten_secondly_rolling limit.', category: 'RATE_LIMITS' } });
    const outcome = await adapter().upsertPeople([person(700)]);
    expect(outcome.stopped?.error.kind).toBe('rate-limited');
    expect(outcome.stopped?.error.retryAfterMs).toBe(10_000);
    expect(mock.violations).toEqual([]);
  });
});
