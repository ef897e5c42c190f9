import { useState } from 'preact/hooks';
import { createContactFromPerson } from '../db/contacts-repository';
import type { Contact } from '../model/schemas';
import { describeStorageError } from '../db/storage-errors';
import { normaliseEmail, normaliseLinkedInId } from '../identity/normalise';
import { personOnPageSchema, type NoPersonReason, type PageContext } from '../model/page-context';
import { PAGE_KIND_TABLE } from '../model/page-kinds';
import { useDatabase } from '../ui/database-context';
import { ContactSearch } from './ContactSearch';

const REASONS: Record<NoPersonReason, string> = {
  'not-found': 'Margin could not find the person on this page. The page may have changed its layout; Margin does not guess.',
  'stale-page': 'The page is still showing what was open before. Margin waits for it rather than show the wrong person.',
  'own-address-unknown': 'Margin could not tell which address is yours on this page, so it did not pick anyone. Add your address in Margin’s settings.',
  'only-you': 'Only your own addresses are on this page.',
  'no-recipients': 'Add recipients and Margin shows them here.',
};

/** Page kinds that normally show someone; nobody on them deserves an explanation. */
export function pageKindExpectsPerson(context: PageContext): boolean {
  return PAGE_KIND_TABLE[context.pageKind].expectsPerson;
}

/**
 * Nobody recognised on a page that should show someone: says so plainly, and offers to find the
 * contact or add one by hand. Never guesses and never crashes.
 */
export function UnrecognisedPage({ context, onChoose }: { context: PageContext; onChoose: (contact: Contact) => void }) {
  const db = useDatabase();
  const reason = REASONS[context.noPersonReason ?? 'not-found'];
  const [name, setName] = useState('');
  const [identity, setIdentity] = useState('');
  const [error, setError] = useState('');

  const create = async (): Promise<void> => {
    setError('');
    const email = normaliseEmail(identity);
    const linkedin = email ? undefined : normaliseLinkedInId(identity);
    const candidate = {
      name: name.trim(),
      ...(email ? { email } : {}),
      ...(linkedin && !linkedin.startsWith('ACoAA') && !linkedin.startsWith('sales:') ? { linkedinSlug: encodeURIComponent(linkedin) } : {}),
    };
    const parsed = personOnPageSchema.safeParse(candidate);
    if (!parsed.success) {
      setError('Give a name and an email address or a LinkedIn profile link.');
      return;
    }
    try {
      onChoose(await createContactFromPerson(db, parsed.data, Date.now()));
    } catch (failure) {
      setError(`Could not add the contact: ${describeStorageError(failure)}`);
    }
  };

  return (
    <section class="empty unrecognised" aria-labelledby="unrecognised-heading">
      <h1 id="unrecognised-heading">Nobody recognised on this page</h1>
      <p>{reason}</p>
      <ContactSearch label="Find the contact" actionLabel={(contact) => `Show ${contact.name || 'this contact'}`} onPick={onChoose} />
      <details class="identity-action">
        <summary>Add a person by hand</summary>
        <form
          class="add-person"
          onSubmit={(event) => {
            event.preventDefault();
            void create();
          }}
        >
          <label>
            Name
            <input value={name} onInput={(event) => setName(event.currentTarget.value)} />
          </label>
          <label>
            Email or LinkedIn profile link
            <input value={identity} onInput={(event) => setIdentity(event.currentTarget.value)} />
          </label>
          <button type="submit">Add contact</button>
          {error && (
            <p role="alert" class="field-error">
              {error}
            </p>
          )}
        </form>
      </details>
    </section>
  );
}
