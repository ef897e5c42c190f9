import { useState } from 'preact/hooks';
import { countDemoContacts, removeDemoData } from '../demo/remove-demo-data';
import { useDatabase } from '../ui/database-context';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useLiveDbQuery } from '../ui/use-live-db-query';
import { useMutation } from '../ui/use-mutation';

/** While demo people are in Margin: says so, and removes them (and only them) on request. */
export function DemoDataNotice({ onRemoved }: { onRemoved: (message: string) => void }) {
  const database = useDatabase();
  const demo = useLiveDbQuery(['demo-contacts'], (db) => countDemoContacts(db));
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation('remove the demo data', async () => {
    const removed = await removeDemoData(await database());
    // Said from here: with only demo people, this notice goes away (and its callbacks) at once.
    onRemoved(`Removed ${removed.contacts} demo ${removed.contacts === 1 ? 'person' : 'people'}.`);
    return removed;
  });
  const count = demo.data ?? 0;
  if (count === 0) return null;
  return (
    <div class="demo-notice" role="group" aria-label="Demo data">
      <p>
        {count} demo {count === 1 ? 'person is' : 'people are'} in Margin.
      </p>
      {confirming ? (
        <>
          <p>Remove the demo people and everything about them, including notes you added to them? Your own contacts stay.</p>
          <div class="actions">
            <button
              type="button"
              class="danger"
              disabled={remove.isPending}
              onClick={() =>
remove.mutate(undefined, { onSuccess: () => setConfirming(false) })
              }
            >
              Remove {count} demo {count === 1 ? 'person' : 'people'}
            </button>
            <button type="button" class="secondary" onClick={() => setConfirming(false)}>
              Keep them
            </button>
          </div>
        </>
      ) : (
        <button type="button" class="secondary" onClick={() => setConfirming(true)}>
          Remove demo data…
        </button>
      )}
      <ErrorAlert message={remove.errorMessage} />
    </div>
  );
}
