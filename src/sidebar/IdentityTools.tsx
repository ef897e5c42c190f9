import { useEffect, useState } from 'preact/hooks';
import { findContactByIdentity } from '../db/contacts-repository';
import { linkConfirmedIdentities, linkPersonToContact, type ConfirmedLinkResult } from '../actions/link-identities';
import { mergeContacts, undoMerge } from '../actions/merge-contacts';
import type { Contact } from '../model/schemas';
import { findContactsNamed } from '../db/search-contacts';
import { describeWriteError } from '../db/storage-errors';
import { identitiesOfPerson } from '../identity/identities-of-person';
import type { PageContext, PersonOnPage } from '../model/page-context';
import { useDatabase } from '../ui/database-context';
import { useLiveDbQuery } from '../ui/use-live-db-query';
import { ContactSearch } from './ContactSearch';
import { identityLabel, personOfContact } from './person-of-contact';

interface Props {
  context: PageContext;
  person: PersonOnPage;
}

/**
 * Who this person is in Margin, beyond the exact match by address or LinkedIn id: a name-only
 * suggestion the user confirms, "Link to an existing contact", "Merge contacts" (undoable), and
 * on a profile's contact-info overlay the address linked to the profile (the page shows both).
 */
export function IdentityTools({ context, person }: Props) {
  const database = useDatabase();
  const identities = identitiesOfPerson(person);
  const contact = useLiveDbQuery(['identity-tools-contact', identities], (db) =>
    findContactByIdentity(db, identities).then((found) => found ?? null),
  );
  const [status, setStatus] = useState<{ text: string; undoId?: string; error?: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmed, setConfirmed] = useState<ConfirmedLinkResult | null>(null);
  // A new search box after a merge: the old query would now say "No contact matches".
  const [searchRound, setSearchRound] = useState(0);

  useEffect(() => {
    if (context.pageKind !== 'linkedin-contact-info' || !person.email) return;
    database()
      .then((db) => linkConfirmedIdentities(db, person))
      .then(setConfirmed)
      .catch((error: unknown) => console.warn('[margin] could not link the contact-info address', error));
  }, [context.url, person.email]);

  const run = (work: () => Promise<{ text: string; undoId?: string }>): void => {
    setBusy(true);
    work()
      .then((next) => setStatus(next))
      .catch((error: unknown) => setStatus({ text: describeWriteError('do that', error), error: true }))
      .finally(() => setBusy(false));
  };

  const link = (target: Contact) =>
    run(async () => {
      const result = await linkPersonToContact(await database(), target.id, person);
      if (result.status === 'linked') return { text: `Linked to ${target.name}.` };
      if (result.status === 'belongs-to-other') return { text: `${person.name} is already the contact ${result.other.name}: merge them instead.` };
      return { text: 'That contact no longer exists.' };
    });

  const merge = (kept: Contact, merged: Contact) =>
    run(async () => {
      const result = await mergeContacts(await database(), { keptId: kept.id, mergedId: merged.id });
      setSearchRound((round) => round + 1);
      return { text: describeMerge(kept, merged, result.moved.interactions + result.moved.tasks), undoId: result.undoId };
    });

  const undo = (undoId: string) =>
    run(async () => ((await undoMerge(await database(), undoId)) ? { text: 'Merge undone.' } : { text: 'Nothing to undo.' }));

  const current = contact.data ?? null;
  return (
    <section class="identity-tools" aria-label="Identity">
      {confirmed?.status === 'linked' && <p class="quiet">This profile shows {person.email}: Margin linked the address to {confirmed.contact.name}.</p>}
      {confirmed?.status === 'two-contacts' && (
        <div class="suggestion" role="group" aria-label="Merge suggestion">
          <p>
            This profile shows {person.email}, which Margin knows as {confirmed.byEmail.name}, while the profile is{' '}
            {confirmed.byLinkedIn.name}. Same person?
          </p>
          <button type="button" disabled={busy} onClick={() => merge(confirmed.byLinkedIn, confirmed.byEmail)}>
            Merge {confirmed.byEmail.name} into {confirmed.byLinkedIn.name}
          </button>
        </div>
      )}
      {!contact.isPending && !current && <NameSuggestion person={person} busy={busy} onConfirm={link} />}
      {!contact.isPending && !current && (
        <details class="identity-action">
          <summary>Link to an existing contact</summary>
          <ContactSearch label="Find the contact this is" actionLabel={(target) => `Link to ${target.name || 'this contact'}`} onPick={link} disabled={busy} />
        </details>
      )}
      {current && (
        <details class="identity-action">
          <summary>Merge contacts</summary>
          <p class="quiet">Moves every note, email and follow-up of the other contact to {current.name}; both keep their addresses and LinkedIn ids. You can undo it.</p>
          <ContactSearch
            key={searchRound}
            label={`Find the duplicate of ${current.name}`}
            excludeIds={[current.id]}
            actionLabel={(other) => `Merge ${other.name || 'this contact'} into ${current.name}`}
            onPick={(other) => merge(current, other)}
            disabled={busy}
          />
        </details>
      )}
      {status && (
        <p role="status" class={status.error ? 'field-error' : 'identity-status'}>
          {status.text}{' '}
          {status.undoId && (
            <button type="button" disabled={busy} onClick={() => status.undoId && undo(status.undoId)}>
              Undo merge
            </button>
          )}
        </p>
      )}
    </section>
  );
}

/** "Is this the Priya Raman you know from email?" A name alone never links: the user decides. */
function NameSuggestion({ person, busy, onConfirm }: { person: PersonOnPage; busy: boolean; onConfirm: (contact: Contact) => void }) {
  const [dismissed, setDismissed] = useState<string[]>([]);
  const candidates = useLiveDbQuery(['named', person.name], (db) => findContactsNamed(db, person.name));
  const candidate = candidates.data?.find((found) => !dismissed.includes(found.id));
  if (!candidate) return null;
  const known = candidate.emails.length > 0 && candidate.linkedinIds.length === 0 ? 'from email' : candidate.emails.length === 0 ? 'from LinkedIn' : 'in Margin';
  return (
    <div class="suggestion" role="group" aria-label="Possible match">
      <p>
        Is this the {candidate.name} you know {known}
        {candidate.company ? ` (${candidate.company})` : ''}?
      </p>
      <button type="button" disabled={busy} onClick={() => onConfirm(candidate)}>
        Yes, same person
      </button>{' '}
      <button type="button" class="secondary" onClick={() => setDismissed([...dismissed, candidate.id])}>
        No
      </button>
    </div>
  );
}

/**
 * "Merged Priya Raman (priya@…) into Priya Raman (linkedin.com/in/…), 5 items moved": duplicates
 * usually share a name, so each side is told apart by how Margin knows it.
 */
export function describeMerge(kept: Contact, merged: Contact, moved: number): string {
  const sameName = kept.name.trim().toLowerCase() === merged.name.trim().toLowerCase();
  const named = (contact: Contact): string => {
    const name = contact.name.trim() || 'an unnamed contact';
    const identity = identityLabel(personOfContact(contact));
    return sameName && identity ? `${name} (${identity})` : name;
  };
  return `Merged ${named(merged)} into ${named(kept)}: ${moved} ${moved === 1 ? 'item' : 'items'} moved.`;
}
