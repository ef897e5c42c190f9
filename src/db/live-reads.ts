import type { Identities } from '../identity/identities-of-person';
import type { SettingDefinition } from '../model/define-setting';
import type { PersonActivity } from '../model/person-activity';
import type { Contact, Interaction } from '../model/schemas';
import { findContactByIdentity } from './contacts-repository';
import type { MarginDb } from './database';
import { listContactInteractions, listTimelinePage } from './interactions-repository';
import { allOwnAddresses } from './own-addresses-repository';
import { getSetting } from './settings-repository';

/** A query-cache key: what identifies one read's result (query-core's QueryKey, without importing it here). */
export type ReadKey = readonly unknown[];

/**
 * A read the extension pages keep live through the query cache (`useDbRead`), defined once: its
 * cache key and the read itself. The sidebar's first-screen reads are also run ahead by the
 * background (src/db/first-screen.ts) with the same definitions, and the sidebar seeds its cache
 * under these keys, so a key the background answers for is the key a component asks for.
 */
export interface LiveRead<Args extends readonly unknown[], T> {
  /** The first element of every key this read makes. */
  readonly name: string;
  key(...args: Args): ReadKey;
  read(db: MarginDb, ...args: Args): Promise<T>;
}

function liveRead<Args extends readonly unknown[], T>(name: string, read: (db: MarginDb, ...args: Args) => Promise<T>): LiveRead<Args, T> {
  return { name, key: (...args) => [name, ...args], read };
}

/** How many of the latest items the first screen shows; the timeline below has the rest. */
export const RECENT_ITEMS = 3;

/** Every address of the user's (PageView applies them before picking the person). */
export const OWN_ADDRESSES_READ = liveRead('own-addresses', (db) => allOwnAddresses(db));

/** The contact a page's person is, by the identities the page shows; null when Margin does not know them. */
export const CONTACT_BY_IDENTITY_READ = liveRead(
  'contact-by-identity',
  async (db, identities: Identities): Promise<Contact | null> => (await findContactByIdentity(db, identities)) ?? null,
);

/** The person's activity row (score, surge); null, not undefined, when there is none: the cache keeps no undefined. */
export const PERSON_ACTIVITY_READ = liveRead(
  'person-activity',
  async (db, contactId: string): Promise<PersonActivity | null> => (await db.activity.get(contactId)) ?? null,
);

/** "Latest": the newest few items of a person, newest first. */
export const RECENT_ACTIVITY_READ = liveRead('recent-activity', (db, contactId: string): Promise<Interaction[]> =>
  listTimelinePage(db, contactId, { limit: RECENT_ITEMS }),
);

/** Every interaction of a person, oldest first (the score from history, its explanation). */
export const CONTACT_INTERACTIONS_READ = liveRead('contact-interactions', (db, contactId: string) => listContactInteractions(db, contactId));

/** A setting's value (its fallback when unset or no longer valid); the key holds the setting's key, not the definition. */
export const SETTING_READ = {
  name: 'setting',
  key: <T>(setting: SettingDefinition<T>): ReadKey => ['setting', setting.key],
  read: <T>(db: MarginDb, setting: SettingDefinition<T>): Promise<T> => getSetting(db, setting),
} as const;
