import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PageContext } from '../../src/model/page-context';
import { logNote } from '../../src/actions/log-note';
import { PersonPanel } from '../../src/sidebar/PersonPanel';
import { freshDb } from '../db/fresh-db';
import { renderWithDb } from '../support/render-extension-page';

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

describe('the sidebar for a person', () => {
  afterEach(cleanup);

  it('shows who is on the page and an empty timeline for someone new', async () => {
    renderWithDb(freshDb(), <PersonPanel context={context} person={person} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Priya Raman' })).toBeTruthy();
    expect(screen.getByText('priya.raman@northwind-logistics.example')).toBeTruthy();
    expect(await screen.findByText('Nothing logged yet.')).toBeTruthy();
  });

  it('saves a note, clears the field, and shows the note at the top of the timeline', async () => {
    const db = freshDb();
    renderWithDb(db, <PersonPanel context={context} person={person} />);
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

  it('cannot save an empty or blank note', () => {
    renderWithDb(freshDb(), <PersonPanel context={context} person={person} />);
    const save = screen.getByRole('button', { name: 'Save note' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.input(noteField(), { target: { value: '   \n  ' } });
    expect(save.disabled).toBe(true);
  });

  it('refuses a note over 50,000 characters and says so', () => {
    renderWithDb(freshDb(), <PersonPanel context={context} person={person} />);
    fireEvent.input(noteField(), { target: { value: 'x'.repeat(50_001) } });
    expect((screen.getByRole('button', { name: 'Save note' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/the limit is 50,000/)).toBeTruthy();
  });

  it('keeps the typed text and says why when the write fails', async () => {
    const db = freshDb();
    vi.spyOn(db.interactions, 'add').mockRejectedValue(new DOMException('quota', 'QuotaExceededError'));
    renderWithDb(db, <PersonPanel context={context} person={person} />);
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
