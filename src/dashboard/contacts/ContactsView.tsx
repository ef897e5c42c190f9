import { useMemo, useState } from 'preact/hooks';
import { STAGES, SENTIMENTS, type Contact, type Stage } from '../../model/schemas';
import { SCORE_BANDS } from '../../metrics/score-band';
import { useDatabase } from '../../ui/database-context';
import { formatDay } from '../../ui/format';
import { useLiveDbQuery } from '../../ui/use-live-db-query';
import { useMutation } from '../../ui/use-mutation';
import { activityOf, idsKey, NOTE_SEARCH_MAX_CONTACTS, readUncachedActivity, searchNoteText, uncachedIds } from '../contact-activity';
import { addTagToContacts, setStageOfContacts } from '../../actions/bulk-edit-contacts';
import {
  allTags,
  bandOfContact,
  CONTACTS_PAGE_SIZE,
  DEFAULT_CONTACT_QUERY,
  queryContacts,
  type ContactQuery,
  type LastTouchFilter,
  type SortKey,
} from './contact-query';
import { PersonDrawer } from './PersonDrawer';
import { contactIdentityLabel } from '../../sidebar/person-of-contact';
import { Select } from '../Select';
import { ErrorAlert } from '../../ui/ErrorAlert';


const LAST_TOUCH_LABELS: Record<LastTouchFilter, string> = {
  any: 'Any time',
  '7': 'In the last 7 days',
  '30': 'In the last 30 days',
  '90': 'In the last 90 days',
  'over-30': 'Not in 30 days',
  'over-90': 'Not in 90 days',
  never: 'Never',
};

const SORT_LABELS: Record<SortKey, string> = {
  updated: 'Last change',
  lastTouch: 'Last touch',
  name: 'Name',
  company: 'Company',
  score: 'Score',
  stage: 'Stage',
};

export function ContactsView({ contacts }: { contacts: Contact[] }) {
  const database = useDatabase();
  const now = useMemo(() => Date.now(), [contacts]);
  // Last touch, sentiment and surge are cached on the contact rows; only rows not recomputed yet
  // (an older backup just restored) are read from their own interactions, never the whole table.
  const missing = useMemo(() => uncachedIds(contacts), [contacts]);
  const uncached = useLiveDbQuery(['uncached-activity', idsKey(missing)], (db) => readUncachedActivity(db, missing, Date.now()));
  const [query, setQueryState] = useState<ContactQuery>(DEFAULT_CONTACT_QUERY);
  const [rowsListed, setRowsListed] = useState(CONTACTS_PAGE_SIZE);
  const setQuery = (next: ContactQuery) => {
    setQueryState(next);
    setRowsListed(CONTACTS_PAGE_SIZE);
  };
  const search = query.search.trim();
  const noteSearch = useLiveDbQuery(['note-text', search], (db) => searchNoteText(db, search));
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [openId, setOpenId] = useState<string | null>(null);
  const [bulkTag, setBulkTag] = useState('');
  const [bulkStage, setBulkStage] = useState<Stage | ''>('');
  const [bulkMessage, setBulkMessage] = useState('');

  const shown = useMemo(
    () => queryContacts(contacts, query, now, noteSearch.data?.contactIds, uncached.data),
    [contacts, uncached.data, query, now, noteSearch.data],
  );
  const listed = shown.slice(0, rowsListed);
  const tags = useMemo(() => allTags(contacts), [contacts]);
  const selectedIds = shown.filter((contact) => selected.has(contact.id)).map((contact) => contact.id);
  const openContact = openId ? contacts.find((contact) => contact.id === openId) : undefined;

  const tagMutation = useMutation('change the contacts', async (input: { ids: string[]; tag: string }) => addTagToContacts(await database(), input.ids, input.tag, Date.now()));
  const stageMutation = useMutation('change the contacts', async (input: { ids: string[]; stage: Stage }) => setStageOfContacts(await database(), input.ids, input.stage, Date.now()));
  const bulkError = tagMutation.errorMessage || stageMutation.errorMessage;

  const update = <K extends keyof ContactQuery>(key: K, value: ContactQuery[K]) => setQuery({ ...query, [key]: value });
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  const allShownSelected = listed.length > 0 && listed.every((contact) => selected.has(contact.id));
  const noteSearchNote =
    search.length < 2
      ? ''
      : noteSearch.isPending
        ? ' · searching notes…'
        : noteSearch.data && !noteSearch.data.complete
          ? ` · notes: the search stopped at the first ${NOTE_SEARCH_MAX_CONTACTS} people with a matching note, more results may exist (type more to narrow it)`
          : '';

  return (
    <div class={openContact ? 'contacts-layout with-person' : 'contacts-layout'}>
      <div class="contacts-main">
        <form class="filters" role="search" aria-label="Find contacts" onSubmit={(event) => event.preventDefault()}>
          <label class="field search-field">
            <span>Search</span>
            <input
              type="search"
              value={query.search}
              placeholder="Name, company, address or note text"
              onInput={(event) => update('search', event.currentTarget.value)}
            />
          </label>
          <Select label="Stage" value={query.stage} options={['any', ...STAGES]} onChange={(value) => update('stage', value as ContactQuery['stage'])} />
          <Select
            label="Score band"
            value={query.band}
            options={['any', ...SCORE_BANDS.map((band) => band.band)]}
            onChange={(value) => update('band', value as ContactQuery['band'])}
          />
          <Select label="Sentiment" value={query.sentiment} options={['any', ...SENTIMENTS]} onChange={(value) => update('sentiment', value as ContactQuery['sentiment'])} />
          <Select label="Tag" value={query.tag} options={['any', ...tags]} onChange={(value) => update('tag', value)} />
          <Select
            label="Last touch"
            value={query.lastTouch}
            options={Object.keys(LAST_TOUCH_LABELS)}
            labels={LAST_TOUCH_LABELS}
            onChange={(value) => update('lastTouch', value as LastTouchFilter)}
          />
          <Select label="Sort by" value={query.sort} options={Object.keys(SORT_LABELS)} labels={SORT_LABELS} onChange={(value) => update('sort', value as SortKey)} />
          <label class="field inline">
            <input type="checkbox" checked={query.descending} onChange={(event) => update('descending', event.currentTarget.checked)} />
            <span>Descending</span>
          </label>
        </form>

        <p role="status" class="quiet">
          {missing.length > 0 && uncached.isPending
            ? 'Reading history…'
            : `${shown.length.toLocaleString()} of ${contacts.length.toLocaleString()} contacts shown`}
          {shown.length > listed.length && ` (first ${listed.length.toLocaleString()} listed)`}
          {noteSearchNote}
        </p>

        <div class="bulk" role="group" aria-label="Change the selected contacts">
          <span>{selectedIds.length} selected</span>
          <label class="field inline">
            <span>Tag to add</span>
            <input type="text" value={bulkTag} maxLength={100} onInput={(event) => setBulkTag(event.currentTarget.value)} />
          </label>
          <button
            type="button"
            disabled={selectedIds.length === 0 || !bulkTag.trim() || tagMutation.isPending}
            onClick={() =>
              tagMutation.mutate(
                { ids: selectedIds, tag: bulkTag },
                { onSuccess: (count) => setBulkMessage(`Tagged ${count} ${count === 1 ? 'contact' : 'contacts'} "${bulkTag.trim()}".`) },
              )
            }
          >
            Add tag
          </button>
          <Select label="New stage" value={bulkStage} options={['', ...STAGES]} labels={{ '': 'Choose…' }} onChange={(value) => setBulkStage(value as Stage | '')} />
          <button
            type="button"
            disabled={selectedIds.length === 0 || !bulkStage || stageMutation.isPending}
            onClick={() =>
              bulkStage &&
              stageMutation.mutate(
                { ids: selectedIds, stage: bulkStage },
                { onSuccess: (count) => setBulkMessage(`Moved ${count} ${count === 1 ? 'contact' : 'contacts'} to ${bulkStage}.`) },
              )
            }
          >
            Set stage
          </button>
          <span role="status">{bulkMessage}</span>
          <ErrorAlert message={bulkError} />
        </div>

        <table class="contacts">
          <thead>
            <tr>
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label="Select every contact shown"
                  checked={allShownSelected}
                  onChange={(event) =>
                    setSelected(new Set(event.currentTarget.checked ? listed.map((contact) => contact.id) : []))
                  }
                />
              </th>
              <th scope="col">Name</th>
              <th scope="col">Company</th>
              <th scope="col">Email or LinkedIn</th>
              <th scope="col">Stage</th>
              <th scope="col">Score</th>
              <th scope="col">Last touch</th>
            </tr>
          </thead>
          <tbody>
            {listed.map((contact) => {
              const { lastTouchAt } = activityOf(contact, uncached.data);
              return (
                <tr key={contact.id} class={contact.id === openId ? 'open' : ''}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Select ${contact.name}`}
                      checked={selected.has(contact.id)}
                      onChange={() => toggle(contact.id)}
                    />
                  </td>
                  <td>
                    <button type="button" class="link" onClick={() => setOpenId(contact.id)}>
                      {contact.name}
                    </button>
                  </td>
                  <td>{contact.company ?? ''}</td>
                  <td class="identity">{contactIdentityLabel(contact)}</td>
                  <td>{contact.stage}</td>
                  <td>
                    {contact.score === undefined ? '–' : `${Math.round(contact.score)} · ${bandOfContact(contact)}`}
                  </td>
                  <td>{lastTouchAt === undefined ? 'Never' : formatDay(lastTouchAt)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {shown.length > listed.length && (
          <p class="show-more">
            <button type="button" class="secondary" onClick={() => setRowsListed(rowsListed + CONTACTS_PAGE_SIZE)}>
              Show {Math.min(CONTACTS_PAGE_SIZE, shown.length - listed.length).toLocaleString()} more
            </button>{' '}
            <span class="quiet">
              {listed.length.toLocaleString()} of {shown.length.toLocaleString()} listed
            </span>
          </p>
        )}
      </div>
      {openContact && <PersonDrawer contact={openContact} onClose={() => setOpenId(null)} />}
    </div>
  );
}
