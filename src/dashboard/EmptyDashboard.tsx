import { useDatabase } from '../ui/database-context';
import { useMutation } from '../ui/use-mutation';
import { ErrorAlert } from '../ui/ErrorAlert';

/** Shown while Margin holds nobody: how to start, and the demo data to look around with. */
export function EmptyDashboard({ onLoaded }: { onLoaded: (message: string) => void }) {
  const database = useDatabase();
  const loadDemo = useMutation('load the demo data', async () => {
    // Loaded on demand: the demo data is not part of the dashboard a real user starts.
    const { loadDemoData } = await import('../demo/load-demo-data');
    const loaded = await loadDemoData(await database(), Date.now());
    // Said from here, not from the mutation's onSuccess: the contacts arrive (and this component
    // goes away, taking its observer's callbacks with it) before the scores are computed.
    onLoaded(`Loaded ${loaded.contacts} demo contacts with ${loaded.interactions} interactions.`);
    return loaded;
  });
  return (
    <div class="empty">
      <p>
        Nothing here yet. Open a Gmail thread or a LinkedIn profile and log a note, restore a backup under{' '}
        <a href="#transfer">Export &amp; import</a>, or look around with demo data.
      </p>
      <button
        type="button"
        disabled={loadDemo.isPending}
        onClick={() => loadDemo.mutate(undefined)}
      >
        Load demo data
      </button>
      <ErrorAlert message={loadDemo.errorMessage} />
    </div>
  );
}
