import { act, cleanup, screen, waitFor, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createContactFromPerson } from '../../src/db/contacts-repository';
import type { MarginDb } from '../../src/db/database';
import type { PageContext } from '../../src/model/page-context';
import { PASSING_WINDOW_MS, STAY_MS } from '../../src/sidebar/passing-person';
import { PageView } from '../../src/sidebar/PageView';
import { DAY, touch } from '../metrics/interactions';
import { freshDb } from '../db/fresh-db';
import { renderWithDb } from '../support/render-extension-page';
import { preloadLazySidebarParts } from '../support/preload-lazy-sidebar';

const people = ['Priya Raman', 'Jonas Berg', 'Maya Okafor'].map((name, index) => ({
  name,
  email: `${name.split(' ')[0]!.toLowerCase()}@customer-${index}.example`,
}));

function threadOf(index: number): PageContext {
  return {
    site: 'gmail',
    url: `https://mail.google.com/mail/u/0/#inbox/1a2b3c4d5e6f000${index}`,
    pageKind: 'gmail-thread',
    person: people[index]!,
    thread: { id: `1a2b3c4d5e6f000${index}` },
  };
}

/** The sidebar's page view, told of one page after another as the tab reports them. */
let showThread: (index: number) => void = () => undefined;
function Tab() {
  const [index, setIndex] = useState(0);
  showThread = setIndex;
  return <PageView context={threadOf(index)} />;
}
const open = (index: number) => act(() => showThread(index));

let db: MarginDb;
afterEach(() => {
  cleanup();
  db?.close();
});

/** Everyone tracked, each with a note that names them, so whose record is shown is plain. */
async function trackEveryone(): Promise<void> {
  for (const [index, person] of people.entries()) {
    const contact = await createContactFromPerson(db, person, Date.now() - 30 * DAY);
    await db.interactions.add({ ...touch('note', 1, { id: `note-${index}`, contactId: contact.id, body: `Note about ${person.name}` }), at: Date.now() - DAY });
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const heading = () => screen.getByRole('heading', { level: 1 });
const latest = () => screen.queryByRole('region', { name: 'Latest' });

describe('going through threads quickly', () => {
  beforeAll(preloadLazySidebarParts);

  it('shows each person passed by at once, by name only, and their record once they stay', async () => {
    db = freshDb();
    await trackEveryone();
    renderWithDb(db, <Tab />);
    // The first person, after no one: their whole first screen.
    await waitFor(() => expect(latest()?.textContent).toContain('Note about Priya Raman'));

    await pause(PASSING_WINDOW_MS + 50);
    await open(1);
    // After a pause: Jonas's record loads as usual, no waiting stage.
    expect(heading().closest('header')?.getAttribute('aria-busy')).toBeNull();
    await waitFor(() => expect(latest()?.textContent).toContain('Note about Jonas Berg'));

    // Maya comes right after Jonas: her name at once, nobody's record under it.
    await open(2);
    expect(heading().textContent).toBe('Maya Okafor');
    expect(heading().closest('header')?.getAttribute('aria-busy')).toBe('true');
    expect(latest()).toBeNull();
    expect(screen.queryByText(/Note about/)).toBeNull();
    expect(screen.queryByLabelText('Lifecycle stage')).toBeNull();

    // She stays: her own record follows.
    await pause(STAY_MS);
    await waitFor(() => expect(latest()?.textContent).toContain('Note about Maya Okafor'));
    expect(within(latest()!).queryByText(/Jonas|Priya/)).toBeNull();
    expect(heading().closest('header')?.getAttribute('aria-busy')).toBeNull();
  });

  it('never reads the record of someone passed by before the next person replaces them', async () => {
    db = freshDb();
    await trackEveryone();
    renderWithDb(db, <Tab />);
    await waitFor(() => expect(latest()?.textContent).toContain('Note about Priya Raman'));
    const reads: string[] = [];
    db.contacts.hook('reading', (contact) => {
      reads.push(contact.name);
      return contact;
    });

    await open(1);
    await pause(STAY_MS / 3);
    await open(2);
    await waitFor(() => expect(latest()?.textContent).toContain('Note about Maya Okafor'));
    expect(reads).not.toContain('Jonas Berg');
    expect(reads).toContain('Maya Okafor');
  });
});
