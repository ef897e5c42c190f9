import type { Contact } from '../model/schemas';
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
  const slug = contact.linkedinIds.find((id) => !id.startsWith('ACoAA') && !id.startsWith('sales:'));
  const urn = contact.linkedinIds.find((id) => id.startsWith('ACoAA'));
  const salesId = contact.linkedinIds.find((id) => id.startsWith('sales:'))?.slice('sales:'.length);
  return {
    name: contact.name.trim() || contact.emails[0] || slug || 'Unnamed contact',
    ...(contact.emails[0] ? { email: contact.emails[0] } : {}),
    ...(slug ? { linkedinSlug: encodeURIComponent(slug) } : {}),
    ...(urn ? { linkedinUrn: urn } : {}),
    ...(salesId ? { linkedinSalesId: salesId } : {}),
    ...(contact.title ? { headline: contact.title } : {}),
    ...(contact.company ? { company: contact.company } : {}),
    ...(contact.location ? { location: contact.location } : {}),
  };
}

/** How a person is identified, as the user reads it. */
export function identityLabel(person: PersonOnPage): string {
  if (person.email) return person.email;
  if (person.linkedinSlug) return `linkedin.com/in/${decodeSafely(person.linkedinSlug)}`;
  if (person.linkedinSalesId) return `Sales Navigator lead ${person.linkedinSalesId}`;
  return '';
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
