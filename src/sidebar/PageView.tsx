import { useMemo, useState } from 'preact/hooks';
import { OWN_ADDRESSES_READ } from '../db/live-reads';
import type { Contact } from '../model/schemas';
import { applyOwnAddresses } from '../identity/apply-own-addresses';
import type { PageContext, PersonOnPage } from '../model/page-context';
import { DEFAULT_SWITCHER_LABEL, PAGE_KIND_TABLE } from '../model/page-kinds';
import { useDbRead } from '../ui/use-live-db-query';
import { lazyComponent } from '../ui/lazy-component';
import { EmptyState } from './EmptyState';
import { ParticipantSwitcher } from './ParticipantSwitcher';
import { PersonPanel } from './PersonPanel';
import { PassingPersonGate, usePassingPerson } from './passing-person';
import { personKey, personOfContact } from './person-of-contact';
import { pageKindExpectsPerson } from './page-kind-expects-person';

// Linking and merging, and search-or-create on a page without a person, load when shown.
const IdentityTools = lazyComponent(() => import('./IdentityTools').then((module) => module.IdentityTools));
const UnrecognisedPage = lazyComponent(() => import('./UnrecognisedPage').then((module) => module.UnrecognisedPage));
import './recognition.css';

/**
 * What the sidebar shows for a page: the user's own addresses applied (page + settings; the
 * background remembers what the page shows), the recognised person with everyone else one click
 * away, or an honest "nobody here" with search and create by hand. A choice made on one page never carries over to the next.
 */
export function PageView({ context }: { context: PageContext }) {
  const own = useDbRead(OWN_ADDRESSES_READ);

  const applied = useMemo(() => applyOwnAddresses(context, own.data ?? []), [context, own.data]);
  const pageKey = `${applied.url}|${applied.pageKind}|${applied.thread?.id ?? ''}`;
  const [chosen, setChosen] = useState<{ pageKey: string; person: PersonOnPage } | null>(null);

  const people = [applied.person, ...(applied.participants ?? [])].filter((person): person is PersonOnPage => Boolean(person));
  const choice = chosen?.pageKey === pageKey ? chosen.person : null;
  const selected = (choice && (people.find((person) => personKey(person) === personKey(choice)) ?? choice)) ?? applied.person;
  const choose = (person: PersonOnPage) => setChosen({ pageKey, person });
  const chooseContact = (contact: Contact) => choose(personOfContact(contact));
  const passing = usePassingPerson(selected ? personKey(selected) : null);

  const switcher =
    people.length > 1 || (applied.person === null && people.length > 0) ? (
      <ParticipantSwitcher
        people={people}
        selectedKey={selected ? personKey(selected) : null}
        onSelect={choose}
        label={PAGE_KIND_TABLE[applied.pageKind].switcherLabel ?? DEFAULT_SWITCHER_LABEL}
      />
    ) : null;

  const notice = applied.announcement ? (
    <p class="notice" role="note">
      This thread went to {applied.announcement.recipients} people, so Margin does not pick one. Choose someone who wrote in it
      {selected ? '' : ' to see them'}.
    </p>
  ) : applied.person === null && people.length > 0 && applied.pageKind === 'linkedin-messaging' ? (
    <p class="notice" role="note">
      A group conversation: choose the person you want to see.
    </p>
  ) : null;

  if (selected) {
    return (
      <div class="page-view">
        <PassingPersonGate key={personKey(selected)} passing={passing} person={selected}>
          <PersonPanel
            context={applied}
            person={selected}
            belowHeader={
              <>
                {notice}
                {switcher}
              </>
            }
            tools={<IdentityTools key={`tools-${personKey(selected)}`} context={applied} person={selected} />}
          />
        </PassingPersonGate>
      </div>
    );
  }
  if (notice || switcher) {
    return (
      <div class="page-view">
        {notice}
        {switcher}
      </div>
    );
  }
  if (pageKindExpectsPerson(applied)) return <UnrecognisedPage key={pageKey} context={applied} onChoose={chooseContact} />;
  return <EmptyState site={applied.site} />;
}
