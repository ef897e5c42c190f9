import type { Contact } from '../../db/schemas';
import type { PageContext, PersonOnPage } from '../../page-context/page-context';

const MEMBER_URN = /^ACoAA[A-Za-z0-9_-]{10,80}$/;

/**
 * A stored contact as the sidebar's PersonPanel expects a person on a page, so the dashboard
 * opens people with the very same timeline and composer. The context stands for the contact's
 * Gmail search or LinkedIn profile; notes written here say they came from Margin itself
 * (PersonDrawer passes `source: { site: 'margin' }`).
 */
export function personContextOfContact(contact: Contact): { context: PageContext; person: PersonOnPage } | null {
  const email = contact.emails[0];
  const linkedinUrn = contact.linkedinIds.find((id) => MEMBER_URN.test(id));
  const slug = contact.linkedinIds.find((id) => !MEMBER_URN.test(id) && !id.startsWith('sales:'));
  const linkedinSlug = slug ? encodeURIComponent(slug) : undefined;
  if (!email && !linkedinSlug) return null;
  const person: PersonOnPage = {
    name: contact.name.trim() || email || linkedinSlug || 'Unnamed',
    ...(email ? { email } : {}),
    ...(linkedinSlug ? { linkedinSlug } : {}),
    ...(linkedinUrn ? { linkedinUrn } : {}),
    ...(contact.company ? { company: contact.company } : {}),
    ...(contact.title ? { headline: contact.title } : {}),
    ...(contact.location ? { location: contact.location } : {}),
  };
  const context: PageContext = email
    ? { site: 'gmail', url: `https://mail.google.com/mail/u/0/#search/${encodeURIComponent(email)}`, pageKind: 'gmail-other', person }
    : { site: 'linkedin', url: `https://www.linkedin.com/in/${linkedinSlug}/`, pageKind: 'linkedin-profile', person };
  return { context, person };
}
