import type { Contact } from '../db/schemas';
import type { PersonOnPage } from '../page-context/page-context';

export function PersonHeader({ person, contact }: { person: PersonOnPage; contact: Contact | undefined }) {
  const subtitle = [person.headline ?? contact?.title, person.company ?? contact?.company].filter(Boolean).join(' · ');
  return (
    <header class="person">
      <h1 class="person-name">{person.name}</h1>
      {subtitle && <p class="person-subtitle">{subtitle}</p>}
      <ul class="identities" aria-label="Identities">
        {person.email && <li>{person.email}</li>}
        {person.linkedinSlug && <li>linkedin.com/in/{person.linkedinSlug}</li>}
      </ul>
      <p class="person-status">
        {contact ? (
          <span class="badge" title="Lifecycle stage">
            {contact.stage}
          </span>
        ) : (
          <span class="quiet">Not in Margin yet: your first note adds them.</span>
        )}
      </p>
    </header>
  );
}
