import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { Contact, Interaction, InteractionKind, Task } from '../model/schemas';
import type { SyncedEntity } from '../model/crm-link';
import { ENTITY_OF_TABLE, outboxKey, type OutboxEntry, type SyncConnection } from './sync-schemas';

/**
 * The outbox is written by the database itself: every write to contacts, interactions or tasks,
 * whichever use case made it (a note, a capture, an edit, a stage change, a follow-up, a merge,
 * an import, an undo), adds its outbox entry in the same IndexedDB transaction, so a change and
 * its entry are stored together or not at all. A use case cannot forget to enqueue.
 *
 * Only while a CRM is connected (the `connection` row of syncState), and only when a field the
 * CRM gets changed: recomputing a score or marking a reminder as shown sends nothing.
 */

/** Interactions a CRM keeps: notes and conversations. Page views and Margin's stage changes are not sent. */
export const SYNCED_INTERACTION_KINDS: ReadonlySet<InteractionKind> = new Set([
  'note',
  'call',
  'meeting',
  'email-in',
  'email-out',
  'linkedin-message-in',
  'linkedin-message-out',
]);

/** The fields of a row a CRM sees; a write that changes none of them is not sent. */
function syncedFields(entity: SyncedEntity, row: unknown): string | undefined {
  if (!row) return undefined;
  switch (entity) {
    case 'contact': {
      const { name, emails, linkedinIds, company, title, stage, previousStage } = row as Contact;
      return JSON.stringify([name, emails, linkedinIds, company, title, stage, previousStage]);
    }
    case 'interaction': {
      const interaction = row as Interaction;
      if (!SYNCED_INTERACTION_KINDS.has(interaction.kind)) return undefined;
      const { contactId, at, kind, sentiment, objection, emotion, nextStep, body, tags, subject, templateFields, author } = interaction;
      return JSON.stringify([contactId, at, kind, sentiment, objection, emotion, nextStep, body, tags, subject, templateFields, author]);
    }
    case 'task': {
      const { contactId, title, due, status } = row as Task;
      return JSON.stringify([contactId, title, due, status]);
    }
  }
}

function contactIdOf(entity: SyncedEntity, row: unknown): string {
  return entity === 'contact' ? (row as Contact).id : (row as Interaction | Task).contactId;
}

const SYNC_TABLES = ['outbox', 'syncState'];

export const outboxMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'margin-outbox',
  create(down) {
    const synced = (stores: readonly string[]) => stores.some((store) => store in ENTITY_OF_TABLE);
    return {
      ...down,
      transaction(stores, mode, options) {
        // The outbox and the connection row join every write transaction of a synced table.
        const extended = mode === 'readwrite' && synced(stores) ? [...new Set([...stores, ...SYNC_TABLES])] : stores;
        return down.transaction(extended, mode, options);
      },
      table(name) {
        const table = down.table(name);
        const entity = ENTITY_OF_TABLE[name];
        if (!entity) return table;
        return {
          ...table,
          async mutate(request) {
            const connection = (await down.table('syncState').get({ trans: request.trans, key: 'connection' })) as
              | { value: SyncConnection }
              | undefined;
            if (!connection) return table.mutate(request);
            const keys = await keysOf(table, request);
            const before = await table.getMany({ trans: request.trans, keys });
            const response = await table.mutate(request);
            const after = request.type === 'put' || request.type === 'add' ? request.values : keys.map(() => undefined);
            await enqueue(down, request.trans, entity, keys, before, after, response.failures);
            return response;
          },
        };
      },
    };
  },
};

async function keysOf(table: DBCoreTable, request: DBCoreMutateRequest): Promise<unknown[]> {
  switch (request.type) {
    case 'add':
    case 'put':
      return request.keys ?? request.values.map((value: { id: string }) => value.id);
    case 'delete':
      return request.keys;
    case 'deleteRange': {
      const found = await table.query({ trans: request.trans, values: false, query: { index: table.schema.primaryKey, range: request.range } });
      return found.result;
    }
  }
}

async function enqueue(
  down: DBCore,
  trans: DBCoreTransaction,
  entity: SyncedEntity,
  keys: readonly unknown[],
  before: readonly unknown[],
  after: readonly unknown[],
  failures: Record<number, Error>,
): Promise<void> {
  const now = Date.now();
  const changes: { localId: string; contactId: string; op: OutboxEntry['op'] }[] = [];
  keys.forEach((key, index) => {
    if (failures[index]) return;
    const was = syncedFields(entity, before[index]);
    const is = syncedFields(entity, after[index]);
    if (was === is) return;
    const localId = String(key);
    if (is !== undefined) changes.push({ localId, contactId: contactIdOf(entity, after[index]), op: 'upsert' });
    // A deleted contact stays in the CRM (the team's record); a deleted note or follow-up goes.
    else if (entity !== 'contact') changes.push({ localId, contactId: contactIdOf(entity, before[index]), op: 'delete' });
  });
  if (changes.length === 0) return;
  const outbox = down.table('outbox');
  const existing = (await outbox.getMany({ trans, keys: changes.map((change) => outboxKey(entity, change.localId)) })) as (OutboxEntry | undefined)[];
  const entries = changes.map((change, index): OutboxEntry => {
    const previous = existing[index];
    return {
      key: outboxKey(entity, change.localId),
      entity,
      localId: change.localId,
      contactId: change.contactId,
      op: change.op,
      changeId: crypto.randomUUID(),
      changedAt: now,
      dueAt: now,
      attempts: 0,
      // A create whose answer was lost stays marked, with the person it was sent for: the next
      // attempt must look it up there first, even when the row has moved to another contact since.
      ...(previous?.sentAt !== undefined ? { sentAt: previous.sentAt } : {}),
      ...(previous?.sentToPersonCrmId !== undefined ? { sentToPersonCrmId: previous.sentToPersonCrmId } : {}),
    };
  });
  const written = await outbox.mutate({ type: 'put', trans, values: entries });
  if (written.numFailures > 0) throw written.failures[Object.keys(written.failures)[0] as never];
}
