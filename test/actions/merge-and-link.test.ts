import { afterEach, describe, expect, it } from 'vitest';
import { createContactFromPerson, findContactByIdentity } from '../../src/db/contacts-repository';
import type { MarginDb } from '../../src/db/database';
import { linkConfirmedIdentities, linkPersonToContact } from '../../src/actions/link-identities';
import { mergeContacts, MergeRefusedError, undoMerge } from '../../src/actions/merge-contacts';
import {
  addOwnAccount,
  allOwnAddresses,
  listOwnAccounts,
  recordOwnAddresses,
  setAliases,
} from '../../src/db/own-addresses-repository';
import type { Contact, Interaction, Task } from '../../src/model/schemas';
import { findContactsNamed, searchContacts } from '../../src/db/search-contacts';
import type { PersonOnPage } from '../../src/model/page-context';
import { freshDb, withoutDerived } from '../db/fresh-db';
import { scoreAt } from '../../src/metrics/engagement-score';
import { DEFAULT_SCORE_SETTINGS } from '../../src/metrics/score-settings';

const priyaByEmail: PersonOnPage = { name: 'Priya Raman', email: 'priya.raman@gmail.com', company: 'Northwind Logistics' };
const priyaOnLinkedIn: PersonOnPage = { name: 'Priya Raman', linkedinSlug: 'priya-raman-northwind', linkedinUrn: 'ACoAAC7pRiYBq3NwLgTx9aM0KjE5vHd2Ls8Yz4U', headline: 'VP Operations' };

let db: MarginDb;
afterEach(() => db?.close());

function interaction(contactId: string, id: string, at: number): Interaction {
  return { id, contactId, at, kind: 'note', body: id, source: { site: 'margin' }, createdAt: at, updatedAt: at };
}
function task(contactId: string, id: string): Task {
  return { id, contactId, due: 5_000, title: id, status: 'open', createdAt: 1, updatedAt: 1 };
}

async function snapshot(database: MarginDb) {
  const byId = <T extends { id: string }>(rows: T[]) => rows.sort((a, b) => a.id.localeCompare(b.id));
  return {
    // The cached score and activity follow the rows; the tests check them on their own.
    contacts: byId(await database.contacts.toArray()).map(withoutDerived),
    interactions: byId(await database.interactions.toArray()),
    tasks: byId(await database.tasks.toArray()),
  };
}

describe('matching addresses on their canonical form', () => {
  it('finds the contact whatever dots, +tags or googlemail the page shows', async () => {
    db = freshDb();
    const contact = await createContactFromPerson(db, priyaByEmail, 1);
    expect(contact.emails).toEqual(['priyaraman@gmail.com']);
    for (const shown of ['Priya.Raman+li@gmail.com', 'priyaraman@googlemail.com', 'p.r.i.y.a.raman@gmail.com']) {
      expect((await findContactByIdentity(db, { emails: [shown] }))?.id, shown).toBe(contact.id);
    }
  });

  it('still finds rows stored before folding (the shown spelling)', async () => {
    db = freshDb();
    await db.contacts.add({ id: 'old', name: 'Old', emails: ['priya.raman@gmail.com'], linkedinIds: [], stage: 'Awareness', tags: [], customFields: {}, createdAt: 1, updatedAt: 1 });
    expect((await findContactByIdentity(db, { emails: ['Priya.Raman@gmail.com'] }))?.id).toBe('old');
  });
});

describe('mergeContacts and undoMerge', () => {
  it('moves every interaction and task, keeps both identities, and undoes exactly', async () => {
    db = freshDb();
    const kept = await createContactFromPerson(db, priyaOnLinkedIn, 10);
    const merged = await createContactFromPerson(db, priyaByEmail, 20);
    await db.interactions.bulkAdd([interaction(kept.id, 'k1', 100), interaction(merged.id, 'm1', 200), interaction(merged.id, 'm2', 300)]);
    await db.tasks.bulkAdd([task(merged.id, 't1'), task(kept.id, 't2')]);
    const before = await snapshot(db);

    const result = await mergeContacts(db, { keptId: kept.id, mergedId: merged.id, now: 1_000 });
    expect(result.moved).toEqual({ interactions: 2, tasks: 1 });
    expect(await db.contacts.count()).toBe(1);
    const combined = await db.contacts.get(kept.id);
    expect(combined?.emails).toEqual(['priyaraman@gmail.com']);
    expect(combined?.linkedinIds).toEqual(['priya-raman-northwind', 'ACoAAC7pRiYBq3NwLgTx9aM0KjE5vHd2Ls8Yz4U']);
    expect(combined?.company).toBe('Northwind Logistics');
    expect(combined?.createdAt).toBe(10);
    expect(await db.interactions.where('contactId').equals(kept.id).count()).toBe(3);
    expect(await db.tasks.where('contactId').equals(kept.id).count()).toBe(2);
    expect((await findContactByIdentity(db, { emails: ['priya.raman@gmail.com'] }))?.id).toBe(kept.id);
    const record = await db.undo.get(result.undoId);
    expect(record?.label).toBe('Merged Priya Raman into Priya Raman');

    // The kept contact is scored on both histories at once, not at the next daily run.
    const all = await db.interactions.toArray();
    expect(combined?.score).toBe(scoreAt(all, 1_000, DEFAULT_SCORE_SETTINGS));
    expect(combined?.lastTouchAt).toBe(300);
    expect(await db.activity.get(merged.id)).toBeUndefined();

    expect(await undoMerge(db, result.undoId)).toBe(true);
    expect(await snapshot(db)).toEqual(before);
    // Undone: each is scored on their own rows again.
    expect((await db.contacts.get(kept.id))?.lastTouchAt).toBe(100);
    expect((await db.contacts.get(merged.id))?.lastTouchAt).toBe(300);
    expect(await db.undo.count()).toBe(0);
    expect(await undoMerge(db, result.undoId)).toBe(false);
  });

  it('is all or nothing: a failure inside leaves both contacts untouched', async () => {
    db = freshDb();
    const kept = await createContactFromPerson(db, priyaOnLinkedIn, 10);
    const merged = await createContactFromPerson(db, priyaByEmail, 20);
    await db.interactions.add(interaction(merged.id, 'm1', 200));
    const before = await snapshot(db);
    const original = db.tasks.bulkPut.bind(db.tasks);
    db.tasks.bulkPut = (() => Promise.reject(new Error("disk full"))) as unknown as typeof db.tasks.bulkPut;
    await expect(mergeContacts(db, { keptId: kept.id, mergedId: merged.id })).rejects.toThrow('disk full');
    db.tasks.bulkPut = original;
    expect(await snapshot(db)).toEqual(before);
    expect(await db.undo.count()).toBe(0);
  });

  it('refuses to merge a contact into itself or a missing one', async () => {
    db = freshDb();
    const kept = await createContactFromPerson(db, priyaOnLinkedIn, 10);
    await expect(mergeContacts(db, { keptId: kept.id, mergedId: kept.id })).rejects.toBeInstanceOf(MergeRefusedError);
    await expect(mergeContacts(db, { keptId: kept.id, mergedId: 'gone' })).rejects.toBeInstanceOf(MergeRefusedError);
  });
});

describe('linking identities', () => {
  it('links a LinkedIn person to the contact the user picked, never taking another contact’s identity', async () => {
    db = freshDb();
    const fromEmail = await createContactFromPerson(db, priyaByEmail, 1);
    const result = await linkPersonToContact(db, fromEmail.id, priyaOnLinkedIn, 5);
    expect(result.status).toBe('linked');
    expect((await findContactByIdentity(db, { linkedinIds: ['priya-raman-northwind'] }))?.id).toBe(fromEmail.id);

    const jonas = await createContactFromPerson(db, { name: 'Jonas', email: 'jonas@northwind.example' }, 2);
    expect((await linkPersonToContact(db, jonas.id, priyaOnLinkedIn)).status).toBe('belongs-to-other');
    expect((await db.contacts.get(jonas.id))?.linkedinIds).toEqual([]);
  });

  it('links the contact-info address to the profile’s contact, and asks (never merges) when they are two', async () => {
    db = freshDb();
    const profile = await createContactFromPerson(db, priyaOnLinkedIn, 1);
    const both: PersonOnPage = { ...priyaOnLinkedIn, email: 'priya.raman+li@gmail.com' };
    const linked = await linkConfirmedIdentities(db, both, 2);
    expect(linked).toMatchObject({ status: 'linked' });
    expect((await db.contacts.get(profile.id))?.emails).toEqual(['priyaraman@gmail.com']);
    expect(await linkConfirmedIdentities(db, both)).toEqual({ status: 'already-linked' });

    db.close();
    db = freshDb();
    await createContactFromPerson(db, priyaOnLinkedIn, 1);
    await createContactFromPerson(db, priyaByEmail, 2);
    expect((await linkConfirmedIdentities(db, both)).status).toBe('two-contacts');
    expect(await db.contacts.count()).toBe(2);
  });
});

describe('searching contacts and name suggestions', () => {
  it('finds by name, company, address and LinkedIn id; a name only suggests', async () => {
    db = freshDb();
    const priya = await createContactFromPerson(db, priyaByEmail, 1);
    const jonas = await createContactFromPerson(db, { name: 'Jonas Becker', email: 'jonas@northwind.example', company: 'Northwind' }, 2);
    await createContactFromPerson(db, { name: 'Priyanka Shah', linkedinSlug: 'priyanka-shah' }, 3);
    expect((await searchContacts(db, 'priya')).map((contact) => contact.name)).toEqual(['Priyanka Shah', 'Priya Raman']);
    expect((await searchContacts(db, 'becker')).map((contact) => contact.id)).toEqual([jonas.id]);
    expect((await searchContacts(db, 'priyaraman@')).map((contact) => contact.id)).toEqual([priya.id]);
    expect((await searchContacts(db, 'priyanka-shah')).map((contact) => contact.name)).toEqual(['Priyanka Shah']);
    expect(await searchContacts(db, 'priya', { excludeIds: [priya.id] })).toHaveLength(1);
    expect(await searchContacts(db, '   ')).toEqual([]);
    expect((await findContactsNamed(db, '  priya RAMAN ')).map((contact: Contact) => contact.id)).toEqual([priya.id]);
    expect(await findContactsNamed(db, 'Priya')).toEqual([]);
  });
});

describe('own addresses per account', () => {
  it('remembers what Gmail shows per account, keeps aliases, and lists everything as the user', async () => {
    db = freshDb();
    await recordOwnAddresses(db, { addresses: ['Alex.Morgan@acme-sales.example'], accountIndex: 0, now: 1 });
    await recordOwnAddresses(db, { addresses: ['alex.private@gmail.com'], accountIndex: 1, now: 2 });
    await setAliases(db, 'alex.morgan@acme-sales.example', ['alex@acme-sales.example', 'Sales@Acme-Sales.example']);
    await recordOwnAddresses(db, { addresses: ['alex.morgan@acme-sales.example'], accountIndex: 2, now: 3 });
    expect(await listOwnAccounts(db)).toEqual([
      { address: 'alex.private@gmail.com', aliases: [], accountIndex: 1, seenAt: 2 },
      { address: 'alex.morgan@acme-sales.example', aliases: ['alex@acme-sales.example', 'sales@acme-sales.example'], accountIndex: 2, seenAt: 3 },
    ]);
    expect((await allOwnAddresses(db)).sort()).toEqual(
      ['alex.morgan@acme-sales.example', 'alex.private@gmail.com', 'alex@acme-sales.example', 'sales@acme-sales.example'].sort(),
    );
    await expect(setAliases(db, 'alex.private@gmail.com', ['not an address'])).rejects.toThrow('Not an email address');
    await expect(addOwnAccount(db, 'nope')).rejects.toThrow();
  });
});
