import { afterEach, describe, expect, it, vi } from 'vitest';
import { recomputeContact } from '../../src/actions/recompute-scores';
import { createContactFromPerson } from '../../src/db/contacts-repository';
import type { MarginDb } from '../../src/db/database';
import { parseFirstScreen, readFirstScreen, type FirstScreenEntry } from '../../src/db/first-screen';
import { addOwnAccount, setAliases } from '../../src/db/own-addresses-repository';
import { DEFAULT_SCORE_SETTINGS } from '../../src/metrics/score-settings';
import type { PageContext } from '../../src/model/page-context';
import type { Interaction } from '../../src/model/schemas';
import { gmailMessage, gmailThread, ME, PRIYA } from '../capture/contexts';
import { DAY, NOW, touch } from '../metrics/interactions';
import { freshDb } from './fresh-db';

let db: MarginDb;
afterEach(() => db?.close());

const PRIYA_KEY = ['contact-by-identity', { emails: [PRIYA.email], linkedinIds: [] }];

/** What the sidebar receives: the answer crosses runtime messaging as JSON. */
function overTheWire(entries: FirstScreenEntry[]): unknown {
  return JSON.parse(JSON.stringify(entries));
}

async function priyaWith(daysAgo: number[]): Promise<{ contactId: string; history: Interaction[] }> {
  const contact = await createContactFromPerson(db, PRIYA, NOW - 400 * DAY);
  const history = daysAgo.map((days, index) => touch(index % 2 ? 'email-in' : 'meeting', days, { id: `i-${index}`, contactId: contact.id }));
  await db.interactions.bulkAdd(history);
  return { contactId: contact.id, history };
}

describe('the first screen the background reads for the sidebar', () => {
  it('for someone Margin does not know: the own addresses and "no contact", nothing more', async () => {
    db = freshDb();
    const entries = await readFirstScreen(db, gmailThread([gmailMessage('msg-f:1', 2, 'priya')]), NOW);

    expect(entries).toEqual([
      { key: ['own-addresses'], data: [] },
      { key: PRIYA_KEY, data: null },
    ]);
    expect(parseFirstScreen(overTheWire(entries))).toEqual(entries);
  });

  it('for a tracked person: the contact, the score settings, the activity row and the three latest items, newest first', async () => {
    db = freshDb();
    const { contactId } = await priyaWith([30, 9, 2, 1]);
    await recomputeContact(db, contactId, NOW);
    const contact = await db.contacts.get(contactId);
    const activity = await db.activity.get(contactId);

    const entries = await readFirstScreen(db, gmailThread([gmailMessage('msg-f:1', 2, 'priya')]), NOW);

    expect(entries.map((entry) => entry.key)).toEqual([
      ['own-addresses'],
      PRIYA_KEY,
      ['setting', 'metrics.score'],
      ['person-activity', contactId],
      ['recent-activity', contactId],
    ]);
    expect(entries[1]?.data).toEqual(contact);
    expect(entries[2]?.data).toEqual(DEFAULT_SCORE_SETTINGS);
    expect(entries[3]?.data).toEqual(activity);
    expect((entries[4]?.data as Interaction[]).map((item) => item.id)).toEqual(['i-3', 'i-2', 'i-1']);
    // The activity row holds, so the score needs no history: none is read or sent.
    expect(parseFirstScreen(overTheWire(entries))).toEqual(entries);
  });

  it('for a person whose activity row cannot say yet, also the whole history the score is computed from', async () => {
    db = freshDb();
    const { contactId, history } = await priyaWith([30, 9, 2]);

    const entries = await readFirstScreen(db, gmailThread([gmailMessage('msg-f:1', 2, 'priya')]), NOW);

    expect(entries.find((entry) => entry.key[0] === 'person-activity')?.data).toBeNull();
    expect(entries.at(-1)).toEqual({ key: ['contact-interactions', contactId], data: history });
  });

  it('applies the user’s own addresses first, so the person is the one the sidebar shows, not the user’s alias', async () => {
    db = freshDb();
    const ALIAS = 'alex@acme-sales.example';
    await addOwnAccount(db, ME);
    await setAliases(db, ME, [ALIAS]);
    await createContactFromPerson(db, { name: 'Alex', email: ALIAS }, NOW - DAY);
    const { contactId } = await priyaWith([3]);
    // The recogniser took the alias for the latest other sender: only the settings know it is the user.
    const context = gmailThread(
      [gmailMessage('msg-f:1', 2, 'priya'), gmailMessage('msg-f:2', 1, ALIAS, { from: { name: 'Alex', email: ALIAS }, to: [PRIYA] })],
      { person: { name: 'Alex', email: ALIAS }, participants: [PRIYA], ownAddresses: [ME] },
    );

    const entries = await readFirstScreen(db, context, NOW);

    expect(entries[0]).toEqual({ key: ['own-addresses'], data: [ME, ALIAS] });
    expect(entries[1]?.key).toEqual(PRIYA_KEY);
    expect((entries[1]?.data as { id: string }).id).toBe(contactId);
    expect(entries.some((entry) => JSON.stringify(entry.key).includes(ALIAS))).toBe(false);
  });

  it('on a page without a person: the own addresses only', async () => {
    db = freshDb();
    const context: PageContext = { site: 'gmail', url: 'https://mail.google.com/mail/u/0/#inbox', pageKind: 'gmail-list', person: null };

    expect(await readFirstScreen(db, context, NOW)).toEqual([{ key: ['own-addresses'], data: [] }]);
  });
});

describe('the sidebar checks each first-screen entry before using it', () => {
  it('leaves out entries with a key no first-screen read makes, or data that does not fit the read', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const good = { key: ['own-addresses'], data: [ME] };
    const entries = parseFirstScreen([
      good,
      { key: ['all-contacts'], data: [] },
      { key: ['setting', 'capture.neverLog'], data: { anything: true } },
      { key: ['contact-by-identity', { emails: [PRIYA.email], linkedinIds: [] }], data: { id: 'c1', name: 'Priya', stage: 'Sold' } },
      { key: ['recent-activity', 'c1'], data: [1, 2, 3, 4] },
      { key: ['person-activity', 'c1'], data: { contactId: 'c1' } },
    ]);

    expect(entries).toEqual([good]);
    expect(warn).toHaveBeenCalledTimes(5);
  });

  it('takes nothing from an answer that is not a list (an older background)', () => {
    expect(parseFirstScreen(undefined)).toEqual([]);
    expect(parseFirstScreen({ key: ['own-addresses'], data: [] })).toEqual([]);
  });
});
