import type { ComponentChildren } from 'preact';
import { CONTACT_BY_IDENTITY_READ } from '../db/live-reads';
import type { InteractionSource } from '../model/schemas';
import { shownIdentitiesOfPerson } from '../identity/identities-of-person';
import type { PageContext, PersonOnPage } from '../model/page-context';
import { lazyComponent } from '../ui/lazy-component';
import { useDbRead } from '../ui/use-live-db-query';
import { useSettled } from '../ui/use-settled';
import { PersonHeader } from './PersonHeader';
import { RecentActivity } from './RecentActivity';
import { UndoProvider } from './undo-context';
import './first-screen.css';
import { describeStorageError } from '../db/storage-errors';
import { ErrorAlert } from '../ui/ErrorAlert';

// The first screen is the header and the latest items; writing, follow-ups, the timeline, the
// stage suggestions, the CRM line, the contact's details and forgetting load right after it has
// painted, each in its own chunk.
const CrmSyncState = lazyComponent(() => import('./CrmSyncState').then((module) => module.CrmSyncState));
const ContactDetails = lazyComponent(() => import('./ContactDetails').then((module) => module.ContactDetails));
const PersonMetrics = lazyComponent(() => import('./PersonMetrics').then((module) => module.PersonMetrics));
const NoteComposer = lazyComponent(() => import('./NoteComposer').then((module) => module.NoteComposer));
const FollowUps = lazyComponent(() => import('./FollowUps').then((module) => module.FollowUps));
const Timeline = lazyComponent(() => import('./Timeline').then((module) => module.Timeline));
const ForgetContact = lazyComponent(() => import('./ForgetContact').then((module) => module.ForgetContact));

function sourceOf(context: PageContext): InteractionSource {
  return {
    site: context.site,
    url: context.url,
    ...(context.thread?.id ? { threadId: context.thread.id } : {}),
  };
}

interface Props {
  context: PageContext;
  person: PersonOnPage;
  /** Where notes written here come from; by default the page (the dashboard says `margin`). */
  source?: InteractionSource;
  /** What the page adds under the person's header: a notice, the people switcher. */
  belowHeader?: ComponentChildren;
  /** What the page adds at the end, with the person's details: linking and merging. */
  tools?: ComponentChildren;
}

export function PersonPanel({ context, person, source, belowHeader, tools }: Props) {
  const settled = useSettled();
  const contact = useDbRead(CONTACT_BY_IDENTITY_READ, shownIdentitiesOfPerson(person));
  const contactId = contact.data?.id;

  if (contact.error) {
    // Not "new person": showing an empty record (and offering to save into it) would make a
    // second contact for someone Margin may well know.
    return (
      <div class="person-panel">
        <header class="person">
          <h1 class="person-name">{person.name}</h1>
        </header>
        <ErrorAlert message={`Margin could not read what it holds about ${person.name}. ${describeStorageError(contact.error)} Nothing was changed; reload the page to try again.`} />
      </div>
    );
  }

  // The first screen answers who (pinned header) and what happened last; the stage suggestions
  // (and the stored score they keep), what is next, the composer, the full timeline and
  // everything else follow once the sidebar has settled (useSettled), so a person switched past
  // at once costs only the header and the latest items, and writes nothing.
  return (
    <UndoProvider>
      <div class="person-panel">
        <PersonHeader person={person} contact={contact.data ?? undefined} />
        {contactId && <CrmSyncState contactId={contactId} />}
        {belowHeader}
        {settled && contact.data !== undefined && <PersonMetrics context={context} person={person} contact={contact.data ?? undefined} />}
        {contactId && <RecentActivity contactId={contactId} />}
        {settled && (
          <>
            {contactId && <FollowUps contactId={contactId} />}
            <NoteComposer person={person} source={source ?? sourceOf(context)} />
            <Timeline contactId={contactId} />
            <ContactDetails person={person} contact={contact.data ?? undefined} tools={tools} />
            {contact.data && <ForgetContact contact={contact.data} />}
          </>
        )}
      </div>
    </UndoProvider>
  );
}
