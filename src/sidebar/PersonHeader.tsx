import type { ComponentChildren } from 'preact';
import type { Contact } from '../db/schemas';
import type { PersonOnPage } from '../page-context/page-context';
import { lazyComponent } from '../ui/lazy-component';
import { identityLabel } from './person-of-contact';

/**
 * The controls load after the first paint; until then the stage is shown as text, so the first
 * screen already says who this is and where they stand.
 */
const PersonHeaderControls = lazyComponent<{ contact: Contact; children?: ComponentChildren }>(
  () => import('./PersonHeaderControls').then((module) => module.PersonHeaderControls),
  ({ contact, children }) => (
    <>
      <p class="stage">Lifecycle stage: {contact.stage}</p>
      {children}
    </>
  ),
);

interface Props {
  person: PersonOnPage;
  contact: Contact | undefined;
  /** The engagement score and stage suggestions, shown under the stage. */
  children?: ComponentChildren;
}

export function PersonHeader({ person, contact, children }: Props) {
  const subtitle = [person.headline ?? contact?.title, person.company ?? contact?.company]
    .filter((text, index, all) => text && all.indexOf(text) === index)
    .join(' · ');
  return (
    <header class="person">
      <h1 class="person-name">{person.name}</h1>
      {subtitle && <p class="person-subtitle">{subtitle}</p>}
      <ul class="identities" aria-label="Identities">
        {person.email && <li>{person.email}</li>}
        {person.linkedinSlug && <li>{identityLabel({ name: person.name, linkedinSlug: person.linkedinSlug })}</li>}
        {person.linkedinSalesId && !person.linkedinSlug && <li>Sales Navigator lead {person.linkedinSalesId}</li>}
      </ul>
      {contact ? (
        <PersonHeaderControls contact={contact}>{children}</PersonHeaderControls>
      ) : (
        <p class="quiet">Not in Margin yet: your first note adds them.</p>
      )}
    </header>
  );
}

