import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PageContext } from '../../src/model/page-context';
import { logNote } from '../../src/actions/log-note';
import { PersonPanel } from '../../src/sidebar/PersonPanel';
import { freshDb } from '../db/fresh-db';
import { renderWithDb } from '../support/render-extension-page';
import { preloadLazySidebarParts } from '../support/preload-lazy-sidebar';

const context: PageContext = {
  site: 'gmail',
  url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmnvBqRlTtZcJvLhBsGw',
  pageKind: 'gmail-thread',
  person: { name: 'Priya Raman', email: 'priya.raman@northwind-logistics.example' },
  thread: { id: 'thread-f:1811112223334445556', subject: 'Northwind pilot' },
};
const person = context.person!;

function noteField(): HTMLTextAreaElement {
  return screen.getByLabelText('Note') as HTMLTextAreaElement;
}

/** The composer's code loads after the first paint (its own chunk): wait for it like a user would. */
async function composerLoaded(): Promise<void> {
  await screen.findByLabelText('Note');
}

describe('the sidebar for a person', () => {
  beforeAll(preloadLazySidebarParts);
  afterEach(cleanup);

  it('shows who is on the page and an empty timeline for someone new', async () => {
    renderWithDb(freshDb(), <PersonPanel context={context} person={person} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Priya Raman' })).toBeTruthy();
    // The contact's details load after the first paint (their own chunk).
    expect(await screen.findByText('priya.raman@northwind-logistics.example')).toBeTruthy();
    expect(await screen.findByText('Nothing logged yet.')).toBeTruthy();
  });

  it('saves a note, clears the field, and shows the note at the top of the timeline', async () => {
    const db = freshDb();
    renderWithDb(db, <PersonPanel context={context} person={person} />);
    await composerLoaded();
    fireEvent.input(noteField(), { target: { value: 'Asked for the SOC 2 report' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Concerned' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));

    const timeline = await screen.findByRole('region', { name: 'Timeline' });
    await waitFor(() => expect(timeline.textContent).toContain('Asked for the SOC 2 report'));
    expect(timeline.textContent).toContain('Concerned');
    expect(noteField().value).toBe('');
    const stored = await db.interactions.toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.source).toMatchObject({ site: 'gmail', threadId: 'thread-f:1811112223334445556' });
  });

  it('says a failed read failed, instead of showing an empty new person', async () => {
    const db = freshDb();
    // Every lookup of a contact throws, as a corrupted or locked profile does. (A closed database
    // is not that: Dexie's live query waits for it to open again rather than fail.)
    vi.spyOn(db.contacts, 'where').mockImplementation(() => {
      throw new DOMException('The database could not be read.', 'UnknownError');
    });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    renderWithDb(db, <PersonPanel context={context} person={person} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Margin could not read what it holds about Priya Raman.');
    expect(screen.queryByText(/Not in Margin yet/)).toBeNull();
    expect(screen.queryByText('Nothing logged yet.')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save note' })).toBeNull();
  });

  it('logs a call with its duration, shows it as saved with Undo, and Undo puts it back in the form', async () => {
    const db = freshDb();
    renderWithDb(db, <PersonPanel context={context} person={person} />);
    await composerLoaded();
    fireEvent.click(screen.getByRole('radio', { name: 'Call' }));
    fireEvent.input(screen.getByLabelText('Duration (minutes)'), { target: { value: '25' } });
    fireEvent.input(screen.getByLabelText('What was said (optional)'), { target: { value: 'Walked through the rollout plan' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save call' }));

    // A save is a few IndexedDB transactions: on a loaded two-core machine that can take over the default 1 s.
    const saved = await screen.findByRole('group', { name: 'Just saved' }, { timeout: 5_000 });
    expect(saved.textContent).toContain('Saved · Call, 25 min: Walked through the rollout plan');
    await waitFor(async () => expect(await db.interactions.toArray()).toMatchObject([{ kind: 'call', durationMinutes: 25 }]));
    const timeline = await screen.findByRole('region', { name: 'Timeline' });
    await waitFor(() => expect(timeline.textContent).toContain('Call, 25 min'));

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Just saved' })).toBeNull());
    expect(await db.interactions.count()).toBe(0);
    expect((screen.getByLabelText('What was said (optional)') as HTMLTextAreaElement).value).toBe('Walked through the rollout plan');
    expect((screen.getByLabelText('Duration (minutes)') as HTMLInputElement).value).toBe('25');
  });

  it('offers the user\'s objections and still takes free text', async () => {
    const db = freshDb();
    await db.settings.put({ key: 'objections', value: ['Current TMS vendor', 'Price too high'] });
    renderWithDb(db, <PersonPanel context={context} person={person} />);
    await composerLoaded();
    const objection = screen.getByLabelText('Objection') as HTMLInputElement;
    const list = document.getElementById(objection.getAttribute('list') ?? '');
    await waitFor(() => expect([...(list?.querySelectorAll('option') ?? [])].map((option) => option.value)).toEqual(['Current TMS vendor', 'Price too high']));
    fireEvent.input(objection, { target: { value: 'Waiting on their IT team' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await waitFor(async () => expect(await db.interactions.toArray()).toMatchObject([{ objection: 'Waiting on their IT team' }]));
  });

  it('cannot save an empty or blank note', async () => {
    renderWithDb(freshDb(), <PersonPanel context={context} person={person} />);
    await composerLoaded();
    const save = screen.getByRole('button', { name: 'Save note' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.input(noteField(), { target: { value: '   \n  ' } });
    expect(save.disabled).toBe(true);
  });

  it('refuses a note over 50,000 characters and says so', async () => {
    renderWithDb(freshDb(), <PersonPanel context={context} person={person} />);
    await composerLoaded();
    fireEvent.input(noteField(), { target: { value: 'x'.repeat(50_001) } });
    expect((screen.getByRole('button', { name: 'Save note' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/the limit is 50,000/)).toBeTruthy();
  });

  it('keeps the typed text and says why when the write fails', async () => {
    const db = freshDb();
    vi.spyOn(db.interactions, 'add').mockRejectedValue(new DOMException('quota', 'QuotaExceededError'));
    renderWithDb(db, <PersonPanel context={context} person={person} />);
    await composerLoaded();
    fireEvent.input(noteField(), { target: { value: 'Do not lose me' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('storage is full');
    expect(noteField().value).toBe('Do not lose me');
    expect(await db.contacts.count()).toBe(0);
  });

  it('shows page text as text, never as markup', async () => {
    const hostile = { ...person, name: '<img src=x onerror=alert(1)>Priya' };
    renderWithDb(freshDb(), <PersonPanel context={{ ...context, person: hostile }} person={hostile} />);
    await composerLoaded();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('<img src=x onerror=alert(1)>Priya');
    expect(document.querySelector('img')).toBeNull();
  });

  it('finds the history of a Sales Navigator lead, known only by their lead id', async () => {
    const db = freshDb();
    const lead = { name: 'Priya Raman', linkedinSalesId: 'ACwAAAB1cDEFghIJklmnOPqrSTuvWXyz12345' };
    await logNote(db, { person: lead, note: { id: 'lead-note', body: 'Met at the logistics expo' }, source: { site: 'linkedin' } });
    const leadContext: PageContext = {
      site: 'linkedin',
      url: 'https://www.linkedin.com/sales/lead/ACwAAAB1cDEFghIJklmnOPqrSTuvWXyz12345,NAME_SEARCH,x1',
      pageKind: 'linkedin-sales-lead',
      person: lead,
    };
    renderWithDb(db, <PersonPanel context={leadContext} person={lead} />);
    const timeline = await screen.findByRole('region', { name: 'Timeline' });
    await waitFor(() => expect(timeline.textContent).toContain('Met at the logistics expo'));
  });
});
