import { normaliseIdentities, identitiesOfPerson, type Identities } from '../identity/identities-of-person';
import type { PersonOnPage } from '../page-context/page-context';
import type { MarginDb } from './database';
import { newId } from './ids';
import type { Contact } from './schemas';

/**
 * The contact holding any of these addresses or LinkedIn ids. Names never match: two people can
 * share one, and a wrong merge is worse than a duplicate. When several contacts match (a duplicate
 * the user has not merged yet), the oldest wins so the answer does not change between calls.
 */
export async function findContactByIdentity(
  db: MarginDb,
  identities: Partial<Identities>,
): Promise<Contact | undefined> {
  const { emails, linkedinIds } = normaliseIdentities(identities);
  const [byEmail, byLinkedIn] = await Promise.all([
    emails.length > 0 ? db.contacts.where('emails').anyOf(emails).toArray() : [],
    linkedinIds.length > 0 ? db.contacts.where('linkedinIds').anyOf(linkedinIds).toArray() : [],
  ]);
  return [...byEmail, ...byLinkedIn].sort(oldestFirst)[0];
}

function oldestFirst(a: Contact, b: Contact): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function getContact(db: MarginDb, id: string): Promise<Contact | undefined> {
  return db.contacts.get(id);
}

/** A new contact at the start of the lifecycle, with what the page showed about them. */
export async function createContactFromPerson(
  db: MarginDb,
  person: PersonOnPage,
  now: number,
): Promise<Contact> {
  const contact: Contact = {
    id: newId(),
    name: person.name,
    ...identitiesOfPerson(person),
    ...(person.company ? { company: person.company } : {}),
    ...(person.headline ? { title: person.headline } : {}),
    ...(person.location ? { location: person.location } : {}),
    stage: 'Awareness',
    tags: [],
    customFields: {},
    createdAt: now,
    updatedAt: now,
  };
  await db.contacts.add(contact);
  return contact;
}

/**
 * Records that the user just dealt with this contact: bumps updatedAt, adds identities the page
 * shows that the contact lacks, and fills company/title/location only where they are empty.
 * Never overwrites a field: what the user typed beats what a page shows.
 */
export async function updateContactFromPerson(
  db: MarginDb,
  contact: Contact,
  person: PersonOnPage,
  now: number,
): Promise<Contact> {
  const seen = identitiesOfPerson(person);
  const updated: Contact = {
    ...contact,
    name: contact.name.trim() ? contact.name : person.name,
    emails: [...new Set([...contact.emails, ...seen.emails])],
    linkedinIds: [...new Set([...contact.linkedinIds, ...seen.linkedinIds])],
    ...(!contact.company?.trim() && person.company ? { company: person.company } : {}),
    ...(!contact.title?.trim() && person.headline ? { title: person.headline } : {}),
    ...(!contact.location?.trim() && person.location ? { location: person.location } : {}),
    updatedAt: Math.max(contact.updatedAt, now),
  };
  await db.contacts.put(updated);
  return updated;
}

/** Most recently touched first. */
export function listContacts(db: MarginDb, { limit }: { limit: number }): Promise<Contact[]> {
  return db.contacts.orderBy('updatedAt').reverse().limit(limit).toArray();
}

export function countContacts(db: MarginDb): Promise<number> {
  return db.contacts.count();
}
