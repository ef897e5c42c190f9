import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { recomputeContact } from '../../src/actions/recompute-scores';
import { createContactFromPerson } from '../../src/db/contacts-repository';
import type { MarginDb } from '../../src/db/database';
import { scoreAt } from '../../src/metrics/engagement-score';
import { DEFAULT_SCORE_SETTINGS } from '../../src/metrics/score-settings';
import type { Contact, Interaction } from '../../src/model/schemas';
import { PersonHeader } from '../../src/sidebar/PersonHeader';
import { freshDb } from '../db/fresh-db';
import { DAY, touch } from '../metrics/interactions';
import { renderWithDb } from '../support/render-extension-page';

let db: MarginDb;
afterEach(() => {
  cleanup();
  db?.close();
});

const person = { name: 'Jane Doe', email: 'jane@acme.example' };

async function janeWith(daysAgo: number[]): Promise<{ contact: Contact; history: Interaction[] }> {
  const now = Date.now();
  const contact = await createContactFromPerson(db, person, now - 400 * DAY);
  const history = daysAgo.map((days, index) => ({
    ...touch(index % 2 ? 'email-in' : 'meeting', 0),
    id: `i-${index}`,
    contactId: contact.id,
    at: now - days * DAY,
  }));
  await db.interactions.bulkAdd(history);
  return { contact, history };
}

async function everyDerivedRow() {
  return { contacts: await db.contacts.toArray(), activity: await db.activity.toArray(), suggestions: await db.suggestions.toArray() };
}

describe('the score chip only shows', () => {
  it('shows the score the writes stored, decayed to now, and writes nothing on view or on "why"', async () => {
    db = freshDb();
    const { contact, history } = await janeWith([2, 9, 30]);
    // Stored five days ago: the chip decays it on read.
    await recomputeContact(db, contact.id, Date.now() - 5 * DAY);
    const stored = await everyDerivedRow();

    renderWithDb(db, <PersonHeader person={person} contact={(await db.contacts.get(contact.id))!} />);
    const expected = scoreAt(history, Date.now(), DEFAULT_SCORE_SETTINGS);
    const chip = await screen.findByRole('button', { name: new RegExp(`^Score ${expected} · `) });
    fireEvent.click(chip);
    expect(await screen.findByRole('heading', { name: 'Why this score' })).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Adds the most' })).toBeTruthy();

    expect(await everyDerivedRow()).toEqual(stored);
  });

  it('for a person stored before their activity was kept, shows the score from their history, still writing nothing', async () => {
    db = freshDb();
    const { contact, history } = await janeWith([1, 4]);
    const stored = await everyDerivedRow();
    expect(stored.activity).toEqual([]);

    renderWithDb(db, <PersonHeader person={person} contact={contact} />);
    const expected = scoreAt(history, Date.now(), DEFAULT_SCORE_SETTINGS);
    expect(await screen.findByRole('button', { name: new RegExp(`^Score ${expected} · `) })).toBeTruthy();
    expect(await everyDerivedRow()).toEqual(stored);
  });
});
