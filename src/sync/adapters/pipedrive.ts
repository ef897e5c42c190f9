import type { CrmAdapter, CrmBatchOutcome, CrmItemResult, CrmPerson, CrmRecord, CrmRecordKind } from '../crm-adapter';
import { recordMarker } from '../crm-adapter';
import { CrmHttpError, createCrmHttpClient } from '../crm-http';
import { recordHtml, utcDateTime } from '../record-text';
import type { AdapterOptions, CrmDefinition } from './crm-definition';

/**
 * Pipedrive: persons through API v2, notes through v1 (v2 has none yet), activities through v2.
 * Authentication is the personal API token in the `x-api-token` header (never in the URL, where
 * it would end up in logs). Paths and bodies follow ../shared/contracts/pipedrive/ and the
 * contract test checks every request against those documents.
 *
 * Token costs (`x-token-cost`): search 20, person create/update 5, note create/update 10,
 * activity create/update 5, GET /users/me 2, person fields list 10. A company's daily budget is
 * 30,000 × plan multiplier × seats; its per-token burst limit on the smallest plan is 20 requests
 * per 2 seconds, which is what Margin keeps to. Every answer's `x-ratelimit-*` and
 * `x-daily-requests-left` headers are read by crm-http.ts: a spent window is waited out, a spent
 * day stops the sync until the next 00:00 UTC.
 */

/** Custom person fields Margin keeps its LinkedIn URL and stage in (created once if absent). */
const LINKEDIN_FIELD = 'LinkedIn URL';
const STAGE_FIELD = 'Margin stage';

interface PipedriveFieldCodes {
  linkedin: string;
  stage: string;
}

function createPipedriveAdapter(options: AdapterOptions): CrmAdapter {
  const http = createCrmHttpClient({
    baseUrl: options.baseUrl,
    headers: { 'x-api-token': options.token },
    limits: { requestsPerWindow: 20, windowMs: 2_000, dailyAllowanceUtc: true },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const memo = options.memo;

  async function fieldCodes(): Promise<PipedriveFieldCodes> {
    const known = memo.get('pipedrive.fieldCodes');
    if (known && typeof known === 'object') return known as PipedriveFieldCodes;
    const listed = (await http.send({ method: 'GET', path: '/api/v2/personFields', query: { limit: 500 } })) as {
      data?: { field_code: string; field_name: string }[];
    };
    const codeOf = async (name: string): Promise<string> => {
      const existing = listed.data?.find((field) => field.field_name === name);
      if (existing) return existing.field_code;
      const created = (await http.send({
        method: 'POST',
        path: '/api/v2/personFields',
        body: { field_name: name, field_type: 'varchar' },
      })) as { data: { field_code: string } };
      return created.data.field_code;
    };
    const codes = { linkedin: await codeOf(LINKEDIN_FIELD), stage: await codeOf(STAGE_FIELD) };
    memo.set('pipedrive.fieldCodes', codes);
    return codes;
  }

  async function searchPerson(term: string, field: 'email' | 'custom_fields'): Promise<string | undefined> {
    const found = (await http.send({
      method: 'GET',
      path: '/api/v2/persons/search',
      query: { term, fields: field, exact_match: true, limit: 1 },
    })) as { data?: { items?: { item: { id: number } }[] } };
    const id = found.data?.items?.[0]?.item.id;
    return id === undefined ? undefined : String(id);
  }

  async function upsertPerson(person: CrmPerson): Promise<string> {
    const codes = await fieldCodes();
    const customFields: Record<string, string> = { [codes.stage]: person.stage };
    if (person.linkedinUrl) customFields[codes.linkedin] = person.linkedinUrl;
    const common = { name: person.name || person.emails[0] || 'Unnamed', custom_fields: customFields, ...(person.title ? { job_title: person.title } : {}) };
    let crmId = person.crmId;
    if (!crmId) {
      for (const email of person.emails) {
        crmId = await searchPerson(email, 'email');
        if (crmId) break;
      }
    }
    if (!crmId && person.linkedinUrl) crmId = await searchPerson(person.linkedinUrl, 'custom_fields');
    if (crmId) {
      // Addresses are set when Margin creates the person; an update never replaces the list a
      // colleague may have added to in Pipedrive.
      await http.send({ method: 'PATCH', path: `/api/v2/persons/${crmId}`, body: common });
      return crmId;
    }
    const created = (await http.send({
      method: 'POST',
      path: '/api/v2/persons',
      body: {
        ...common,
        emails: person.emails.map((value, index) => ({ value, primary: index === 0, label: 'work' })),
      },
    })) as { data: { id: number } };
    return String(created.data.id);
  }

  async function upsertRecord(record: CrmRecord): Promise<string> {
    const personId = Number(record.personCrmId);
    const content = recordHtml(record.text, record.localId);
    if (record.kind === 'note') {
      if (record.crmId) {
        // person_id with every update: a note whose contact was merged into another moves with it.
        await http.send({ method: 'PUT', path: `/v1/notes/${record.crmId}`, body: { content, person_id: personId } });
        return record.crmId;
      }
      const created = (await http.send({
        method: 'POST',
        path: '/v1/notes',
        body: { content, person_id: personId, add_time: utcDateTime(record.at) },
      })) as { data: { id: number } };
      return String(created.data.id);
    }
    const iso = new Date(record.at).toISOString();
    const activity = {
      subject: record.title,
      // Email and task are Pipedrive's built-in activity types; a LinkedIn message has none, so it
      // takes the company's default type.
      ...(record.kind === 'email' ? { type: 'email' } : record.kind === 'task' ? { type: 'task' } : {}),
      due_date: iso.slice(0, 10),
      due_time: iso.slice(11, 16),
      done: record.kind === 'task' ? record.done === true : true,
      // Sent with every update too, so an activity moves when its contact is merged into another.
      participants: [{ person_id: personId, primary: true }],
      note: content,
    };
    if (record.crmId) {
      await http.send({ method: 'PATCH', path: `/api/v2/activities/${record.crmId}`, body: activity });
      return record.crmId;
    }
    const created = (await http.send({ method: 'POST', path: '/api/v2/activities', body: activity })) as { data: { id: number } };
    return String(created.data.id);
  }

  return {
    dailyAllowanceUsedUp: () => http.dailyAllowanceUsedUp,
    async checkConnection() {
      const me = (await http.send({ method: 'GET', path: '/v1/users/me' })) as { data?: { name?: string; email?: string } };
      return me.data?.email ?? me.data?.name ?? 'Pipedrive';
    },
    upsertPeople: (people) => eachItem(people, upsertPerson),
    upsertRecords: (records) => eachItem(records, upsertRecord),
    deleteRecords: (records) =>
      eachItem(records, async ({ kind, crmId }) => {
        try {
          await http.send({ method: 'DELETE', path: `${recordPath(kind)}/${crmId}` });
        } catch (error) {
          // Already deleted in Pipedrive: what the user asked for is true.
          if (!(error instanceof CrmHttpError && error.status === 404)) throw error;
        }
        return crmId;
      }),
    async findRecord(record) {
      const marker = recordMarker(record.localId);
      if (record.kind === 'note') {
        const notes = (await http.send({
          method: 'GET',
          path: '/v1/notes',
          query: { person_id: Number(record.personCrmId), limit: 100, sort: 'add_time DESC' },
        })) as { data?: { id: number; content?: string }[] | null };
        const found = notes.data?.find((note) => note.content?.includes(marker));
        return found ? String(found.id) : undefined;
      }
      const activities = (await http.send({
        method: 'GET',
        path: '/api/v2/activities',
        query: { person_id: Number(record.personCrmId), limit: 100 },
      })) as { data?: { id: number; note?: string | null }[] | null };
      const found = activities.data?.find((activity) => activity.note?.includes(marker));
      return found ? String(found.id) : undefined;
    },
  };

  function recordPath(kind: CrmRecordKind): string {
    return kind === 'note' ? '/v1/notes' : '/api/v2/activities';
  }
}

/**
 * Pipedrive has no batch endpoints: one request per item. A refusal of one item (4xx) is that
 * item's failure; anything else (token refused, 429, no answer) stops the batch for the worker.
 */
async function eachItem<T>(items: readonly T[], send: (item: T) => Promise<string>): Promise<CrmBatchOutcome> {
  const results: (CrmItemResult | undefined)[] = items.map(() => undefined);
  for (const [index, item] of items.entries()) {
    try {
      results[index] = { ok: true, crmId: await send(item) };
    } catch (error) {
      if (!(error instanceof CrmHttpError)) throw error;
      if (error.kind === 'rejected') {
        results[index] = { ok: false, reason: error.message };
        continue;
      }
      // Refused or throttled requests were not carried out; one without an answer may have been.
      return { results, stopped: { error, unknown: error.kind === 'unavailable' ? [index] : [] } };
    }
  }
  return { results };
}

export const PIPEDRIVE = {
  id: 'pipedrive',
  label: 'Pipedrive',
  defaultBaseUrl: 'https://api.pipedrive.com',
  tokenLabel: 'Personal API token (Settings > Personal preferences > API)',
  batchSize: 20,
  createAdapter: createPipedriveAdapter,
} as const satisfies CrmDefinition;
