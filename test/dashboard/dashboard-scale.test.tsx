import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readUncachedActivity, searchNoteText, uncachedIds } from '../../src/dashboard/contact-activity';
import { ContactsView } from '../../src/dashboard/contacts/ContactsView';
import { DEFAULT_CONTACT_QUERY, queryContacts } from '../../src/dashboard/contacts/contact-query';
import { readReview, surgeCandidates, weeklyReview } from '../../src/dashboard/review/weekly-review';
import type { MarginDb } from '../../src/db/database';
import type { Contact, Interaction } from '../../src/model/schemas';
import { restoreBackup } from '../../src/import/restore-backup';
import type { PageContext } from '../../src/model/page-context';
import { PersonPanel } from '../../src/sidebar/PersonPanel';
import { aliceBackup } from '../export/fixture-backups';
import { freshDb } from '../db/fresh-db';
import { scoreAt } from '../../src/metrics/engagement-score';
import { DEFAULT_SCORE_SETTINGS } from '../../src/metrics/score-settings';
import { renderWithDb } from '../support/render-extension-page';
import { preloadLazySidebarParts } from '../support/preload-lazy-sidebar';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.now();

let db: MarginDb;
afterEach(() => {
  cleanup();
  db?.close();
});

function person(index: number, extra: Partial<Contact> = {}): Contact {
  return {
    id: `c-${String(index).padStart(4, '0')}`,
    name: `Person ${String(index).padStart(4, '0')}`,
    emails: [`person${index}@example.com`],
    linkedinIds: [],
    stage: 'Awareness',
    tags: [],
    customFields: {},
    score: 10,
    scoreComputedAt: NOW,
    surge: false,
    lastTouchAt: NOW - index * DAY,
    createdAt: NOW - 400 * DAY,
    updatedAt: NOW - index,
    ...extra,
  };
}

function note(id: string, contactId: string, at: number, body: string, kind: Interaction['kind'] = 'note'): Interaction {
  return { id, contactId, at, kind, body, source: { site: 'margin' }, createdAt: at, updatedAt: at };
}

function listedRows(): HTMLElement[] {
  return within(document.querySelector('table.contacts tbody') as HTMLElement).queryAllByRole('row');
}

describe('the Contacts view at scale', () => {
  it('lists 100 people at a time with "Show more", and a new filter starts again at 100', async () => {
    db = freshDb();
    const contacts = Array.from({ length: 250 }, (_, index) => person(index, index < 30 ? { stage: 'Qualified' } : {}));
    renderWithDb(db, <ContactsView contacts={contacts} />);
    expect(await screen.findByText(/250 of 250 contacts shown \(first 100 listed\)/)).toBeTruthy();
    expect(listedRows()).toHaveLength(100);

    fireEvent.click(screen.getByRole('button', { name: 'Show 100 more' }));
    expect(listedRows()).toHaveLength(200);
    fireEvent.click(screen.getByRole('button', { name: 'Show 50 more' }));
    expect(listedRows()).toHaveLength(250);
    expect(screen.queryByRole('button', { name: /^Show \d+ more$/ })).toBeNull();

    fireEvent.click(screen.getByRole('checkbox', { name: 'Select every contact shown' }));
    expect(screen.getByText('250 selected')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Descending'), { target: { checked: false } });
    expect(listedRows()).toHaveLength(100);
    fireEvent.change(within(screen.getByRole('search')).getByLabelText('Stage', { exact: true }), { target: { value: 'Qualified' } });
    expect(screen.getByText(/30 of 250 contacts shown/)).toBeTruthy();
    expect(listedRows()).toHaveLength(30);
  });

  it('shows the last touch cached on the row, and reads it from the interactions only for rows without the cache', async () => {
    db = freshDb();
    // Rows an older Margin stored before it cached activity on the contact (Restore and every
    // write now compute it): the view reads those people's own history.
    const backup = aliceBackup();
    await db.contacts.bulkAdd(backup.tables.contacts);
    await db.interactions.bulkAdd(backup.tables.interactions);
    const restored = await db.contacts.toArray();
    expect(uncachedIds(restored)).toHaveLength(restored.length);
    const uncached = await readUncachedActivity(db, uncachedIds(restored), NOW);
    const lastTouch = (contact: Contact) => uncached.get(contact.id)?.lastTouchAt;
    const byLastTouch = queryContacts(restored, { ...DEFAULT_CONTACT_QUERY, sort: 'lastTouch' }, NOW, new Set(), uncached);
    const expected = [...restored].sort((a, b) => (lastTouch(b) ?? -1) - (lastTouch(a) ?? -1));
    expect(byLastTouch.map((contact) => contact.id)).toEqual(expected.map((contact) => contact.id));
    expect(lastTouch(restored[0]!)).toBeGreaterThan(0);

    renderWithDb(db, <ContactsView contacts={restored} />);
    await screen.findByText(/4 of 4 contacts shown/);
    const cells = listedRows().map((row) => row.querySelectorAll('td')[6]?.textContent);
    expect(cells.filter((text) => text !== 'Never').length).toBeGreaterThan(0);
  });

  it('after a backup is merged in, every row carries its score and activity, so the view reads no history', async () => {
    db = freshDb();
    await restoreBackup(db, aliceBackup(), 'merge', NOW);
    const restored = await db.contacts.toArray();
    expect(uncachedIds(restored)).toEqual([]);
    const interactions = await db.interactions.toArray();
    for (const contact of restored) {
      const own = interactions.filter((row) => row.contactId === contact.id);
      expect(contact.score).toBe(scoreAt(own, NOW, DEFAULT_SCORE_SETTINGS));
    }
  });
});

describe('note-text search', () => {
  it('searches notes only, newest first, and stops at the first 200 people', async () => {
    db = freshDb();
    const rows: Interaction[] = [];
    for (let index = 0; index < 300; index += 1) {
      rows.push(note(`n-${index}`, `c-${index}`, NOW - index * 1000, `They asked about PRICING for team ${index}`));
    }
    rows.push(note('e-1', 'c-email', NOW, 'pricing', 'email-in'));
    await db.interactions.bulkAdd(rows);

    const found = await searchNoteText(db, 'pricing', { pageSize: 50 });
    expect(found.complete).toBe(false);
    expect(found.contactIds.size).toBe(200);
    expect(found.contactIds.has('c-0')).toBe(true);
    expect(found.contactIds.has('c-299')).toBe(false);
    expect(found.contactIds.has('c-email')).toBe(false);
    expect(found.notesRead).toBeLessThanOrEqual(250);

    const few = await searchNoteText(db, 'team 29', { pageSize: 50 });
    expect(few).toMatchObject({ complete: true, notesRead: 300 });
    expect([...few.contactIds].sort()).toEqual(['c-29', ...Array.from({ length: 10 }, (_, n) => `c-${290 + n}`)].sort());
  });

  it('finds every note when many share the same millisecond across page boundaries', async () => {
    db = freshDb();
    await db.interactions.bulkAdd(Array.from({ length: 23 }, (_, index) => note(`n-${index}`, `c-${index}`, NOW, 'same time')));
    const found = await searchNoteText(db, 'same', { pageSize: 5 });
    expect(found).toMatchObject({ complete: true, notesRead: 23 });
    expect(found.contactIds.size).toBe(23);
  });

  it('says honestly on the Contacts view that more results may exist', async () => {
    db = freshDb();
    const contacts = Array.from({ length: 210 }, (_, index) => person(index));
    await db.interactions.bulkAdd(contacts.map((contact, index) => note(`n-${index}`, contact.id, NOW - index, 'Budget is approved')));
    renderWithDb(db, <ContactsView contacts={contacts} />);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'budget' } });
    expect(await screen.findByText(/200 of 210 contacts shown.*more results may exist/)).toBeTruthy();
  });
});

describe('the weekly review from cached activity', () => {
  it('lists a surge only while the week still holds 3 touches, and follow-ups from the [status+due] index', async () => {
    db = freshDb();
    const fresh = person(1, { surge: true, lastTouchAt: NOW - DAY });
    const stale = person(2, { surge: true, lastTouchAt: NOW - 9 * DAY });
    await db.interactions.bulkAdd([
      // Their own touches (the rep's notes alone would never make a surge).
      ...[1, 2, 3].map((days) => note(`f-${days}`, fresh.id, NOW - days * DAY + 1000, 'x', 'email-in')),
      note('f-note', fresh.id, NOW - DAY, 'my own note'),
      ...[9, 10, 11].map((days) => note(`s-${days}`, stale.id, NOW - days * DAY, 'x', 'email-in')),
    ]);
    await db.tasks.bulkAdd([
      { id: 't-due', contactId: fresh.id, due: NOW + DAY, title: 'Send the quote', status: 'open', createdAt: NOW, updatedAt: NOW },
      { id: 't-done', contactId: fresh.id, due: NOW - DAY, title: 'Old', status: 'done', createdAt: NOW, updatedAt: NOW },
      { id: 't-later', contactId: fresh.id, due: NOW + 30 * DAY, title: 'Later', status: 'open', createdAt: NOW, updatedAt: NOW },
    ]);
    const contacts = [fresh, stale, person(3, { stage: 'At-Risk' })];
    const reads = await readReview(db, surgeCandidates(contacts), NOW);
    const review = weeklyReview({ contacts, reads, now: NOW, untouchedDays: 2 });
    expect(review.surging.map(({ contact, touches }) => [contact.name, touches])).toEqual([[fresh.name, 3]]);
    expect(review.dueThisWeek.map((task) => task.title)).toEqual(['Send the quote']);
    expect(review.overdue).toEqual([]);
    expect(review.atRisk.map((contact) => contact.name)).toEqual([contacts[2]!.name]);
    expect(review.untouched.map(({ contact }) => contact.name)).toEqual([stale.name, contacts[2]!.name]);
  });
});

describe('a note saved in the sidebar refreshes the cached activity', () => {
  beforeAll(preloadLazySidebarParts);
  it('the contact row gets the note as its last touch and its sentiment', async () => {
    db = freshDb();
    const context: PageContext = {
      site: 'gmail',
      url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmnvBqRlTtZcJvLhBsGw',
      pageKind: 'gmail-thread',
      person: { name: 'Priya Raman', email: 'priya.raman@northwind-logistics.example' },
    };
    renderWithDb(db, <PersonPanel context={context} person={context.person!} />);
    // The composer loads after the sidebar's first paint (its own chunk).
    fireEvent.input((await screen.findByLabelText('Note')) as HTMLTextAreaElement, { target: { value: 'Worried about the rollout' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Concerned' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await waitFor(async () => {
      const [priya] = await db.contacts.toArray();
      expect(priya).toMatchObject({ lastSentiment: 'Concerned', surge: false });
      expect(priya?.lastTouchAt).toBeGreaterThan(NOW - 60_000);
    });
  });
});
