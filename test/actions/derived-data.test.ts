import { afterEach, describe, expect, it } from 'vitest';
import { addTagToContacts, setStageOfContacts } from '../../src/actions/bulk-edit-contacts';
import { deleteInteraction, editNote } from '../../src/actions/edit-timeline';
import { logNote } from '../../src/actions/log-note';
import { recomputeAllContacts, recomputeContact, recomputeContactsAfter } from '../../src/actions/recompute-scores';
import { createContactFromPerson } from '../../src/db/contacts-repository';
import type { MarginDb } from '../../src/db/database';
import { setSetting } from '../../src/db/settings-repository';
import { listOpenSuggestions } from '../../src/db/suggestions-repository';
import { guessColumnMapping } from '../../src/import/contact-columns';
import { applyCsvImport, planCsvImport } from '../../src/import/csv-contact-import';
import { parseCsvText } from '../../src/import/parse-csv';
import { scoreAt } from '../../src/metrics/engagement-score';
import { DEFAULT_SCORE_SETTINGS, SCORE_SETTINGS } from '../../src/metrics/score-settings';
import { stageCandidates } from '../../src/metrics/stage-rules';
import type { Contact, Interaction } from '../../src/model/schemas';
import { DAY, NOW, touch } from '../metrics/interactions';
import { freshDb } from '../db/fresh-db';

let db: MarginDb;
afterEach(() => db?.close());

async function contactWith(name: string, interactions: Interaction[], extra: Partial<Contact> = {}): Promise<Contact> {
  const contact = await createContactFromPerson(db, { name, email: `${name.toLowerCase()}@x.example` }, NOW - 400 * DAY);
  if (Object.keys(extra).length > 0) await db.contacts.update(contact.id, extra);
  await db.interactions.bulkAdd(interactions.map((interaction) => ({ ...interaction, id: crypto.randomUUID(), contactId: contact.id })));
  return (await db.contacts.get(contact.id))!;
}

async function historyOf(contactId: string): Promise<Interaction[]> {
  return db.interactions.where('contactId').equals(contactId).toArray();
}

describe('the daily job touches people, not interactions', () => {
  it('decays every score from the stored sums, reading no interaction, and gives what a full recompute gives', async () => {
    db = freshDb();
    const people = [
      await contactWith('Ada', [touch('meeting', 2), touch('email-in', 10, { sentiment: 'Positive' })], { stage: 'Engaged' }),
      // Their last message 20 days ago: in 30 days more they have been silent 50 days.
      await contactWith('Ben', [touch('email-in', 40), touch('email-in', 30), touch('email-in', 20), touch('email-out', 19)], { stage: 'Qualified' }),
      await contactWith('Cy', []),
    ];
    const first = await recomputeAllContacts(db, NOW);
    // The first pass after rows were written straight to the table fills each person's row from their history.
    expect(first.interactions).toBe(6);

    const later = NOW + 30 * DAY;
    const daily = await recomputeAllContacts(db, later);
    expect(daily).toMatchObject({ contacts: 3, interactions: 0 });
    for (const person of people) {
      const history = await historyOf(person.id);
      const stored = await db.contacts.get(person.id);
      expect(stored?.score, person.name).toBe(scoreAt(history, later, DEFAULT_SCORE_SETTINGS));
    }
    // Silence becomes true by waiting alone: the suggestion comes from the stored activity.
    const ben = people[1]!;
    const expected = stageCandidates({ contact: ben, interactions: await historyOf(ben.id), now: later, settings: DEFAULT_SCORE_SETTINGS })[0];
    expect((await listOpenSuggestions(db, ben.id)).map((suggestion) => [suggestion.rule, suggestion.reason])).toEqual([
      [expected?.rule, expected?.reason],
    ]);
    expect(expected?.rule).toBe('at-risk-silence');
  });

  it('after the score settings change, the next pass recomputes everyone from their history (resumably, in batches)', async () => {
    db = freshDb();
    const ada = await contactWith('Ada', [touch('meeting', 1), touch('note', 1)]);
    await recomputeAllContacts(db, NOW);
    const before = (await db.contacts.get(ada.id))?.score;
    await setSetting(db, SCORE_SETTINGS, { ...DEFAULT_SCORE_SETTINGS, weights: { ...DEFAULT_SCORE_SETTINGS.weights, meeting: 0 } });

    // One batch at a time, as the daily job's pieces run it: the first piece reads Ada's history.
    const piece = await recomputeContactsAfter(db, NOW + DAY, undefined, { batchSize: 1, budgetMs: 0 });
    expect(piece).toMatchObject({ contacts: 1, interactions: 2, after: ada.id });
    const after = (await db.contacts.get(ada.id))?.score;
    expect(after).toBe(scoreAt(await historyOf(ada.id), NOW + DAY, { ...DEFAULT_SCORE_SETTINGS, weights: { ...DEFAULT_SCORE_SETTINGS.weights, meeting: 0 } }));
    expect(after).toBeLessThan(before!);
    // Then the rows hold again: the next day reads nothing.
    expect((await recomputeAllContacts(db, NOW + 2 * DAY)).interactions).toBe(0);
  });

  it('a person with an item dated ahead is read again once that item starts to count', async () => {
    db = freshDb();
    const ada = await contactWith('Ada', [touch('email-in', 3), touch('meeting', -5)]);
    await recomputeAllContacts(db, NOW);
    expect((await db.contacts.get(ada.id))?.score).toBe(scoreAt(await historyOf(ada.id), NOW, DEFAULT_SCORE_SETTINGS));
    const result = await recomputeAllContacts(db, NOW + 6 * DAY);
    expect(result.interactions).toBe(2);
    expect((await db.contacts.get(ada.id))?.score).toBe(scoreAt(await historyOf(ada.id), NOW + 6 * DAY, DEFAULT_SCORE_SETTINGS));
    expect((await recomputeAllContacts(db, NOW + 7 * DAY)).interactions).toBe(0);
  });
});

describe('every write keeps the score current in its own transaction', () => {
  const jane = { name: 'Jane Doe', email: 'jane@acme.example' };
  const gmail = { site: 'gmail' as const };

  it('a note raises the score at once; changing its sentiment or deleting it moves the score at once', async () => {
    db = freshDb();
    const { contact, interaction } = await logNote(db, {
      person: jane,
      note: { id: crypto.randomUUID(), kind: 'call', body: 'Intro call', sentiment: 'Positive' },
      source: gmail,
      now: NOW,
    });
    const afterCall = (await db.contacts.get(contact.id))?.score;
    expect(afterCall).toBe(scoreAt([interaction], NOW, DEFAULT_SCORE_SETTINGS));
    expect(afterCall).toBeGreaterThan(0);

    await editNote(db, interaction.id, { sentiment: 'Negative' }, NOW + 1);
    const afterEdit = (await db.contacts.get(contact.id))?.score;
    expect(afterEdit).toBe(scoreAt(await historyOf(contact.id), NOW + 1, DEFAULT_SCORE_SETTINGS));
    expect(afterEdit).toBeLessThan(afterCall!);

    await deleteInteraction(db, interaction.id, NOW + 2);
    expect(await db.contacts.get(contact.id)).toMatchObject({ score: 0, scoreComputedAt: NOW + 2, surge: false });
    expect((await db.activity.get(contact.id))?.scoreSum).toBe(0);
  });

  it('a bulk stage change on the dashboard withdraws the suggestion the old stage had, at once', async () => {
    db = freshDb();
    const ada = await contactWith('Ada', [touch('email-in', 3), touch('email-out', 2)]);
    await recomputeContact(db, ada.id, NOW);
    expect((await listOpenSuggestions(db, ada.id)).map((suggestion) => suggestion.rule)).toEqual(['engaged-two-way']);

    await setStageOfContacts(db, [ada.id], 'Qualified', NOW + 1);
    expect(await listOpenSuggestions(db, ada.id)).toEqual([]);
    expect((await db.activity.get(ada.id))?.computedAt).toBe(NOW + 1);
    // A tag changes nothing derived.
    await addTagToContacts(db, [ada.id], 'vip', NOW + 2);
    expect((await db.activity.get(ada.id))?.computedAt).toBe(NOW + 1);
  });

  it('people a CSV import adds are scored at once (the dashboard shows them without waiting for the daily job)', async () => {
    db = freshDb();
    const csv = parseCsvText(['Name,Email', 'Priya Raman,priya@northwind.example', 'Sam Okoro,sam@okoro.example'].join('\r\n'));
    await applyCsvImport(db, await planCsvImport(db, csv, guessColumnMapping(csv.headers), NOW), NOW);
    const imported = await db.contacts.toArray();
    expect(imported).toHaveLength(2);
    for (const contact of imported) {
      expect(contact).toMatchObject({ score: 0, scoreComputedAt: NOW, surge: false });
      expect(await db.activity.get(contact.id)).toMatchObject({ computedAt: NOW, scoreSum: 0 });
    }
  });
});
