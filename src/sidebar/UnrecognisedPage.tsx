import { useState } from 'preact/hooks';
import { createContactFromPerson } from '../db/contacts-repository';
import type { Contact } from '../model/schemas';
import { normaliseEmail, normaliseLinkedInId } from '../identity/normalise';
import { sendMessage } from '../messaging/send';
import { personOnPageSchema, type NoPersonReason, type PageContext, type PageSignal, type PersonOnPage } from '../model/page-context';
import { useDatabase } from '../ui/database-context';
import { useMutation } from '../ui/use-mutation';
import { ContactSearch } from './ContactSearch';
import { copyText } from './copy-text';

const REASONS: Record<NoPersonReason, string> = {
  'not-found': 'Margin could not find the person on this page. The page may have changed its layout; Margin does not guess.',
  'stale-page': 'The page is still showing what was open before. Margin waits for it rather than show the wrong person.',
  'own-address-unknown': 'Margin could not tell which address is yours on this page, so it did not pick anyone. Add your address in Margin’s settings.',
  'only-you': 'Only your own addresses are on this page.',
  'no-recipients': 'Add recipients and Margin shows them here.',
  'signals-disagree': 'What this page says about the person does not agree, so Margin shows nobody rather than risk the wrong person.',
  'own-profile': 'This is your own profile. Margin never tracks you.',
};

const SIGNAL_LABELS: Record<PageSignal['signal'], string> = {
  address: 'the page address',
  heading: 'the name heading',
  title: 'the page title',
  'member-id': 'the member id in the page’s links',
  'profile-link': 'a link to this profile naming the person',
  conversation: 'the open conversation',
  messages: 'its messages',
  sender: 'who wrote them',
};

const SIGNAL_STATES: Array<[PageSignal['state'], string]> = [
  ['found', 'Read'],
  ['missing', 'Missing'],
  ['disagrees', 'Names someone else'],
];

/**
 * Nobody recognised on a page that should show someone: says so plainly, and offers to find the
 * contact or add one by hand. Never guesses and never crashes.
 */
export function UnrecognisedPage({ context, onChoose }: { context: PageContext; onChoose: (contact: Contact) => void }) {
  if (context.noPersonReason === 'own-profile') {
    return (
      <section class="empty unrecognised" aria-labelledby="own-profile-heading">
        <h1 id="own-profile-heading">Your own profile</h1>
        <p>{REASONS['own-profile']}</p>
      </section>
    );
  }
  return <NobodyRecognised context={context} onChoose={onChoose} />;
}

function NobodyRecognised({ context, onChoose }: { context: PageContext; onChoose: (contact: Contact) => void }) {
  const database = useDatabase();
  const reason = REASONS[context.noPersonReason ?? 'not-found'];
  const [name, setName] = useState('');
  const [identity, setIdentity] = useState('');
  const [error, setError] = useState('');

  const add = useMutation('add the contact', async (person: PersonOnPage) => createContactFromPerson(await database(), person, Date.now()));
  const create = (): void => {
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
    add.mutate(parsed.data, { onSuccess: onChoose });
  };

  return (
    <section class="empty unrecognised" aria-labelledby="unrecognised-heading">
      <h1 id="unrecognised-heading">Nobody recognised on this page</h1>
      <p>{reason}</p>
      {context.signals && <PageHealth signals={context.signals} />}
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
          {(error || add.errorMessage) && (
            <p role="alert" class="field-error">
              {error || add.errorMessage}
            </p>
          )}
        </form>
      </details>
    </section>
  );
}

/**
 * Which of the page's signals Margin read, which were missing and which named someone else, and
 * a way to report it: a description of the page's structure with no text, names, addresses or
 * ids, walked in the page by the background only when asked, shown before it is copied.
 */
function PageHealth({ signals }: { signals: PageSignal[] }) {
  const [description, setDescription] = useState('');
  const [status, setStatus] = useState('');
  const describe = async (): Promise<void> => {
    setStatus('');
    try {
      const { description: text } = await sendMessage({ type: 'page/describe-structure' });
      setDescription(text);
      setStatus((await copyText(text)) ? 'Copied. It holds the page’s structure only: no text, names, addresses or ids.' : 'Select the text below and copy it.');
    } catch (failure) {
      setStatus(`Could not describe this page: ${failure instanceof Error ? failure.message : String(failure)}`);
    }
  };
  return (
    <div class="page-health">
      <ul aria-label="What Margin read on this page">
        {SIGNAL_STATES.map(([state, label]) => {
          const names = signals.filter((signal) => signal.state === state).map((signal) => SIGNAL_LABELS[signal.signal]);
          return names.length > 0 ? (
            <li key={state}>
              {label}: {names.join(', ')}
            </li>
          ) : null;
        })}
      </ul>
      <button type="button" onClick={() => void describe()}>
        Copy a description of this page for a bug report
      </button>
      {status && <p role="status">{status}</p>}
      {description && (
        <details>
          <summary>What was copied</summary>
          <textarea readOnly rows={8} aria-label="Page description" value={description} />
        </details>
      )}
    </div>
  );
}
