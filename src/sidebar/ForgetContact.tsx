import { useState } from 'preact/hooks';
import { deleteContact } from '../actions/delete-contact';
import type { Contact } from '../model/schemas';
import { useMutation } from '../ui/use-mutation';
import { useDatabase } from '../ui/database-context';
import { ErrorAlert } from '../ui/ErrorAlert';

/** The person's right to be forgotten: everything Margin holds about them, gone, after a confirmation. */
export function ForgetContact({ contact }: { contact: Contact }) {
  const database = useDatabase();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation('delete the contact', async (id: string) => deleteContact(await database(), id));
  const forget = (): void => remove.mutate(contact.id);

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
      <ErrorAlert message={remove.errorMessage} />
    </section>
  );
}
