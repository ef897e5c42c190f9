import type { MarginDb } from './database';
import type { Contact, Interaction } from '../model/schemas';

export interface Rows {
  contacts: Contact[];
  interactions: Interaction[];
}

/**
 * Stores whole rows (demo data now; a restored backup later) in one transaction: either every
 * row lands or none does. Rows with an id already present are replaced, so storing the same
 * rows twice leaves one copy.
 */
export async function storeRows(db: MarginDb, rows: Rows): Promise<{ contacts: number; interactions: number }> {
  await db.transaction('rw', db.contacts, db.interactions, async () => {
    await db.contacts.bulkPut(rows.contacts);
    await db.interactions.bulkPut(rows.interactions);
  });
  return { contacts: rows.contacts.length, interactions: rows.interactions.length };
}
