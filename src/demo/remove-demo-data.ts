import type { MarginDb } from '../db/database';
import { deleteContact } from '../actions/delete-contact';

/** Every demo contact's id starts with this (see `buildDemoData`); no real contact's does. */
export const DEMO_CONTACT_ID_PREFIX = 'demo-contact-';

export function countDemoContacts(db: MarginDb): Promise<number> {
  return db.contacts.where('id').startsWith(DEMO_CONTACT_ID_PREFIX).count();
}

/**
 * Removes the demo people and everything about them (their history, follow-ups, suggestions,
 * drafts and any notes the user added to them), the same way "Delete contact" does; the user's
 * own contacts are untouched.
 */
export async function removeDemoData(db: MarginDb): Promise<{ contacts: number }> {
  const ids = await db.contacts.where('id').startsWith(DEMO_CONTACT_ID_PREFIX).primaryKeys();
  for (const id of ids) await deleteContact(db, id);
  return { contacts: ids.length };
}
