import Dexie, { type EntityTable, type Transaction } from 'dexie';
import { checkRowsMiddleware } from './check-rows';
import { repairMemberIdCase } from './repair-member-id-case';
import { fillPersonActivity } from './fill-person-activity';
import type { PersonActivity } from '../model/person-activity';
import type { Contact, Draft, Interaction, Setting, StageSuggestion, Task, UndoRecord } from '../model/schemas';
import type { CrmLink } from '../model/crm-link';
import type { OutboxEntry, SyncStateRow } from './sync-schemas';
import { outboxMiddleware } from './outbox-middleware';

/**
 * One entry per schema version, oldest first. A later version appends
 * `{ version: 2, stores: {...}, upgrade: pureFn }`; existing entries never change, because
 * browsers out there hold databases at every earlier version.
 */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (transaction: Transaction) => Promise<void> | void;
}

/** The version whose upgrade repairs lower-cased member ids (its test opens the version before). */
export const MEMBER_ID_REPAIR_VERSION = 5;
/** The version that adds the per-person `activity` table and fills it (its test opens the version before). */
export const PERSON_ACTIVITY_VERSION = 6;

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      contacts: 'id, *emails, *linkedinIds, stage, updatedAt, name',
      interactions: 'id, contactId, [contactId+at], at, source.messageId, updatedAt',
      tasks: 'id, contactId, [status+due]',
      settings: 'key',
    },
  },
  {
    // Adds drafts, stage suggestions and undo records, and indexes the cached score.
    // No row changes shape: the new contact/interaction/task fields are all optional.
    version: 2,
    stores: {
      contacts: 'id, *emails, *linkedinIds, stage, updatedAt, name, score',
      drafts: 'key, updatedAt',
      suggestions: 'id, contactId, [contactId+status], status',
      undo: 'id, createdAt',
    },
  },
  {
    // Indexes interactions by kind and time, so note-text search walks notes only, newest first.
    // Contacts gain optional cached fields (lastTouchAt, lastSentiment, surge), filled by the next
    // score recompute; until then the dashboard reads those contacts' own interactions. No row
    // changes shape, so no upgrade function.
    version: 3,
    stores: {
      interactions: 'id, contactId, [contactId+at], at, source.messageId, updatedAt, [kind+at]',
    },
  },
  {
    // The live sync to a CRM: the outbox (one entry per changed row), the CRM id of each synced
    // row, and the connection and worker state. New tables only, so no upgrade function.
    version: 4,
    stores: {
      outbox: 'key, dueAt, contactId, changedAt',
      crmLinks: 'key, contactId',
      syncState: 'key',
    },
  },
  {
    // Member ids keep their case: ids stored lower-cased are repaired where their right spelling
    // is stored too, and the contacts that then turn out to be one person are merged (undoable).
    version: MEMBER_ID_REPAIR_VERSION,
    stores: {},
    upgrade: (transaction) => repairMemberIdCase(transaction),
  },
  {
    // Derived data kept by the writes: one row per contact with the score's decaying sum and its
    // reference time and what the stage rules read (PersonActivity), filled here from the stored
    // interactions, so the daily job and the stage rules never read a person's history.
    version: PERSON_ACTIVITY_VERSION,
    stores: { activity: 'contactId' },
    upgrade: (transaction) => fillPersonActivity(transaction),
  },
];

export const DEFAULT_DB_NAME = 'margin';

/** The database was upgraded by a newer Margin than this one. */
export class NewerDatabaseError extends Error {
  override name = 'NewerDatabaseError';
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(`The database is at schema version ${found}; this Margin knows versions up to ${known}.`);
  }
}

export interface CreateDbOptions {
  name?: string;
  /** For tests and non-browser runtimes; the browser's own IndexedDB is used otherwise. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

export class MarginDb extends Dexie {
  contacts!: EntityTable<Contact, 'id'>;
  interactions!: EntityTable<Interaction, 'id'>;
  tasks!: EntityTable<Task, 'id'>;
  settings!: EntityTable<Setting, 'key'>;
  drafts!: EntityTable<Draft, 'key'>;
  suggestions!: EntityTable<StageSuggestion, 'id'>;
  undo!: EntityTable<UndoRecord, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'key'>;
  crmLinks!: EntityTable<CrmLink, 'key'>;
  syncState!: EntityTable<SyncStateRow, 'key'>;
  activity!: EntityTable<PersonActivity, 'contactId'>;

  constructor(name: string, dependencies: Pick<CreateDbOptions, 'indexedDB' | 'IDBKeyRange'> = {}) {
    // No cache of query results: Dexie's cache hands out copies made by assigning each key to a
    // fresh object, and a user-named key `__proto__` (a template or custom field) assigned that
    // way becomes a prototype instead of a value, so a live query would silently drop it
    // (issue 13, finding 6). Reads go to IndexedDB, as they did before Dexie 4.
    super(name, { ...dependencies, cache: 'disabled' });
    for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
    // Every write to contacts, interactions and tasks adds its outbox entry in the same
    // transaction, whichever code path made it (see outbox-middleware.ts).
    this.use(outboxMiddleware);
    // Every row is checked against its table's schema (check-rows.ts) before anything else sees it.
    this.use(checkRowsMiddleware);
    // Dexie opens a database a newer Margin upgraded (adding any table or index this Margin
    // declares but it lacks, never touching rows); this Margin would then write rows of its own,
    // older shape into tables whose meaning it does not know. It refuses instead and writes
    // nothing (describeStorageError tells the user to update).
    const newestKnown = Math.max(...SCHEMA_VERSIONS.map((entry) => entry.version));
    this.on('ready', (db) => {
      // Dexie stores version × 10 (plus any schema patches it made); verno is only what we declared.
      const installed = Math.floor(db.backendDB().version / 10);
      if (installed > newestKnown) {
        db.close();
        throw new NewerDatabaseError(installed, newestKnown);
      }
    });
  }
}

/** Dexie opens lazily on the first query, so creating a database touches no storage. */
export function createDb(options: CreateDbOptions = {}): MarginDb {
  const { name = DEFAULT_DB_NAME, indexedDB, IDBKeyRange } = options;
  return new MarginDb(name, {
    ...(indexedDB ? { indexedDB } : {}),
    ...(IDBKeyRange ? { IDBKeyRange } : {}),
  });
}
