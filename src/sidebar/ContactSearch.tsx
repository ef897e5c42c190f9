import { useState } from 'preact/hooks';
import type { Contact } from '../model/schemas';
import { searchContacts } from '../db/search-contacts';
import { useLiveDbQuery } from '../ui/use-live-db-query';

interface Props {
  /** Labels the search box ("Find the contact to link to"). */
  label: string;
  excludeIds?: readonly string[];
  actionLabel: (contact: Contact) => string;
  onPick: (contact: Contact) => void;
  disabled?: boolean;
}

/** Search contacts by name, company, address or LinkedIn id; each result is one button. */
export function ContactSearch({ label, excludeIds = [], actionLabel, onPick, disabled = false }: Props) {
  const [query, setQuery] = useState('');
  const trimmed = query.trim();
  const results = useLiveDbQuery(['contact-search', trimmed, excludeIds], (db) =>
    trimmed ? searchContacts(db, trimmed, { excludeIds }) : Promise.resolve([]),
  );
  return (
    <div class="contact-search">
      <label>
        {label}
        <input type="search" value={query} placeholder="Name, company, email or LinkedIn" onInput={(event) => setQuery(event.currentTarget.value)} />
      </label>
      {trimmed && results.data?.length === 0 && <p class="quiet">No contact matches “{trimmed}”.</p>}
      {(results.data?.length ?? 0) > 0 && (
        <ul class="search-results" aria-label="Matching contacts">
          {results.data?.map((contact) => (
            <li key={contact.id}>
              <span class="result-name">{contact.name || 'Unnamed contact'}</span>
              <span class="quiet result-detail">{[contact.company, contact.emails[0] ?? contact.linkedinIds[0]].filter(Boolean).join(' · ')}</span>
              <button type="button" disabled={disabled} onClick={() => onPick(contact)}>
                {actionLabel(contact)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
