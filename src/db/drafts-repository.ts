import { identitiesOfPerson } from '../identity/identities-of-person';
import type { PersonOnPage } from '../model/page-context';
import type { MarginDb } from './database';
import type { Contact, Draft } from '../model/schemas';

/**
 * The key a person's draft is kept under: their first normalised address, else their LinkedIn
 * id. It exists before the person is a contact, so the very first note is never lost either.
 */
export function draftKeyOfPerson(person: PersonOnPage): string | undefined {
  const { emails, linkedinIds } = identitiesOfPerson(person);
  if (emails[0]) return `email:${emails[0]}`;
  if (linkedinIds[0]) return `linkedin:${linkedinIds[0]}`;
  return undefined;
}

/** Every key a draft about this contact could be kept under (one per identity). */
export function draftKeyOfContact(contact: Pick<Contact, 'emails' | 'linkedinIds'>): string[] {
  return [...contact.emails.map((email) => `email:${email}`), ...contact.linkedinIds.map((id) => `linkedin:${id}`)];
}

export function getDraft(db: MarginDb, key: string): Promise<Draft | undefined> {
  return db.drafts.get(key);
}

/**
 * Written on every keystroke, and the tab may close right after one. IndexedDB commits a
 * transaction only once the put's answer has come back to the page, which a closing (or busy)
 * tab may never see: the write is then lost. Asking for the commit with the put sends both at
 * once, so the database finishes the write whatever happens to the page.
 */
export async function saveDraft(db: MarginDb, draft: Draft): Promise<void> {
  await db.transaction('rw', db.drafts, async (transaction) => {
    const written = transaction.drafts.put(draft);
    transaction.idbtrans.commit();
    await written;
  });
}

export async function deleteDraft(db: MarginDb, key: string): Promise<void> {
  await db.drafts.delete(key);
}
