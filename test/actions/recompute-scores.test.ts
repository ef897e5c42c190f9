import { afterEach, describe, expect, it } from 'vitest';
import { createContactFromPerson } from '../../src/db/contacts-repository';
import type { MarginDb } from '../../src/db/database';
import { recomputeAllContacts, recomputeContact } from '../../src/actions/recompute-scores';
import { setSetting } from '../../src/db/settings-repository';
import { acceptSuggestion, dismissSuggestion, SuggestionOutdatedError } from '../../src/actions/decide-suggestion';
import { listOpenSuggestions } from '../../src/db/suggestions-repository';
import { DEFAULT_SCORE_SETTINGS, SCORE_SETTINGS } from '../../src/metrics/score-settings';
import { DAY, NOW, touch } from '../metrics/interactions';
import { freshDb } from '../db/fresh-db';

let db: MarginDb;
afterEach(() => db?.close());

async function contactWith(name: string, interactions: ReturnType<typeof touch>[]) {
  const contact = await createContactFromPerson(db, { name, email: `${name.toLowerCase()}@x.example` }, NOW - 400 * DAY);
  await db.interactions.bulkAdd(interactions.map((interaction) => ({ ...interaction, id: crypto.randomUUID(), contactId: contact.id })));
  return contact;
}

describe('recomputeContact', () => {
  it('stores the score and when it was computed, and decays it later', async () => {
    db = freshDb();
    const jane = await contactWith('Jane', [touch('meeting', 0), touch('email-in', 0)]);
    await recomputeContact(db, jane.id, NOW);
    expect(await db.contacts.get(jane.id)).toMatchObject({ score: 55, scoreComputedAt: NOW });
    await recomputeContact(db, jane.id, NOW + 60 * DAY);
    expect(await db.contacts.get(jane.id)).toMatchObject({ score: 18, scoreComputedAt: NOW + 60 * DAY });
  });

  it('uses the weights from settings', async () => {
    db = freshDb();
    await setSetting(db, SCORE_SETTINGS, { ...DEFAULT_SCORE_SETTINGS, weights: { meeting: 0 } });
    const jane = await contactWith('Jane', [touch('meeting', 0)]);
    await recomputeContact(db, jane.id, NOW);
    expect((await db.contacts.get(jane.id))?.score).toBe(0);
  });

  it('opens one suggestion with its reason and keeps it while it holds', async () => {
    db = freshDb();
    const jane = await contactWith('Jane', [touch('email-out', 2), touch('email-in', 1)]);
    await recomputeContact(db, jane.id, NOW);
    await recomputeContact(db, jane.id, NOW + 1000);
    const open = await listOpenSuggestions(db, jane.id);
    expect(open.map((s) => [s.from, s.to, s.rule, s.reason])).toEqual([
      ['Awareness', 'Engaged', 'engaged-two-way', 'Two-way contact: 1 message from them, 1 message from you'],
    ]);
  });

  it('withdraws an open suggestion whose rule no longer fires', async () => {
    db = freshDb();
    const jane = await contactWith('Jane', [touch('note', 2, { sentiment: 'Concerned' }), touch('note', 1, { sentiment: 'Concerned' })]);
    await recomputeContact(db, jane.id, NOW);
    expect(await listOpenSuggestions(db, jane.id)).toHaveLength(1);
    await db.interactions.add({ ...touch('note', 0, { sentiment: 'Positive' }), contactId: jane.id });
    await recomputeContact(db, jane.id, NOW);
    expect(await listOpenSuggestions(db, jane.id)).toEqual([]);
  });
});

describe('accepting and dismissing', () => {
  it('accepting moves the stage and puts the change with its reason on the timeline, in one go', async () => {
    db = freshDb();
    const jane = await contactWith('Jane', [touch('note', 2, { sentiment: 'Concerned' }), touch('note', 1, { sentiment: 'Concerned' })]);
    await db.contacts.update(jane.id, { stage: 'Qualified' });
    await recomputeContact(db, jane.id, NOW);
    const [suggestion] = await listOpenSuggestions(db, jane.id);
    const change = await acceptSuggestion(db, suggestion!.id, NOW);
    expect(change).toMatchObject({ kind: 'stage-change', stageChange: { from: 'Qualified', to: 'At-Risk', reason: 'Two Concerned notes in a row' } });
    expect(await db.contacts.get(jane.id)).toMatchObject({ stage: 'At-Risk', previousStage: 'Qualified' });
    expect((await db.suggestions.get(suggestion!.id))?.status).toBe('accepted');
    await expect(acceptSuggestion(db, suggestion!.id, NOW)).rejects.toBeInstanceOf(SuggestionOutdatedError);

    // A Positive interaction later suggests Qualified back.
    await db.interactions.add({ ...touch('email-in', -1, { sentiment: 'Positive' }), contactId: jane.id });
    await recomputeContact(db, jane.id, NOW + 2 * DAY);
    const [back] = await listOpenSuggestions(db, jane.id);
    expect([back?.from, back?.to]).toEqual(['At-Risk', 'Qualified']);
  });

  it('refuses a suggestion the stage has moved past', async () => {
    db = freshDb();
    const jane = await contactWith('Jane', [touch('call', 1)]);
    await recomputeContact(db, jane.id, NOW);
    const [suggestion] = await listOpenSuggestions(db, jane.id);
    await db.contacts.update(jane.id, { stage: 'Qualified' });
    await expect(acceptSuggestion(db, suggestion!.id, NOW)).rejects.toBeInstanceOf(SuggestionOutdatedError);
    expect((await db.contacts.get(jane.id))?.stage).toBe('Qualified');
    expect(await db.interactions.filter((interaction) => interaction.kind === 'stage-change').count()).toBe(0);
    expect(await db.suggestions.get(suggestion!.id)).toBeUndefined();
  });

  it('a dismissed suggestion comes back only after something new happens', async () => {
    db = freshDb();
    const jane = await contactWith('Jane', [touch('email-out', 3), touch('email-in', 2)]);
    await recomputeContact(db, jane.id, NOW);
    const [suggestion] = await listOpenSuggestions(db, jane.id);
    await dismissSuggestion(db, suggestion!.id, NOW);
    await recomputeContact(db, jane.id, NOW + 3 * DAY);
    expect(await listOpenSuggestions(db, jane.id)).toEqual([]);
    await db.interactions.add({ ...touch('email-in', -1), contactId: jane.id });
    await recomputeContact(db, jane.id, NOW + 3 * DAY);
    expect((await listOpenSuggestions(db, jane.id)).map((s) => s.rule)).toEqual(['engaged-two-way']);
  });
});

describe('recomputeAllContacts', () => {
  it('recomputes everyone in batches and writes only changed scores', async () => {
    db = freshDb();
    const people = [];
    for (let index = 0; index < 7; index += 1) {
      people.push(await contactWith(`P${index}`, [touch('meeting', index * 10), touch('email-in', index * 10 + 1)]));
    }
    const first = await recomputeAllContacts(db, NOW, { batchSize: 3 });
    expect(first).toMatchObject({ contacts: 7, interactions: 14, scoresChanged: 7 });
    for (const person of people) {
      const stored = await db.contacts.get(person.id);
      const single = await recomputeContact(db, person.id, NOW);
      expect(stored?.score).toBe(single?.score);
    }
    const again = await recomputeAllContacts(db, NOW + 1000, { batchSize: 3 });
    expect(again.scoresChanged).toBe(0);
    const decayed = await recomputeAllContacts(db, NOW + 30 * DAY, { batchSize: 3 });
    expect(decayed.scoresChanged).toBe(7);
  });
});

describe('the activity cached on the contact row (what the dashboard filters by)', () => {
  it('stores the last touch, the newest sentiment and a surge; stage changes and done follow-ups are not touches', async () => {
    db = freshDb();
    const jane = await contactWith('Jane', [
      touch('email-in', 6, { sentiment: 'Positive' }),
      touch('meeting', 4),
      touch('call', 3),
      touch('note', 2, { sentiment: 'Concerned' }),
      touch('stage-change', 1),
      touch('task-done', 0.5),
    ]);
    await recomputeContact(db, jane.id, NOW);
    expect(await db.contacts.get(jane.id)).toMatchObject({ lastTouchAt: NOW - 2 * DAY, lastSentiment: 'Concerned', surge: true });
  });

  it('a surge ends by time passing: the daily recompute turns it off, and keeps the rest', async () => {
    db = freshDb();
    const jane = await contactWith('Jane', [touch('email-in', 3), touch('meeting', 2), touch('call', 1)]);
    await recomputeAllContacts(db, NOW);
    expect((await db.contacts.get(jane.id))?.surge).toBe(true);
    const later = await recomputeAllContacts(db, NOW + 10 * DAY);
    expect(later.scoresChanged).toBe(1);
    expect(await db.contacts.get(jane.id)).toMatchObject({ surge: false, lastTouchAt: NOW - DAY });
  });

  it('someone never touched has no last touch and no surge, stored as such (not left unknown)', async () => {
    db = freshDb();
    const jane = await contactWith('Jane', []);
    await recomputeContact(db, jane.id, NOW);
    const stored = await db.contacts.get(jane.id);
    expect(stored).toMatchObject({ surge: false });
    expect(stored).not.toHaveProperty('lastTouchAt');
    expect(stored).not.toHaveProperty('lastSentiment');
  });
});
