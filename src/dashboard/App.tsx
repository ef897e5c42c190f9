import { useState } from 'preact/hooks';
import { countContacts, listContacts } from '../db/contacts-repository';
import { describeStorageError } from '../db/storage-errors';
import { useDatabase } from '../ui/database-context';
import { formatDay } from '../ui/format';
import { useLiveDbQuery } from '../ui/use-live-db-query';
import { useMutation } from '../ui/use-mutation';

const CONTACTS_SHOWN = 200;

export function App() {
  const db = useDatabase();
  const count = useLiveDbQuery(['contact-count'], () => countContacts(db));
  const contacts = useLiveDbQuery(['contacts', CONTACTS_SHOWN], () => listContacts(db, { limit: CONTACTS_SHOWN }));
  const [loadedMessage, setLoadedMessage] = useState('');
  const loadDemo = useMutation(async () => {
    // Loaded on demand: the demo data is not part of the dashboard a real user starts.
    const { loadDemoData } = await import('../demo/load-demo-data');
    return loadDemoData(db, Date.now());
  });

  const total = count.data;
  return (
    <main class="dashboard">
      <header class="dashboard-header">
        <h1>Margin</h1>
        <p class="quiet">Your contacts and notes, kept in this browser only.</p>
      </header>

      <section aria-labelledby="contacts-heading">
        <h2 id="contacts-heading">Contacts</h2>
        <p role="status">
          {total === undefined ? 'Counting…' : `${total.toLocaleString()} ${total === 1 ? 'contact' : 'contacts'}`}
          {loadedMessage && ` · ${loadedMessage}`}
        </p>
        {total === 0 && (
          <div class="empty">
            <p>Nothing here yet. Open a Gmail thread or a LinkedIn profile and log a note, or look around with demo data.</p>
            <button
              type="button"
              disabled={loadDemo.isPending}
              onClick={() =>
                loadDemo.mutate(undefined, {
                  onSuccess: (loaded) =>
                    setLoadedMessage(`Loaded ${loaded.contacts} demo contacts with ${loaded.interactions} interactions.`),
                })
              }
            >
              Load demo data
            </button>
            {loadDemo.error && (
              <p role="alert" class="save-error">
                Could not load the demo data: {describeStorageError(loadDemo.error)}
              </p>
            )}
          </div>
        )}
        {contacts.data && contacts.data.length > 0 && (
          <table class="contacts">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Company</th>
                <th scope="col">Email or LinkedIn</th>
                <th scope="col">Stage</th>
                <th scope="col">Last change</th>
              </tr>
            </thead>
            <tbody>
              {contacts.data.map((contact) => (
                <tr key={contact.id}>
                  <td>{contact.name}</td>
                  <td>{contact.company ?? ''}</td>
                  <td>{contact.emails[0] ?? (contact.linkedinIds[0] ? `linkedin.com/in/${contact.linkedinIds[0]}` : '')}</td>
                  <td>{contact.stage}</td>
                  <td>{formatDay(contact.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}
