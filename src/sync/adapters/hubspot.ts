import { HUBSPOT as HUBSPOT_CSV } from '../../export/crm-mappings';
import { fieldValue, splitName } from '../../export/field-values';
import type { CrmAdapter, CrmBatchOutcome, CrmItemResult, CrmPerson, CrmRecord, CrmRecordKind } from '../crm-adapter';
import { recordMarker } from '../crm-adapter';
import { CrmHttpError, createCrmHttpClient } from '../crm-http';
import { recordHtml } from '../record-text';
import type { AdapterOptions, CrmDefinition } from './crm-definition';

/**
 * HubSpot CRM v3 objects API with a private-app token (`Authorization: Bearer`). Every write is a
 * batch of at most 100 inputs (HubSpot's limit); contacts are found by email with a batch read,
 * then by the default `hs_linkedin_url` property with one search. The lifecycle stage uses the
 * same table as the CSV export (src/export/crm-mappings.ts); At-Risk keeps the earlier stage.
 * test/sync/contracts/hubspot/ holds the OpenAPI subset written from HubSpot's public
 * documentation, with the page each operation comes from.
 *
 * Limits: 100 requests per 10 seconds for private apps on Free and Starter accounts (more on
 * higher tiers), shared by every app of the account, so Margin keeps to 80.
 */

export const HUBSPOT_MAX_BATCH = 100;

/** The HubSpot object, its association type to a contact, and the property that carries the marker. */
const OBJECTS: Record<CrmRecordKind, { type: string; toContact: number; markerProperty: string }> = {
  note: { type: 'notes', toContact: 202, markerProperty: 'hs_note_body' },
  email: { type: 'emails', toContact: 198, markerProperty: 'hs_email_html' },
  'linkedin-message': { type: 'communications', toContact: 81, markerProperty: 'hs_communication_body' },
  task: { type: 'tasks', toContact: 204, markerProperty: 'hs_task_body' },
};

interface HubSpotObject {
  id: string;
  properties: Record<string, string | null | undefined>;
}

interface BatchResponse {
  results?: HubSpotObject[];
}

function createHubSpotAdapter(options: AdapterOptions): CrmAdapter {
  const http = createCrmHttpClient({
    baseUrl: options.baseUrl,
    headers: { authorization: `Bearer ${options.token}` },
    limits: { requestsPerWindow: 80, windowMs: 10_000 },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  const post = (path: string, body: unknown) => http.send({ method: 'POST', path, body }) as Promise<BatchResponse | undefined>;

  function contactProperties(person: CrmPerson, creating: boolean): Record<string, string> {
    const { first, last } = splitName(person.name);
    const stage = fieldValue('contact.crmStage', { contact: { stage: person.stage, previousStage: person.previousStage } as never }, HUBSPOT_CSV);
    return {
      // Email is HubSpot's key for a contact: set when Margin creates it, never overwritten.
      ...(creating && person.emails[0] ? { email: person.emails[0] } : {}),
      firstname: first,
      lastname: last,
      ...(person.company ? { company: person.company } : {}),
      ...(person.title ? { jobtitle: person.title } : {}),
      ...(person.linkedinUrl ? { hs_linkedin_url: person.linkedinUrl } : {}),
      ...(stage ? { lifecyclestage: stage } : {}),
    };
  }

  async function findByEmail(people: readonly CrmPerson[]): Promise<Map<string, string>> {
    const emails = [...new Set(people.flatMap((person) => person.emails))];
    const idByEmail = new Map<string, string>();
    for (const chunk of chunks(emails, HUBSPOT_MAX_BATCH)) {
      const response = await post('/crm/v3/objects/contacts/batch/read', {
        idProperty: 'email',
        properties: ['email'],
        propertiesWithHistory: [],
        inputs: chunk.map((email) => ({ id: email })),
      });
      for (const contact of response?.results ?? []) {
        const email = contact.properties.email?.toLowerCase();
        if (email) idByEmail.set(email, contact.id);
      }
    }
    return idByEmail;
  }

  async function findByLinkedIn(urls: readonly string[]): Promise<Map<string, string>> {
    const idByUrl = new Map<string, string>();
    for (const chunk of chunks([...new Set(urls)], HUBSPOT_MAX_BATCH)) {
      const response = await post('/crm/v3/objects/contacts/search', {
        filterGroups: [{ filters: [{ propertyName: 'hs_linkedin_url', operator: 'IN', values: chunk }] }],
        properties: ['hs_linkedin_url'],
        limit: 100,
      });
      for (const contact of response?.results ?? []) {
        const url = contact.properties.hs_linkedin_url;
        if (url) idByUrl.set(url, contact.id);
      }
    }
    return idByUrl;
  }

  async function upsertPeople(people: readonly CrmPerson[]): Promise<CrmBatchOutcome> {
    const ids: (string | undefined)[] = people.map((person) => person.crmId);
    const batch = new BatchRun(people.length);
    return batch.run(async () => {
      const unknown = people.filter((person) => !person.crmId);
      if (unknown.length > 0) {
        // Lookups write nothing: a failure here leaves no outcome unknown.
        const byEmail = await findByEmail(unknown);
        people.forEach((person, index) => {
          ids[index] ??= person.emails.map((email) => byEmail.get(email)).find(Boolean);
        });
        const byUrl = await findByLinkedIn(
          people.flatMap((person, index) => (!ids[index] && person.linkedinUrl ? [person.linkedinUrl] : [])),
        );
        people.forEach((person, index) => {
          if (!ids[index] && person.linkedinUrl) ids[index] = byUrl.get(person.linkedinUrl);
        });
      }
      const toCreate = people.flatMap((person, index) => (ids[index] ? [] : [index]));
      for (const chunk of chunks(toCreate, HUBSPOT_MAX_BATCH)) {
        await batch.write(chunk, async () => {
          const response = await post('/crm/v3/objects/contacts/batch/create', {
            inputs: chunk.map((index) => ({ properties: contactProperties(people[index]!, true), associations: [] })),
          });
          // Batch results come in no promised order: match them back by email or LinkedIn URL.
          for (const created of response?.results ?? []) {
            const index = chunk.find((candidate) => sameContact(people[candidate]!, created));
            if (index !== undefined) batch.succeeded(index, created.id);
          }
        });
      }
      // Two Margin contacts can be one HubSpot contact (found by the same address): update it once.
      const toUpdate = people.flatMap((person, index) => (ids[index] && !toCreate.includes(index) ? [index] : []));
      const firstOfId = toUpdate.filter((index, position) => toUpdate.findIndex((other) => ids[other] === ids[index]) === position);
      for (const chunk of chunks(firstOfId, HUBSPOT_MAX_BATCH)) {
        await batch.write(chunk, async () => {
          await post('/crm/v3/objects/contacts/batch/update', {
            inputs: chunk.map((index) => ({ id: ids[index]!, properties: contactProperties(people[index]!, false) })),
          });
          for (const index of toUpdate) if (chunk.some((sent) => ids[sent] === ids[index])) batch.succeeded(index, ids[index]!);
        });
      }
    });
  }

  function recordProperties(record: CrmRecord): Record<string, string> {
    const body = recordHtml(record.text, record.localId);
    const timestamp = new Date(record.at).toISOString();
    switch (record.kind) {
      case 'note':
        return { hs_timestamp: timestamp, hs_note_body: body };
      case 'email':
        return {
          hs_timestamp: timestamp,
          hs_email_direction: record.direction === 'in' ? 'INCOMING_EMAIL' : 'EMAIL',
          hs_email_status: 'SENT',
          hs_email_subject: record.title,
          hs_email_html: body,
        };
      case 'linkedin-message':
        return {
          hs_timestamp: timestamp,
          hs_communication_channel_type: 'LINKEDIN_MESSAGE',
          hs_communication_logged_from: 'CRM',
          hs_communication_body: body,
        };
      case 'task':
        return {
          hs_timestamp: timestamp,
          hs_task_subject: record.title,
          hs_task_body: body,
          hs_task_status: record.done ? 'COMPLETED' : 'NOT_STARTED',
          hs_task_type: 'TODO',
        };
    }
  }

  async function upsertRecords(records: readonly CrmRecord[]): Promise<CrmBatchOutcome> {
    const batch = new BatchRun(records.length);
    return batch.run(async () => {
      for (const kind of Object.keys(OBJECTS) as CrmRecordKind[]) {
        const object = OBJECTS[kind];
        const ofKind = records.flatMap((record, index) => (record.kind === kind ? [index] : []));
        const creates = ofKind.filter((index) => !records[index]!.crmId);
        const updates = ofKind.filter((index) => records[index]!.crmId);
        for (const chunk of chunks(creates, HUBSPOT_MAX_BATCH)) {
          await batch.write(chunk, async () => {
            const response = await post(`/crm/v3/objects/${object.type}/batch/create`, {
              inputs: chunk.map((index) => {
                const record = records[index]!;
                return {
                  properties: recordProperties(record),
                  associations: [
                    {
                      to: { id: record.personCrmId },
                      types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: object.toContact }],
                    },
                  ],
                };
              }),
            });
            // Match created objects back by the marker each one carries.
            for (const created of response?.results ?? []) {
              const text = created.properties[object.markerProperty] ?? '';
              const index = chunk.find((candidate) => text.includes(recordMarker(records[candidate]!.localId)));
              if (index !== undefined) batch.succeeded(index, created.id);
            }
          });
        }
        for (const chunk of chunks(updates, HUBSPOT_MAX_BATCH)) {
          await batch.write(chunk, async () => {
            await post(`/crm/v3/objects/${object.type}/batch/update`, {
              inputs: chunk.map((index) => ({ id: records[index]!.crmId!, properties: recordProperties(records[index]!) })),
            });
            // Records whose contact was merged into another: associate the kept contact first, then
            // let go of the removed one, so a stop between the two leaves it on both, never on none.
            const moved = chunk.map((index) => records[index]!).filter((record) => record.movedFromPersonCrmId);
            if (moved.length > 0) {
              await post(`/crm/v4/associations/${object.type}/contacts/batch/associate/default`, {
                inputs: moved.map((record) => ({ from: { id: record.crmId! }, to: { id: record.personCrmId } })),
              });
              await post(`/crm/v4/associations/${object.type}/contacts/batch/archive`, {
                inputs: moved.map((record) => ({ from: { id: record.crmId! }, to: [{ id: record.movedFromPersonCrmId! }] })),
              });
            }
            for (const index of chunk) batch.succeeded(index, records[index]!.crmId!);
          });
        }
      }
    });
  }

  return {
    dailyAllowanceUsedUp: () => http.dailyAllowanceUsedUp,
    async checkConnection() {
      await http.send({ method: 'GET', path: '/crm/v3/objects/contacts', query: { limit: 1, archived: false } });
      return 'HubSpot';
    },
    upsertPeople,
    upsertRecords,
    async deleteRecords(records) {
      const batch = new BatchRun(records.length);
      return batch.run(async () => {
        for (const kind of Object.keys(OBJECTS) as CrmRecordKind[]) {
          const ofKind = records.flatMap((record, index) => (record.kind === kind ? [index] : []));
          for (const chunk of chunks(ofKind, HUBSPOT_MAX_BATCH)) {
            await batch.write(chunk, async () => {
              // 204 whether or not the object still existed: what the user asked for is true.
              await post(`/crm/v3/objects/${OBJECTS[kind].type}/batch/archive`, {
                inputs: chunk.map((index) => ({ id: records[index]!.crmId })),
              });
              for (const index of chunk) batch.succeeded(index, records[index]!.crmId);
            });
          }
        }
      });
    },
    async findRecord(record) {
      const object = OBJECTS[record.kind];
      // The record's own time and person narrow it to a handful; the marker picks the one.
      const response = await post(`/crm/v3/objects/${object.type}/search`, {
        filterGroups: [
          {
            filters: [
              { propertyName: 'associations.contact', operator: 'EQ', value: record.personCrmId },
              { propertyName: 'hs_timestamp', operator: 'EQ', value: String(record.at) },
            ],
          },
        ],
        properties: [object.markerProperty],
        limit: 100,
      });
      const marker = recordMarker(record.localId);
      return response?.results?.find((found) => found.properties[object.markerProperty]?.includes(marker))?.id;
    },
  };
}

function sameContact(person: CrmPerson, created: HubSpotObject): boolean {
  const email = created.properties.email?.toLowerCase();
  if (email) return person.emails[0] === email;
  return Boolean(person.linkedinUrl) && created.properties.hs_linkedin_url === person.linkedinUrl;
}

/**
 * The results of one adapter call made of several batch requests. A request the CRM rejects
 * (4xx) fails its own items and the rest go on; a refused token, a 429 or a lost answer stops the
 * call, and the items of a request whose answer was lost have an unknown outcome.
 */
class BatchRun {
  private readonly results: (CrmItemResult | undefined)[];

  constructor(count: number) {
    this.results = Array.from({ length: count }, () => undefined);
  }

  succeeded(index: number, crmId: string): void {
    this.results[index] = { ok: true, crmId };
  }

  async write(indexes: readonly number[], send: () => Promise<void>): Promise<void> {
    try {
      await send();
      for (const index of indexes) this.results[index] ??= { ok: false, reason: 'HubSpot did not return this record.' };
    } catch (error) {
      if (error instanceof CrmHttpError && error.kind === 'rejected') {
        for (const index of indexes) this.results[index] = { ok: false, reason: error.message };
        return;
      }
      if (error instanceof CrmHttpError) throw new StoppedBatch(error, error.kind === 'unavailable' ? indexes : []);
      throw error;
    }
  }

  async run(body: () => Promise<void>): Promise<CrmBatchOutcome> {
    try {
      await body();
    } catch (error) {
      if (error instanceof StoppedBatch) return { results: this.results, stopped: { error: error.cause, unknown: error.unknown } };
      if (error instanceof CrmHttpError && error.kind === 'rejected') {
        // A lookup was rejected: nothing was written, and nothing in this call can go on.
        return { results: this.results.map((result) => result ?? { ok: false, reason: error.message }) };
      }
      if (error instanceof CrmHttpError) return { results: this.results, stopped: { error, unknown: [] } };
      throw error;
    }
    return { results: this.results };
  }
}

class StoppedBatch extends Error {
  constructor(
    override readonly cause: CrmHttpError,
    readonly unknown: readonly number[],
  ) {
    super(cause.message);
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

export const HUBSPOT = {
  id: 'hubspot',
  label: 'HubSpot',
  defaultBaseUrl: 'https://api.hubapi.com',
  tokenLabel: 'Private app access token (Settings > Integrations > Private apps)',
  batchSize: HUBSPOT_MAX_BATCH,
  createAdapter: createHubSpotAdapter,
} as const satisfies CrmDefinition;
