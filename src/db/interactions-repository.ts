import Dexie from 'dexie';
import type { MarginDb } from './database';
import type { Interaction } from './schemas';

export const DEFAULT_TIMELINE_LIMIT = 200;

/** A contact's interactions, newest first, read straight off the `[contactId+at]` index. */
export function listTimeline(
  db: MarginDb,
  contactId: string,
  { limit = DEFAULT_TIMELINE_LIMIT }: { limit?: number } = {},
): Promise<Interaction[]> {
  return db.interactions
    .where('[contactId+at]')
    .between([contactId, Dexie.minKey], [contactId, Dexie.maxKey])
    .reverse()
    .limit(limit)
    .toArray();
}

export function getInteraction(db: MarginDb, id: string): Promise<Interaction | undefined> {
  return db.interactions.get(id);
}

export async function addInteraction(db: MarginDb, interaction: Interaction): Promise<Interaction> {
  await db.interactions.add(interaction);
  return interaction;
}
