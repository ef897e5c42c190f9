import { useState } from 'preact/hooks';
import { deleteContact } from '../actions/delete-contact';
import type { Contact } from '../model/schemas';
import { describeStorageError } from '../db/storage-errors';
import { useDatabase } from '../ui/database-context';
import { ErrorAlert } from '../ui/ErrorAlert';

/** The person's right to be forgotten: everything Margin holds about them, gone, after a confirmation. */
export function ForgetContact({ contact }: { contact: Contact }) {
  const db = useDatabase();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState('');

  const forget = async (): Promise<void> => {
    try {
      await deleteContact(db, contact.id);
    } catch (failure) {
      setError(`Could not delete: ${describeStorageError(failure)}`);
    }
  };

  return (
    <section class="forget" aria-labelledby="forget-heading">
      <h2 id="forget-heading">Delete contact</h2>
      {confirming ? (
        <div role="group" aria-label={`Confirm deleting ${contact.name}`}>
          <p>
            Delete {contact.name} and everything Margin holds about them (notes, captured activity, follow-ups)? This
            cannot be undone.
          </p>
          <div class="actions">
            <button type="button" class="danger" onClick={() => void forget()}>
              Delete {contact.name} and all their data
            </button>
            <button type="button" class="secondary" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </div>
        </div>
      ) : (
        <button type="button" class="secondary" onClick={() => setConfirming(true)}>
          Delete contact…
        </button>
      )}
      <ErrorAlert message={error} />
    </section>
  );
}
