import type { ComponentChildren } from 'preact';
import { findContactByIdentity } from '../db/contacts-repository';
import type { InteractionSource } from '../model/schemas';
import { shownIdentitiesOfPerson } from '../identity/identities-of-person';
import type { PageContext, PersonOnPage } from '../model/page-context';
import { useDatabase } from '../ui/database-context';
import { useLiveDbQuery } from '../ui/use-live-db-query';
import { CrmSyncState } from './CrmSyncState';
import { FollowUps } from './FollowUps';
import { ForgetContact } from './ForgetContact';
import { NoteComposer } from './NoteComposer';
import { PersonHeader } from './PersonHeader';
import { PersonMetrics } from './PersonMetrics';
import { Timeline } from './Timeline';
import { UndoProvider } from './undo-context';

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
  /** What the page adds under the person's name: the people switcher, linking and merging. */
  belowHeader?: ComponentChildren;
}

export function PersonPanel({ context, person, source, belowHeader }: Props) {
  const db = useDatabase();
  const identities = shownIdentitiesOfPerson(person);
  const contact = useLiveDbQuery(['contact-by-identity', identities], () =>
    findContactByIdentity(db, identities).then((found) => found ?? null),
  );
  const contactId = contact.data?.id;

  return (
    <UndoProvider>
      <div class="person-panel">
        <PersonHeader person={person} contact={contact.data ?? undefined} />
        {contactId && <CrmSyncState contactId={contactId} />}
        {belowHeader}
        {contact.data !== undefined && <PersonMetrics context={context} person={person} contact={contact.data ?? undefined} />}
        <NoteComposer person={person} source={source ?? sourceOf(context)} />
        {contactId && <FollowUps contactId={contactId} />}
        <Timeline contactId={contactId} />
        {contact.data && <ForgetContact contact={contact.data} />}
      </div>
    </UndoProvider>
  );
}
