import type { ComponentChildren } from 'preact';
import type { Contact } from '../model/schemas';
import type { PersonOnPage } from '../model/page-context';
import { ContactTags } from './ContactTags';
import { CustomFields } from './CustomFields';
import { identityLabel } from './person-of-contact';
import { SnapshotButton } from './SnapshotButton';

/**
 * Below the timeline: how Margin knows the person (addresses, profiles), tags, the user's own
 * contact fields, the snapshot, and the page's identity tools (link, merge).
 */
export function ContactDetails({ person, contact, tools }: { person: PersonOnPage; contact: Contact | undefined; tools?: ComponentChildren }) {
  return (
    <section class="contact-details" aria-label={`About ${person.name}`}>
      <ul class="identities" aria-label="Identities">
        {person.email && <li>{person.email}</li>}
        {person.linkedinSlug && <li>{identityLabel({ name: person.name, linkedinSlug: person.linkedinSlug })}</li>}
        {person.linkedinSalesId && !person.linkedinSlug && <li>Sales Navigator lead</li>}
      </ul>
      {contact && (
        <>
          <ContactTags contact={contact} />
          <CustomFields contact={contact} />
          <SnapshotButton contact={contact} />
        </>
      )}
      {tools}
    </section>
  );
}
