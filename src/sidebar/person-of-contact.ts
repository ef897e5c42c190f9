import type { Contact } from '../model/schemas';
import { isMemberId } from '../identity/normalise';
import type { PersonOnPage } from '../model/page-context';

/** A key naming one person on a page: their first identity (never their name alone). */
export function personKey(person: PersonOnPage): string {
  if (person.email) return `email:${person.email}`;
  if (person.linkedinSlug) return `linkedin:${person.linkedinSlug}`;
  if (person.linkedinSalesId) return `sales:${person.linkedinSalesId}`;
  return `name:${person.name}`;
}

/** A contact chosen by hand (search, create) shown as the person the sidebar is about. */
export function personOfContact(contact: Contact): PersonOnPage {
  const urn = contact.linkedinIds.find(isMemberId);
  // A vanity slug, else the member id: `/in/ACoAA…/` is a working profile address too.
  const slug = contact.linkedinIds.find((id) => !isMemberId(id) && !id.startsWith('sales:')) ?? urn;
  const salesId = contact.linkedinIds.find((id) => id.startsWith('sales:'))?.slice('sales:'.length);
  return {
    name: contact.name.trim() || contact.emails[0] || slug || 'Unnamed contact',
    ...(contact.emails[0] ? { email: contact.emails[0] } : {}),
    ...(slug ? { linkedinSlug: isMemberId(slug) ? slug : encodeURIComponent(slug) } : {}),
    ...(urn ? { linkedinUrn: urn } : {}),
    ...(salesId ? { linkedinSalesId: salesId } : {}),
    ...(contact.title ? { headline: contact.title } : {}),
    ...(contact.company ? { company: contact.company } : {}),
    ...(contact.location ? { location: contact.location } : {}),
  };
}

/**
 * How a person is identified, as the user reads it. A member id is shown exactly (its case is
 * part of it); a Sales Navigator lead id means nothing to a reader, so a lead is just that.
 */
export function identityLabel(person: PersonOnPage): string {
  if (person.email) return person.email;
  if (person.linkedinSlug) return `linkedin.com/in/${decodeSafely(person.linkedinSlug)}`;
  if (person.linkedinSalesId) return 'Sales Navigator lead';
  return '';
}

/** A stored contact's identity as the user reads it (the dashboard's list). */
export function contactIdentityLabel(contact: Contact): string {
  return identityLabel(personOfContact(contact));
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
