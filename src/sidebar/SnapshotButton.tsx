import { useState } from 'preact/hooks';
import { listTimeline } from '../db/interactions-repository';
import type { Contact } from '../model/schemas';
import { listOpenTasks } from '../db/tasks-repository';
import { useDatabase } from '../ui/database-context';
import { copyText } from './copy-text';
import { buildSnapshot } from './snapshot';

/** Copies the person's summary as Markdown, for a CRM note or a hand-over. */
export function SnapshotButton({ contact }: { contact: Contact }) {
  const database = useDatabase();
  const [message, setMessage] = useState('');
  const copy = async (): Promise<void> => {
    const db = await database();
    const [interactions, openTasks] = await Promise.all([listTimeline(db, contact.id, { limit: 50 }), listOpenTasks(db, contact.id)]);
    const copied = await copyText(buildSnapshot({ contact, interactions, openTasks, now: Date.now() }));
    setMessage(copied ? 'Snapshot copied as Markdown.' : 'Could not reach the clipboard.');
  };
  return (
    <p class="snapshot">
      <button type="button" class="secondary" onClick={() => void copy()}>
        Copy snapshot
      </button>
      <span role="status" class="quiet">
        {message}
      </span>
    </p>
  );
}
