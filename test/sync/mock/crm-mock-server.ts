import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { OpenAPIBackend, type Operation } from 'openapi-backend';

/**
 * A validating stand-in for Pipedrive or HubSpot on 127.0.0.1 (a random free port). Every request
 * is matched and validated against the vendor's OpenAPI document (Pipedrive's own, from
 * ../shared/contracts/pipedrive/; HubSpot's subset written from its documentation, beside this
 * folder), plus the rules a schema cannot say. Anything the specification rejects is answered
 * with the error the real API would give AND recorded in `violations`, which every test asserts
 * is empty. Every answer the mock gives is validated against the same documents, so the adapters
 * are tested against the shapes the real APIs return.
 */

export type MockCrm = 'pipedrive' | 'hubspot';

export interface MockCall {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
  operationId?: string;
  at: number;
}

interface ForcedAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface CrmMockOptions {
  token?: string;
  /** Where ../shared/contracts/pipedrive/ is (defaults to the checkout's sibling). */
  pipedriveContracts?: string;
}

// Resolved from this file, not the working directory (happy-dom gives tests an http: import.meta.url).
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url.startsWith('file:') ? import.meta.url : `file://${__filename}`)), '../../..');
export const DEFAULT_PIPEDRIVE_CONTRACTS = path.resolve(REPO_ROOT, '../shared/contracts/pipedrive');
const HUBSPOT_SPEC = path.resolve(REPO_ROOT, 'test/sync/contracts/hubspot/crm-v3-subset.yaml');

/** The paths Margin calls; any other operation of the documents is a violation (Margin asks for nothing else). */
const PIPEDRIVE_V1_PATHS = ['/notes', '/notes/{id}', '/users/me'];
const PIPEDRIVE_V2_PATHS = ['/persons', '/persons/{id}', '/persons/search', '/personFields', '/activities', '/activities/{id}'];

const HUBSPOT_LIFECYCLE_STAGES = new Set(['subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer', 'evangelist', 'other']);
const HUBSPOT_ASSOCIATION_TO_CONTACT: Record<string, number> = { notes: 202, emails: 198, communications: 81, tasks: 204 };

interface Api {
  backend: OpenAPIBackend & { allowedPaths?: readonly string[] | undefined };
  prefix: string;
}

export interface PipedriveState {
  persons: Map<number, { id: number; name: string; emails: { value: string; primary: boolean; label: string }[]; custom_fields: Record<string, unknown>; job_title?: string }>;
  fields: { field_code: string; field_name: string; field_type: string; is_custom_field: boolean; is_optional_response_field: boolean }[];
  notes: Map<number, { id: number; content: string; person_id: number; add_time: string }>;
  activities: Map<number, Record<string, unknown> & { id: number }>;
}

export interface HubSpotRecord {
  id: string;
  properties: Record<string, string>;
  associations: { to: string; typeId: number }[];
  archived: boolean;
}

export interface HubSpotState {
  objects: Record<string, Map<string, HubSpotRecord>>;
}

export interface CrmMock {
  crm: MockCrm;
  url: string;
  /** The token the mock accepts; change it to make every later request a 401. */
  token: string;
  calls: MockCall[];
  violations: string[];
  pipedrive: PipedriveState;
  hubspot: HubSpotState;
  /** The next `count` requests get this answer instead (a 429 with Retry-After, a 500…). */
  answerNext(count: number, answer: ForcedAnswer): void;
  /** The next `count` writes are carried out but their answer is lost (the connection is cut). */
  dropAnswerNext(count: number): void;
  /** Every answer waits this long (to stop the service worker in the middle of a sync). */
  delayMs: number;
  /**
   * Pipedrive's daily allowance for this token: POST/PUT requests left today (announced in every
   * answer's `x-daily-requests-left`) and the company's token budget (each operation costs its
   * `x-token-cost` from the OpenAPI documents). When either is spent, requests get a 429.
   */
  pipedriveAllowance: { requestsLeft: number; tokensLeft: number };
  close(): Promise<void>;
}

async function backendFor(file: string, allowedPaths?: readonly string[]): Promise<Api['backend']> {
  // The vendor's document as it is; `quick` compiles each operation's validators on first use.
  const backend = new OpenAPIBackend({ definition: file, quick: true, validate: true, ajvOpts: { logger: false, strict: false } });
  await backend.init();
  return Object.assign(backend, { allowedPaths });
}

export async function startCrmMock(crm: MockCrm, options: CrmMockOptions = {}): Promise<CrmMock> {
  const contracts = options.pipedriveContracts ?? DEFAULT_PIPEDRIVE_CONTRACTS;
  const apis: Api[] =
    crm === 'pipedrive'
      ? [
          { prefix: '/v1', backend: await backendFor(`${contracts}/openapi-v1.yaml`, PIPEDRIVE_V1_PATHS) },
          { prefix: '/api/v2', backend: await backendFor(`${contracts}/openapi-v2.yaml`, PIPEDRIVE_V2_PATHS) },
        ]
      : [{ prefix: '', backend: await backendFor(HUBSPOT_SPEC) }];

  const forced: ForcedAnswer[] = [];
  let dropAnswers = 0;
  let nextId = 1000;
  const pipedrive: PipedriveState = {
    persons: new Map(),
    fields: [
      { field_code: 'name', field_name: 'Name', field_type: 'varchar', is_custom_field: false, is_optional_response_field: false },
      { field_code: 'emails', field_name: 'Email', field_type: 'varchar', is_custom_field: false, is_optional_response_field: false },
    ],
    notes: new Map(),
    activities: new Map(),
  };
  const hubspot: HubSpotState = {
    objects: { contacts: new Map(), notes: new Map(), emails: new Map(), communications: new Map(), tasks: new Map() },
  };

  const mock: CrmMock = {
    crm,
    url: '',
    token: options.token ?? 'test-token',
    calls: [],
    violations: [],
    pipedrive,
    hubspot,
    delayMs: 0,
    pipedriveAllowance: { requestsLeft: 10_000, tokensLeft: 1_000_000 },
    answerNext(count, answer) {
      for (let index = 0; index < count; index += 1) forced.push(answer);
    },
    dropAnswerNext(count) {
      dropAnswers += count;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      mock.violations.push(`mock failure: ${error instanceof Error ? error.stack : String(error)}`);
      if (!response.headersSent) send(response, 500, { message: 'mock failure' });
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(request);
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      mock.violations.push(`${request.method} ${url.pathname}: body is not JSON`);
      return answer(400, { message: 'Invalid JSON' });
    }
    const call: MockCall = {
      method: request.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body,
      status: 0,
      at: Date.now(),
    };
    mock.calls.push(call);
    if (mock.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, mock.delayMs));

    function answer(status: number, payload?: unknown, headers: Record<string, string> = {}): void {
      call.status = status;
      send(response, status, payload, { ...(crm === 'pipedrive' ? pipedriveLimitHeaders() : {}), ...headers });
    }

    const api = apis.find((candidate) => url.pathname === candidate.prefix || url.pathname.startsWith(`${candidate.prefix}/`));
    const path = api ? url.pathname.slice(api.prefix.length) || '/' : url.pathname;
    const openApiRequest = {
      method: call.method.toLowerCase(),
      path,
      query: call.query,
      headers: request.headers as Record<string, string>,
      body,
    };
    const operation = api?.backend.matchOperation(openApiRequest);
    if (!api || !operation) {
      mock.violations.push(`${call.method} ${url.pathname}: no such operation in the specification`);
      return answer(404, { message: 'Not found' });
    }
    if (operation.operationId !== undefined) call.operationId = operation.operationId;
    if (api.backend.allowedPaths && !api.backend.allowedPaths.includes(operation.path)) {
      mock.violations.push(`${call.method} ${url.pathname}: ${operation.operationId} is not an operation Margin is meant to call`);
    }

    const authError = checkAuth(request);
    if (authError) {
      if (authError.violation) mock.violations.push(`${call.method} ${url.pathname}: ${authError.violation}`);
      return answer(401, crm === 'pipedrive' ? { success: false, error: 'unauthorized access', errorCode: 401 } : { status: 'error', message: 'Authentication credentials not found.', category: 'INVALID_AUTHENTICATION' });
    }

    const validation = api.backend.validator.validateRequest(openApiRequest, operation);
    const ruleErrors = validation.valid ? extraRules(operation, path, body) : [];
    if (!validation.valid || ruleErrors.length > 0) {
      const reasons = [...(validation.errors ?? []).map((error) => `${error.instancePath} ${error.message}`), ...ruleErrors];
      mock.violations.push(`${call.method} ${url.pathname}: ${reasons.join('; ')}`);
      return answer(400, crm === 'pipedrive' ? { success: false, error: reasons.join('; ') } : { status: 'error', message: reasons.join('; '), category: 'VALIDATION_ERROR' });
    }

    const forcedAnswer = forced.shift();
    if (forcedAnswer) return answer(forcedAnswer.status, forcedAnswer.body ?? { message: 'forced by the test' }, forcedAnswer.headers);

    if (crm === 'pipedrive') {
      const allowance = mock.pipedriveAllowance;
      const counted = call.method === 'POST' || call.method === 'PUT';
      const cost = Number((operation as { 'x-token-cost'?: number })['x-token-cost'] ?? 0);
      // Pipedrive's documents give the 429 body `{success: false, error}`; the words for a spent
      // daily budget are the mock's own (they are not documented).
      if (counted && allowance.requestsLeft <= 0) return answer(429, { success: false, error: 'Request over limit', errorCode: 429 });
      if (allowance.tokensLeft < cost) return answer(429, { success: false, error: 'Daily API token budget exhausted', errorCode: 429 });
      if (counted) allowance.requestsLeft -= 1;
      allowance.tokensLeft -= cost;
    }

    const result = crm === 'pipedrive' ? pipedriveAnswer(operation, path, call.query, body) : hubspotAnswer(operation, path, body);
    if (result.status < 400 && result.body !== undefined) {
      const checked = api.backend.validator.validateResponse(result.body, operation, result.status);
      if (!checked.valid) {
        mock.violations.push(`mock answer to ${call.operationId} breaks the specification: ${JSON.stringify(checked.errors)}`);
      }
    }
    if (dropAnswers > 0 && call.method !== 'GET' && !path.endsWith('/search') && !path.endsWith('/batch/read')) {
      dropAnswers -= 1;
      call.status = -1;
      request.socket.destroy();
      return;
    }
    return answer(result.status, result.body);
  }

  /** Every Pipedrive answer says where the token stands (https://pipedrive.readme.io/docs/core-api-concepts-rate-limiting). */
  function pipedriveLimitHeaders(): Record<string, string> {
    const now = Date.now();
    const inWindow = mock.calls.filter((call) => call.at > now - 2_000).length;
    return {
      'x-ratelimit-limit': '20',
      'x-ratelimit-remaining': String(Math.max(0, 20 - inWindow)),
      'x-ratelimit-reset': '2',
      'x-daily-requests-left': String(Math.max(0, mock.pipedriveAllowance.requestsLeft)),
    };
  }

  function checkAuth(request: IncomingMessage): { violation?: string } | undefined {
    if (crm === 'pipedrive') {
      const token = request.headers['x-api-token'];
      if (typeof token !== 'string') return { violation: 'no x-api-token header' };
      return token === mock.token ? undefined : {};
    }
    const authorization = request.headers.authorization;
    if (typeof authorization !== 'string' || !authorization.startsWith('Bearer ')) return { violation: 'no Bearer token' };
    return authorization.slice('Bearer '.length) === mock.token ? undefined : {};
  }

  /** What HubSpot's documentation says that its schemas here cannot. */
  function extraRules(operation: Operation, path: string, body: unknown): string[] {
    if (crm !== 'hubspot') return [];
    const errors: string[] = [];
    const objectType = path.split('/')[4] ?? '';
    const inputs = (body as { inputs?: { properties?: Record<string, string>; associations?: { to: { id: string }; types: { associationTypeId: number }[] }[] }[] } | undefined)?.inputs ?? [];
    if (operation.operationId === 'batchCreateObjects' || operation.operationId === 'batchUpdateObjects') {
      for (const input of inputs) {
        const properties = input.properties ?? {};
        if (objectType !== 'contacts' && operation.operationId === 'batchCreateObjects') {
          if (!properties.hs_timestamp) errors.push(`${objectType}: hs_timestamp is required`);
          const expected = HUBSPOT_ASSOCIATION_TO_CONTACT[objectType];
          const association = input.associations?.[0];
          if (!association || association.types[0]?.associationTypeId !== expected) errors.push(`${objectType}: must be associated with a contact (type ${expected})`);
          else if (!hubspot.objects.contacts!.has(association.to.id)) errors.push(`${objectType}: contact ${association.to.id} does not exist`);
        }
        if (properties.hs_timestamp && Number.isNaN(Date.parse(properties.hs_timestamp)) && !/^\d+$/.test(properties.hs_timestamp)) errors.push('hs_timestamp is neither ISO 8601 nor epoch milliseconds');
        if ((properties.hs_note_body?.length ?? 0) > 65_536) errors.push('hs_note_body is longer than 65,536 characters');
        if (properties.lifecyclestage !== undefined && !HUBSPOT_LIFECYCLE_STAGES.has(properties.lifecyclestage)) errors.push(`lifecyclestage ${properties.lifecyclestage} is not an internal name`);
      }
    }
    return errors;
  }

  function pipedriveAnswer(operation: Operation, _path: string, query: Record<string, string>, body: unknown): { status: number; body?: unknown } {
    const input = (body ?? {}) as Record<string, unknown>;
    const idOfPath = Number(_path.split('/')[2]);
    const now = new Date().toISOString();
    switch (operation.operationId) {
      case 'getCurrentUser':
        return { status: 200, body: { success: true, data: { id: 1, name: 'Test Rep', email: 'rep@example.com' } } };
      case 'getPersonFields':
        return { status: 200, body: { success: true, data: pipedrive.fields, additional_data: {} } };
      case 'addPersonField': {
        const field = { field_code: `f${(nextId++).toString(16).padStart(40, '0')}`, field_name: String(input.field_name), field_type: String(input.field_type), is_custom_field: true, is_optional_response_field: false };
        pipedrive.fields.push(field);
        return { status: 200, body: { success: true, data: field } };
      }
      case 'searchPersons': {
        const term = query.term ?? '';
        const matches = [...pipedrive.persons.values()].filter((person) =>
          query.fields === 'email' ? person.emails.some((email) => email.value === term) : query.fields === 'custom_fields' ? Object.values(person.custom_fields).includes(term) : false,
        );
        return {
          status: 200,
          body: { success: true, data: { items: matches.map((person) => ({ result_score: 1, item: { id: person.id, type: 'person', name: person.name } })) }, additional_data: {} },
        };
      }
      case 'addPerson': {
        const person = { id: nextId++, name: String(input.name), emails: (input.emails ?? []) as never, custom_fields: (input.custom_fields ?? {}) as Record<string, unknown>, ...(input.job_title ? { job_title: String(input.job_title) } : {}) };
        pipedrive.persons.set(person.id, person);
        return { status: 200, body: { success: true, data: { id: person.id, name: person.name } } };
      }
      case 'updatePerson': {
        const person = pipedrive.persons.get(idOfPath);
        if (!person) return { status: 404, body: { success: false, error: 'Person not found' } };
        Object.assign(person, input, { custom_fields: { ...person.custom_fields, ...((input.custom_fields ?? {}) as object) } });
        return { status: 200, body: { success: true, data: { id: person.id, name: person.name } } };
      }
      case 'addNote': {
        const personId = Number(input.person_id);
        if (!pipedrive.persons.has(personId)) return { status: 400, body: { success: false, error: 'Person not found' } };
        const note = { id: nextId++, content: String(input.content), person_id: personId, add_time: String(input.add_time ?? now) };
        pipedrive.notes.set(note.id, note);
        return { status: 200, body: { success: true, data: { id: note.id, content: note.content, person_id: personId } } };
      }
      case 'updateNote': {
        const note = pipedrive.notes.get(idOfPath);
        if (!note) return { status: 404, body: { success: false, error: 'Note not found' } };
        note.content = String(input.content ?? note.content);
        if (input.person_id !== undefined) {
          if (!pipedrive.persons.has(Number(input.person_id))) return { status: 400, body: { success: false, error: 'Person not found' } };
          note.person_id = Number(input.person_id);
        }
        return { status: 200, body: { success: true, data: { id: note.id, content: note.content, person_id: note.person_id } } };
      }
      case 'deleteNote':
        if (!pipedrive.notes.delete(idOfPath)) return { status: 404, body: { success: false, error: 'Note not found' } };
        return { status: 200, body: { success: true, data: true } };
      case 'getNotes': {
        const personId = Number(query.person_id);
        const notes = [...pipedrive.notes.values()].filter((note) => !query.person_id || note.person_id === personId);
        return { status: 200, body: { success: true, data: notes.map((note) => ({ id: note.id, content: note.content, person_id: note.person_id })) } };
      }
      case 'addActivity': {
        const participants = (input.participants ?? []) as { person_id: number }[];
        if (participants.some((participant) => !pipedrive.persons.has(participant.person_id))) return { status: 400, body: { success: false, error: 'Person not found' } };
        const activity = { ...input, id: nextId++ };
        pipedrive.activities.set(activity.id, activity);
        return { status: 200, body: { success: true, data: { id: activity.id } } };
      }
      case 'updateActivity': {
        const activity = pipedrive.activities.get(idOfPath);
        if (!activity) return { status: 404, body: { success: false, error: 'Activity not found' } };
        Object.assign(activity, input);
        return { status: 200, body: { success: true, data: { id: activity.id } } };
      }
      case 'deleteActivity':
        if (!pipedrive.activities.delete(idOfPath)) return { status: 404, body: { success: false, error: 'Activity not found' } };
        return { status: 200, body: { success: true, data: { id: idOfPath } } };
      case 'getActivities': {
        const personId = Number(query.person_id);
        const activities = [...pipedrive.activities.values()].filter(
          (activity) => !query.person_id || ((activity.participants ?? []) as { person_id: number }[]).some((participant) => participant.person_id === personId),
        );
        return { status: 200, body: { success: true, data: activities.map((activity) => ({ id: activity.id, note: activity.note ?? null })), additional_data: {} } };
      }
      default:
        mock.violations.push(`mock has no answer for ${operation.operationId}`);
        return { status: 501, body: { success: false, error: 'not in mock' } };
    }
  }

  function hubspotAnswer(operation: Operation, path: string, body: unknown): { status: number; body?: unknown } {
    const objectType = path.split('/')[4] ?? 'contacts';
    const objects = hubspot.objects[objectType]!;
    const now = new Date().toISOString();
    const publicObject = (record: HubSpotRecord, properties?: readonly string[]) => ({
      id: record.id,
      properties: properties ? Object.fromEntries(properties.map((name) => [name, record.properties[name] ?? null])) : record.properties,
      createdAt: now,
      updatedAt: now,
      archived: record.archived,
    });
    const batch = (results: unknown[], errors: unknown[] = []) => ({ status: 'COMPLETE', results, ...(errors.length ? { numErrors: errors.length, errors } : {}), startedAt: now, completedAt: now });
    const input = (body ?? {}) as { inputs?: { id?: string; properties?: Record<string, string>; associations?: { to: { id: string }; types: { associationTypeId: number }[] }[] }[]; idProperty?: string; properties?: string[]; filterGroups?: { filters: { propertyName: string; operator: string; value?: string; values?: string[] }[] }[] };
    switch (operation.operationId) {
      case 'listContacts':
        return { status: 200, body: { results: [...objects.values()].slice(0, 1).map((record) => publicObject(record)) } };
      case 'batchReadContacts': {
        const found: HubSpotRecord[] = [];
        const missing: string[] = [];
        for (const { id } of input.inputs ?? []) {
          const record = input.idProperty === 'email' ? [...objects.values()].find((candidate) => candidate.properties.email === id) : objects.get(id!);
          if (record) found.push(record);
          else missing.push(id!);
        }
        const errors = missing.length ? [{ status: 'error', category: 'OBJECT_NOT_FOUND', message: 'Could not get some CONTACT objects', context: { ids: missing } }] : [];
        return { status: missing.length ? 207 : 200, body: batch(found.map((record) => publicObject(record, input.properties)), errors) };
      }
      case 'batchCreateObjects': {
        if (objectType === 'contacts') {
          const duplicate = (input.inputs ?? []).find((item) => item.properties?.email && [...objects.values()].some((record) => record.properties.email === item.properties!.email));
          if (duplicate) return { status: 409, body: { status: 'error', message: `Contact already exists. Existing email: ${duplicate.properties!.email}`, category: 'CONFLICT' } };
        }
        const created = (input.inputs ?? []).map((item) => {
          const record: HubSpotRecord = {
            id: String(nextId++),
            properties: { ...item.properties },
            associations: (item.associations ?? []).map((association) => ({ to: association.to.id, typeId: association.types[0]!.associationTypeId })),
            archived: false,
          };
          objects.set(record.id, record);
          return record;
        });
        // HubSpot promises no order: answer in reverse, so adapters must match results back.
        return { status: 201, body: batch(created.reverse().map((record) => publicObject(record))) };
      }
      case 'batchUpdateObjects': {
        const missing = (input.inputs ?? []).filter((item) => !objects.has(item.id!));
        if (missing.length) return { status: 404, body: { status: 'error', message: `Object not found: ${missing.map((item) => item.id).join(', ')}`, category: 'OBJECT_NOT_FOUND' } };
        const updated = (input.inputs ?? []).map((item) => {
          const record = objects.get(item.id!)!;
          Object.assign(record.properties, item.properties);
          return record;
        });
        return { status: 200, body: batch(updated.map((record) => publicObject(record))) };
      }
      case 'batchArchiveObjects':
        for (const { id } of input.inputs ?? []) {
          const record = objects.get(id!);
          if (record) record.archived = true;
        }
        return { status: 204 };
      case 'batchAssociateDefault': {
        const activities = hubspot.objects[path.split('/')[4]!]!;
        const pairs = (input.inputs ?? []) as unknown as { from: { id: string }; to: { id: string } }[];
        const missing = pairs.filter((pair) => !activities.has(pair.from.id) || !hubspot.objects.contacts!.has(pair.to.id));
        if (missing.length) return { status: 400, body: { status: 'error', message: `No such objects: ${missing.map((pair) => `${pair.from.id}->${pair.to.id}`).join(', ')}`, category: 'VALIDATION_ERROR' } };
        const typeId = HUBSPOT_ASSOCIATION_TO_CONTACT[path.split('/')[4]!]!;
        for (const pair of pairs) {
          const record = activities.get(pair.from.id)!;
          if (!record.associations.some((association) => association.to === pair.to.id)) record.associations.push({ to: pair.to.id, typeId });
        }
        return {
          status: 200,
          body: batch(pairs.map((pair) => ({ from: pair.from, to: pair.to, associationSpec: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId } }))),
        };
      }
      case 'batchArchiveAssociations': {
        const activities = hubspot.objects[path.split('/')[4]!]!;
        for (const pair of (input.inputs ?? []) as unknown as { from: { id: string }; to: { id: string }[] }[]) {
          const record = activities.get(pair.from.id);
          if (record) record.associations = record.associations.filter((association) => !pair.to.some((to) => to.id === association.to));
        }
        return { status: 204 };
      }
      case 'searchObjects': {
        const groups = input.filterGroups ?? [];
        const matches = [...objects.values()].filter(
          (record) =>
            !record.archived &&
            groups.some((group) =>
              group.filters.every((filter) => {
                if (filter.propertyName === 'associations.contact') return record.associations.some((association) => association.to === filter.value);
                const value = record.properties[filter.propertyName];
                if (filter.operator === 'IN') return value !== undefined && (filter.values ?? []).includes(value);
                if (filter.operator === 'EQ') return value !== undefined && (value === filter.value || Date.parse(value) === Number(filter.value));
                return false;
              }),
            ),
        );
        return { status: 200, body: { total: matches.length, results: matches.map((record) => publicObject(record, input.properties)) } };
      }
      default:
        mock.violations.push(`mock has no answer for ${operation.operationId}`);
        return { status: 501, body: { message: 'not in mock' } };
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  mock.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return mock;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    request.on('data', (part: Buffer) => parts.push(part));
    request.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, payload?: unknown, headers: Record<string, string> = {}): void {
  const text = payload === undefined || status === 204 ? '' : JSON.stringify(payload);
  response.writeHead(status, { ...(text ? { 'content-type': 'application/json' } : {}), ...headers });
  response.end(text);
}
