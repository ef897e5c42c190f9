import Dexie, { type Table, type Transaction } from 'dexie';
import * as z from 'zod/mini';
import { summariseActivity } from '../metrics/person-activity';
import { DEFAULT_SCORE_SETTINGS, SCORE_SETTINGS, type ScoreSettings } from '../metrics/score-settings';
import type { PersonActivity } from '../model/person-activity';
import type { Contact, Interaction } from '../model/schemas';

/** Contacts per read while the upgrade fills the table: one range of `[contactId+at]` each. */
const FILL_BATCH = 1_000;

/**
 * Pure: every contact's activity row at `now` from their interactions (any order, any contacts).
 * A contact with no interactions gets a row too (a zero sum), so the daily job never reads them.
 */
export function personActivityRows(
  contactIds: readonly string[],
  interactions: readonly Interaction[],
  now: number,
  settings: ScoreSettings,
): PersonActivity[] {
  const byContact = new Map<string, Interaction[]>(contactIds.map((id) => [id, []]));
  for (const interaction of interactions) byContact.get(interaction.contactId)?.push(interaction);
  return [...byContact].map(([contactId, rows]) => summariseActivity(contactId, rows, now, settings));
}

/**
 * Schema v6's upgrade: fills the `activity` table (one row per contact, see PersonActivity) from
 * the interactions already stored, with the user's score settings, a thousand contacts at a time.
 */
export async function fillPersonActivity(transaction: Transaction, now: number = Date.now()): Promise<void> {
  const stored = (await transaction.table('settings').get(SCORE_SETTINGS.key)) as { value?: unknown } | undefined;
  const parsed = z.safeParse(SCORE_SETTINGS.schema, stored?.value);
  const settings = parsed.success ? parsed.data : DEFAULT_SCORE_SETTINGS;
  const contacts = transaction.table('contacts') as Table<Contact, string>;
  const interactions = transaction.table('interactions') as Table<Interaction, string>;
  const activity = transaction.table('activity') as Table<PersonActivity, string>;
  let after: string | undefined;
  for (;;) {
    const ids = (await (after === undefined ? contacts.orderBy(':id') : contacts.where(':id').above(after)).limit(FILL_BATCH).primaryKeys()) as string[];
    const first = ids[0];
    const last = ids.at(-1);
    if (first === undefined || last === undefined) return;
    const rows = await interactions.where('[contactId+at]').between([first, Dexie.minKey], [last, Dexie.maxKey], true, true).toArray();
    await activity.bulkPut(personActivityRows(ids, rows, now, settings));
    if (ids.length < FILL_BATCH) return;
    after = last;
  }
}
