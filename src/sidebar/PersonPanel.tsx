import { findContactByIdentity } from '../db/contacts-repository';
import { listTimeline } from '../db/interactions-repository';
import type { InteractionSource } from '../db/schemas';
import type { PageContext, PersonOnPage } from '../page-context/page-context';
import { useDatabase } from '../ui/database-context';
import { useLiveDbQuery } from '../ui/use-live-db-query';
import { NoteComposer } from './NoteComposer';
import { PersonHeader } from './PersonHeader';
import { Timeline } from './Timeline';

function identitiesOf(person: PersonOnPage): { emails: string[]; linkedinIds: string[] } {
  return {
    emails: person.email ? [person.email] : [],
    linkedinIds: [person.linkedinSlug, person.linkedinUrn].filter((id): id is string => Boolean(id)),
  };
}

function sourceOf(context: PageContext): InteractionSource {
  return {
    site: context.site,
    url: context.url,
    ...(context.thread?.id ? { threadId: context.thread.id } : {}),
  };
}

export function PersonPanel({ context, person }: { context: PageContext; person: PersonOnPage }) {
  const db = useDatabase();
  const identities = identitiesOf(person);
  const contact = useLiveDbQuery(['contact-by-identity', identities], () =>
    findContactByIdentity(db, identities).then((found) => found ?? null),
  );
  const contactId = contact.data?.id;
  const timeline = useLiveDbQuery(['timeline', contactId ?? null], () =>
    contactId ? listTimeline(db, contactId, { limit: 200 }) : Promise.resolve([]),
  );

  return (
    <div class="person-panel">
      <PersonHeader person={person} contact={contact.data ?? undefined} />
      <NoteComposer person={person} source={sourceOf(context)} />
      <Timeline interactions={timeline.data ?? []} loading={contact.isPending || timeline.isPending} />
    </div>
  );
}
