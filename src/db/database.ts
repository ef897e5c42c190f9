import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { Contact, Interaction, Setting, Task } from './schemas';

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
];

export const DEFAULT_DB_NAME = 'margin';

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

  constructor(name: string, dependencies: Pick<CreateDbOptions, 'indexedDB' | 'IDBKeyRange'> = {}) {
    super(name, dependencies);
    for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
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
