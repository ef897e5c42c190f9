import { emailLookupKeys, identitiesOfPerson, linkedInLookupKeys, withLinkedInIds, type Identities } from '../identity/identities-of-person';
import type { PersonOnPage } from '../model/page-context';
import type { MarginDb } from './database';
import { newId } from './ids';
import { InputRejectedError } from './input-rejected-error';
import { uniqueIgnoringCase } from './unique-ignoring-case';
import type { Contact, Interaction, Stage } from '../model/schemas';

/**
 * The contact holding any of these addresses or LinkedIn ids. Names never match: two people can
 * share one, and a wrong merge is worse than a duplicate. When several contacts match (a duplicate
 * the user has not merged yet), the oldest wins so the answer does not change between calls.
 */
export async function findContactByIdentity(
  db: MarginDb,
  identities: Partial<Identities>,
): Promise<Contact | undefined> {
  // Canonical forms, plus the spellings older rows may hold (Gmail dots and +tags, lower-cased member ids).
  const linkedinIds = linkedInLookupKeys(identities.linkedinIds ?? []);
  const emails = emailLookupKeys(identities.emails ?? []);
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
  const updated: Contact = {
    ...withWhatThePageShows(contact, person, now),
    name: contact.name.trim() ? contact.name : person.name,
  };
  await db.contacts.put(updated);
  return updated;
}

/**
 * The contact with the identities the page shows that it lacks, and company/title/location
 * filled only where empty: what the user typed beats what a page shows.
 */
export function withWhatThePageShows(contact: Contact, person: PersonOnPage, now: number): Contact {
  const seen = identitiesOfPerson(person);
  return {
    ...contact,
    emails: [...new Set([...contact.emails, ...seen.emails])],
    linkedinIds: withLinkedInIds(contact.linkedinIds, seen.linkedinIds),
    ...(!contact.company?.trim() && person.company ? { company: person.company } : {}),
    ...(!contact.title?.trim() && person.headline ? { title: person.headline } : {}),
    ...(!contact.location?.trim() && person.location ? { location: person.location } : {}),
    updatedAt: Math.max(contact.updatedAt, now),
  };
}

/** Most recently touched first. */
export function listContacts(db: MarginDb, { limit }: { limit: number }): Promise<Contact[]> {
  return db.contacts.orderBy('updatedAt').reverse().limit(limit).toArray();
}

export function countContacts(db: MarginDb): Promise<number> {
  return db.contacts.count();
}

/**
 * Moves a contact to another lifecycle stage and puts the change on their timeline with its
 * reason, in one transaction. Used for changes made by hand and for accepted suggestions.
 * Entering At-Risk remembers the stage it left, so a recovery can suggest it back.
 */
export async function changeStage(
  db: MarginDb,
  change: { contactId: string; to: Stage; reason?: string; author?: string; now: number },
): Promise<Interaction> {
  return db.transaction('rw', db.contacts, db.interactions, async () => {
    const contact = await db.contacts.get(change.contactId);
    if (!contact) throw new InputRejectedError('That contact no longer exists.');
    if (contact.stage === change.to) throw new InputRejectedError(`${contact.name} is already ${change.to}.`);
    const reason = change.reason?.trim();
    const interaction: Interaction = {
      id: newId(),
      contactId: contact.id,
      at: change.now,
      kind: 'stage-change',
      stageChange: { from: contact.stage, to: change.to, ...(reason ? { reason } : {}) },
      ...(change.author ? { author: change.author } : {}),
      source: { site: 'margin' },
      createdAt: change.now,
      updatedAt: change.now,
    };
    await db.contacts.put({
      ...contact,
      stage: change.to,
      ...(change.to === 'At-Risk' ? { previousStage: contact.stage } : {}),
      updatedAt: Math.max(contact.updatedAt, change.now),
    });
    await db.interactions.add(interaction);
    return interaction;
  });
}

/** Replaces a contact's tags (trimmed, de-duplicated case-insensitively, first spelling kept). */
export async function setContactTags(db: MarginDb, contactId: string, tags: readonly string[], now: number): Promise<void> {
  const cleaned = uniqueIgnoringCase(tags);
  if (cleaned.some((tag) => tag.length > 100)) throw new InputRejectedError('A tag can be at most 100 characters long.');
  if (cleaned.length > 50) throw new InputRejectedError('A contact can have at most 50 tags.');
  await db.contacts.update(contactId, { tags: cleaned, updatedAt: now });
}

/**
 * Sets one custom field of a contact (already validated against its definition), reading the
 * other fields inside the same transaction: two quick edits, or two tabs, each keep their field.
 * `null` clears it. The key is a user-side name, so the map is copied, never assigned into by path.
 */
export async function setContactCustomField(
  db: MarginDb,
  contactId: string,
  fieldId: string,
  value: Contact['customFields'][string],
  now: number,
): Promise<void> {
  await db.transaction('rw', db.contacts, async () => {
    const contact = await db.contacts.get(contactId);
    if (!contact) throw new InputRejectedError('That contact no longer exists.');
    const customFields = Object.fromEntries([...Object.entries(contact.customFields).filter(([key]) => key !== fieldId), [fieldId, value]]);
    await db.contacts.put({ ...contact, customFields, updatedAt: now });
  });
}
