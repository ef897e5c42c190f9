import * as z from 'zod/mini';
import { applyOwnAddresses } from '../identity/apply-own-addresses';
import { shownIdentitiesOfPerson } from '../identity/identities-of-person';
import { activityHolds, scoreSettingsKey } from '../metrics/person-activity';
import { SCORE_SETTINGS } from '../metrics/score-settings';
import type { PageContext } from '../model/page-context';
import { personActivitySchema } from '../model/person-activity';
import { contactSchema, interactionSchema } from '../model/schemas';
import type { MarginDb } from './database';
import {
  CONTACT_BY_IDENTITY_READ,
  CONTACT_INTERACTIONS_READ,
  OWN_ADDRESSES_READ,
  PERSON_ACTIVITY_READ,
  RECENT_ACTIVITY_READ,
  RECENT_ITEMS,
  SETTING_READ,
  type ReadKey,
} from './live-reads';

/** One read the first screen makes, already made: its cache key and its result. */
export interface FirstScreenEntry {
  key: ReadKey;
  data: unknown;
}

/**
 * What the sidebar's first screen reads for a page, read by the background (which has the
 * database open) so the sidebar can paint it before it has loaded Dexie: the same reads, with the
 * same keys (src/db/live-reads.ts), in the order the components make them.
 *
 * PageView reads the user's own addresses and applies them; the person it then shows by default is
 * the applied context's person. For that person PersonPanel looks the contact up; for a contact
 * the header's score (useEngagement) reads the score settings and the activity row, and the whole
 * history only when the row cannot say (no row, other settings, an item dated ahead now counts);
 * "Latest" reads the newest items. Nothing else is on the first screen (the rest waits for
 * `useSettled`), so nothing else is read here.
 */
export async function readFirstScreen(db: MarginDb, context: PageContext, now = Date.now()): Promise<FirstScreenEntry[]> {
  const entries: FirstScreenEntry[] = [];
  const own = await OWN_ADDRESSES_READ.read(db);
  entries.push({ key: OWN_ADDRESSES_READ.key(), data: own });

  const person = applyOwnAddresses(context, own).person;
  if (!person) return entries;
  const identities = shownIdentitiesOfPerson(person);
  const contact = await CONTACT_BY_IDENTITY_READ.read(db, identities);
  entries.push({ key: CONTACT_BY_IDENTITY_READ.key(identities), data: contact });
  if (!contact) return entries;

  const [settings, activity, recent] = await Promise.all([
    SETTING_READ.read(db, SCORE_SETTINGS),
    PERSON_ACTIVITY_READ.read(db, contact.id),
    RECENT_ACTIVITY_READ.read(db, contact.id),
  ]);
  entries.push(
    { key: SETTING_READ.key(SCORE_SETTINGS), data: settings },
    { key: PERSON_ACTIVITY_READ.key(contact.id), data: activity },
    { key: RECENT_ACTIVITY_READ.key(contact.id), data: recent },
  );
  if (!activity || !activityHolds(activity, now, scoreSettingsKey(settings))) {
    entries.push({ key: CONTACT_INTERACTIONS_READ.key(contact.id), data: await CONTACT_INTERACTIONS_READ.read(db, contact.id) });
  }
  return entries;
}

const contactIdSchema = z.string().check(z.minLength(1));

/** Each entry the sidebar accepts: a key one of the first screen's reads makes, with a result of that read's shape. */
const firstScreenEntrySchema = z.union([
  z.object({ key: z.tuple([z.literal(OWN_ADDRESSES_READ.name)]), data: z.array(z.string()) }),
  z.object({
    key: z.tuple([z.literal(CONTACT_BY_IDENTITY_READ.name), z.object({ emails: z.array(z.string()), linkedinIds: z.array(z.string()) })]),
    data: z.nullable(contactSchema),
  }),
  z.object({ key: z.tuple([z.literal(SETTING_READ.name), z.literal(SCORE_SETTINGS.key)]), data: SCORE_SETTINGS.schema }),
  z.object({ key: z.tuple([z.literal(PERSON_ACTIVITY_READ.name), contactIdSchema]), data: z.nullable(personActivitySchema) }),
  z.object({ key: z.tuple([z.literal(RECENT_ACTIVITY_READ.name), contactIdSchema]), data: z.array(interactionSchema).check(z.maxLength(RECENT_ITEMS)) }),
  z.object({ key: z.tuple([z.literal(CONTACT_INTERACTIONS_READ.name), contactIdSchema]), data: z.array(interactionSchema) }),
]);

/**
 * The background's first-screen entries as the sidebar may use them: each checked against the
 * schema of the read its key names. An entry that does not fit (a row an older version stored,
 * anything malformed) is left out, so that read waits for the database instead of showing it.
 */
export function parseFirstScreen(raw: unknown): FirstScreenEntry[] {
  if (!Array.isArray(raw)) return [];
  const accepted: FirstScreenEntry[] = [];
  for (const entry of raw) {
    const parsed = z.safeParse(firstScreenEntrySchema, entry);
    if (parsed.success) accepted.push(parsed.data);
    else console.warn('[margin] left out a first-screen entry that does not fit its read:', parsed.error.issues[0]?.message);
  }
  return accepted;
}
