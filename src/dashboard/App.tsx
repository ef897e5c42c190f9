import { useState } from 'preact/hooks';
import { describeStorageError } from '../db/storage-errors';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useLiveDbQuery } from '../ui/use-live-db-query';
import { ContactsView } from './contacts/ContactsView';
import { DemoDataNotice } from './DemoDataNotice';
import { EmptyDashboard } from './EmptyDashboard';
import { MetricsView } from './metrics/MetricsView';
import { ReviewView } from './review/ReviewView';
import { TransferView } from './transfer/TransferView';
import { DASHBOARD_VIEWS, useHashView } from './use-hash-view';

export function App() {
  const view = useHashView();
  const contacts = useLiveDbQuery(['all-contacts'], (db) => db.contacts.toArray());
  const [loadedMessage, setLoadedMessage] = useState('');
  const total = contacts.data?.length;
  const current = DASHBOARD_VIEWS.find((candidate) => candidate.id === view)!;

  return (
    <>
      <header class="dashboard-header">
        <h1>Margin</h1>
        <p class="quiet">Your contacts and notes, kept in this browser only.</p>
        <nav aria-label="Dashboard">
          <ul>
            {DASHBOARD_VIEWS.map((candidate) => (
              <li key={candidate.id}>
                <a href={`#${candidate.id}`} aria-current={candidate.id === view ? 'page' : undefined}>
                  {candidate.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main class="dashboard">
        <h2 class="view-title">{current.label}</h2>
        <ErrorAlert message={contacts.error ? `Could not read your contacts. ${describeStorageError(contacts.error)} Nothing was changed; reload to try again.` : undefined} />
        <p role="status">
          {contacts.error ? '' : total === undefined ? 'Counting…' : `${total.toLocaleString()} ${total === 1 ? 'contact' : 'contacts'}`}
          {loadedMessage && ` · ${loadedMessage}`}
        </p>
        {view === 'contacts' && total !== undefined && total > 0 && <DemoDataNotice onRemoved={setLoadedMessage} />}
        {view === 'contacts' && total === 0 && <EmptyDashboard onLoaded={setLoadedMessage} />}
        {view === 'contacts' && contacts.data && total !== 0 && <ContactsView contacts={contacts.data} />}
        {view === 'review' && contacts.data && <ReviewView contacts={contacts.data} />}
        {view === 'metrics' && <MetricsView />}
        {view === 'transfer' && <TransferView />}
      </main>
    </>
  );
}
