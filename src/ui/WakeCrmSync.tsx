import { useEffect } from 'preact/hooks';
import { sendMessage } from '../messaging/send';
import { useDatabase } from './database-context';
import { watchDatabase } from './watch-database';

/**
 * Wakes the background when this page's changes put something in the CRM outbox: the service
 * worker may be asleep, and a message is what starts it. Renders nothing; sends nothing unless a
 * CRM is connected (the outbox is only written then). Dexie is loaded here, not before (this
 * component is its own chunk, rendered after the first paint).
 */
export function WakeCrmSync() {
  const database = useDatabase();
  useEffect(() => {
    let lastChange: number | undefined;
    return watchDatabase(database, async (db) => (await db.outbox.orderBy('changedAt').last())?.changedAt ?? 0, {
      next: (changedAt) => {
        // On opening, something may wait from before: the background resumes that on its own start.
        const isNew = lastChange !== undefined && changedAt > lastChange;
        lastChange = Math.max(lastChange ?? 0, changedAt);
        if (isNew) sendMessage({ type: 'sync/run' }).catch(() => undefined);
      },
      error: (error: unknown) => console.warn('[margin] could not watch the CRM outbox:', error),
    });
  }, [database]);
  return null;
}
