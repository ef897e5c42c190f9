import type { Contact } from '../../model/schemas';
import type { PageContext, PersonOnPage } from '../../model/page-context';
import { personOfContact } from '../../sidebar/person-of-contact';

/**
 * A stored contact as the sidebar's PersonPanel expects a person on a page, so the dashboard
 * opens people with the very same timeline and composer. The context stands for the contact's
 * Gmail search or LinkedIn profile; notes written here say they came from Margin itself
 * (PersonDrawer passes `source: { site: 'margin' }`).
 */
export function personContextOfContact(contact: Contact): { context: PageContext; person: PersonOnPage } | null {
  const person = personOfContact(contact);
  const { email, linkedinSlug } = person;
  if (!email && !linkedinSlug) return null;
  const context: PageContext = email
    ? { site: 'gmail', url: `https://mail.google.com/mail/u/0/#search/${encodeURIComponent(email)}`, pageKind: 'gmail-other', person }
    : { site: 'linkedin', url: `https://www.linkedin.com/in/${linkedinSlug}/`, pageKind: 'linkedin-profile', person };
  return { context, person };
}
