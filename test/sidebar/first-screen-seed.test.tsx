import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { recomputeContact } from '../../src/actions/recompute-scores';
import { createContactFromPerson } from '../../src/db/contacts-repository';
import type { MarginDb } from '../../src/db/database';
import { readFirstScreen } from '../../src/db/first-screen';
import { scoreOfActivity } from '../../src/metrics/person-activity';
import { DEFAULT_SCORE_SETTINGS } from '../../src/metrics/score-settings';
import type { Responses } from '../../src/messaging/protocol';
import type { PageContext } from '../../src/model/page-context';
import { App } from '../../src/sidebar/App';
import { DatabaseContext, type DatabaseAccess } from '../../src/ui/database-context';
import { createQueryClient } from '../../src/ui/query-client';
import { QueryClientContext } from '../../src/ui/query-client-context';
import { gmailMessage, gmailThread, PRIYA } from '../capture/contexts';
import { DAY, touch } from '../metrics/interactions';
import { freshDb } from '../db/fresh-db';

let db: MarginDb;
afterEach(() => {
  cleanup();
  db?.close();
});

const context: PageContext = gmailThread([gmailMessage('msg-f:1', 2, 'priya')]);

/** Priya, tracked, with four notes; her activity row stored now. Returns her contact id. */
async function trackedPriya(): Promise<string> {
  const now = Date.now();
  const contact = await createContactFromPerson(db, PRIYA, now - 400 * DAY);
  await db.interactions.bulkAdd(
    ['Intro call booked', 'Sent the pricing sheet', 'Asked for the SOC 2 report', 'Security review passed'].map((body, index) => ({
      ...touch('note', 0, { id: `note-${index}`, contactId: contact.id, body }),
      at: now - (4 - index) * DAY,
    })),
  );
  await recomputeContact(db, contact.id, now);
  return contact.id;
}

/** The background, as the sidebar reaches it: answers `sidebar/get-context` with the tab's context and its first screen. */
async function backgroundAnswers(): Promise<void> {
  // Read by the background's code from the database, and sent as JSON, as runtime messaging does.
  const answer: Responses['sidebar/get-context'] = JSON.parse(
    JSON.stringify({ tabId: 7, context, firstScreen: await readFirstScreen(db, context) }),
  );
  fakeBrowser.runtime.onMessage.addListener((message: { type?: string }, _sender, sendResponse) => {
    if (message.type !== 'sidebar/get-context') return undefined;
    sendResponse(answer);
    return true;
  });
}

function renderSidebar(database: DatabaseAccess): void {
  render(
    <DatabaseContext.Provider value={database}>
      <QueryClientContext.Provider value={createQueryClient()}>
        <App />
      </QueryClientContext.Provider>
    </DatabaseContext.Provider>,
  );
}

describe("the sidebar's first screen", () => {
  it('shows the person, their stage, score and latest items from the background’s answer while the database has not loaded', async () => {
    db = freshDb();
    const contactId = await trackedPriya();
    const activity = (await db.activity.get(contactId))!;
    await backgroundAnswers();
    // A database that never opens: whatever the sidebar shows came from the answer.
    const neverOpens = vi.fn<DatabaseAccess>(() => new Promise(() => undefined));

    renderSidebar(neverOpens);

    expect(await screen.findByRole('heading', { level: 1, name: 'Priya Raman' })).toBeTruthy();
    expect((screen.getByLabelText('Lifecycle stage') as HTMLSelectElement).value).toBe('Awareness');
    const score = scoreOfActivity(activity, Date.now(), DEFAULT_SCORE_SETTINGS);
    expect(screen.getByRole('button', { name: new RegExp(`^Score ${score} · `) })).toBeTruthy();
    const latest = within(screen.getByRole('region', { name: 'Latest' })).getAllByRole('listitem');
    expect(latest.map((item) => item.querySelector('.recent-summary')?.textContent)).toEqual([
      'Security review passed',
      'Asked for the SOC 2 report',
      'Sent the pricing sheet',
    ]);
    expect(screen.queryByText(/Not in Margin yet/)).toBeNull();
    expect(screen.queryByText('Score…')).toBeNull();
    // Their live queries ask for the database after that render, and show the answer meanwhile.
    await waitFor(() => expect(neverOpens).toHaveBeenCalled());
    expect(screen.getByRole('heading', { level: 1, name: 'Priya Raman' })).toBeTruthy();
  });

  it('then follows the database: a note stored after the background read shows once the database is open', async () => {
    db = freshDb();
    const contactId = await trackedPriya();
    await backgroundAnswers();
    await db.interactions.add({ ...touch('note', 0, { id: 'note-new', contactId, body: 'Signed the pilot' }), at: Date.now() });
    let open: (opened: MarginDb) => void = () => undefined;
    const opening = new Promise<MarginDb>((resolve) => {
      open = resolve;
    });

    renderSidebar(() => opening);
    const latest = await screen.findByRole('region', { name: 'Latest' });
    expect(latest.textContent).toContain('Security review passed');
    expect(latest.textContent).not.toContain('Signed the pilot');

    open(db);
    await waitFor(() => expect(latest.querySelector('.recent-summary')?.textContent).toBe('Signed the pilot'));
  });

  it('for someone Margin does not know, says so at once, without the database', async () => {
    db = freshDb();
    await backgroundAnswers();

    renderSidebar(() => new Promise(() => undefined));

    expect(await screen.findByText(/Not in Margin yet/)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Priya Raman' })).toBeTruthy();
  });
});
