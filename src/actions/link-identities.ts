import { identitiesOfPerson } from '../identity/identities-of-person';
import type { PersonOnPage } from '../model/page-context';
import { findContactByIdentity, withWhatThePageShows } from '../db/contacts-repository';
import type { MarginDb } from '../db/database';
import type { Contact } from '../model/schemas';

export type LinkResult =
  | { status: 'linked'; contact: Contact }
  /** An identity of the person already belongs to another contact: that is a merge, which the user confirms. */
  | { status: 'belongs-to-other'; contact: Contact; other: Contact }
  | { status: 'missing' };

/**
 * Adds the identities the page shows for `person` to an existing contact ("Link to an existing
 * contact", or a confirmed name suggestion). Never takes an identity away from another contact:
 * that would be a silent merge.
 */
export async function linkPersonToContact(db: MarginDb, contactId: string, person: PersonOnPage, now = Date.now()): Promise<LinkResult> {
  return db.transaction('rw', db.contacts, async (): Promise<LinkResult> => {
    const contact = await db.contacts.get(contactId);
    if (!contact) return { status: 'missing' };
    const identities = identitiesOfPerson(person);
    const owner = await findContactByIdentity(db, identities);
    if (owner && owner.id !== contact.id) return { status: 'belongs-to-other', contact, other: owner };
    const updated = withWhatThePageShows(contact, person, now);
    await db.contacts.put(updated);
    return { status: 'linked', contact: updated };
  });
}

export type ConfirmedLinkResult =
  | { status: 'linked'; contact: Contact }
  | { status: 'already-linked' | 'no-contact' }
  /** The address and the profile are two contacts: the sidebar offers to merge them. */
  | { status: 'two-contacts'; byEmail: Contact; byLinkedIn: Contact };

/**
 * A page that itself shows that an address and a LinkedIn profile are one person (the profile's
 * contact-info overlay): the contact holding one gets the other. Two contacts are never merged
 * here; the sidebar asks.
 */
export async function linkConfirmedIdentities(db: MarginDb, person: PersonOnPage, now = Date.now()): Promise<ConfirmedLinkResult> {
  const identities = identitiesOfPerson(person);
  if (identities.emails.length === 0 || identities.linkedinIds.length === 0) return { status: 'no-contact' };
  return db.transaction('rw', db.contacts, async (): Promise<ConfirmedLinkResult> => {
    const byEmail = await findContactByIdentity(db, { emails: identities.emails });
    const byLinkedIn = await findContactByIdentity(db, { linkedinIds: identities.linkedinIds });
    if (byEmail && byLinkedIn && byEmail.id !== byLinkedIn.id) return { status: 'two-contacts', byEmail, byLinkedIn };
    const contact = byEmail ?? byLinkedIn;
    if (!contact) return { status: 'no-contact' };
    const emails = [...new Set([...contact.emails, ...identities.emails])];
    const linkedinIds = [...new Set([...contact.linkedinIds, ...identities.linkedinIds])];
    if (emails.length === contact.emails.length && linkedinIds.length === contact.linkedinIds.length) return { status: 'already-linked' };
    const updated: Contact = { ...contact, emails, linkedinIds, updatedAt: Math.max(contact.updatedAt, now) };
    await db.contacts.put(updated);
    return { status: 'linked', contact: updated };
  });
}
