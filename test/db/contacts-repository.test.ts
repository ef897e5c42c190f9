import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import {
  changeStage,
  countContacts,
  createContactFromPerson,
  findContactByIdentity,
  getContact,
  listContacts,
  setContactCustomField,
  setContactTags,
} from '../../src/db/contacts-repository';
import { createDb, type MarginDb } from '../../src/db/database';
import { listTimeline } from '../../src/db/interactions-repository';
import { contactSchema, type Contact } from '../../src/model/schemas';
import { freshDb } from './fresh-db';

function contact(overrides: Partial<Contact>): Contact {
  return {
    id: crypto.randomUUID(),
    name: 'Someone',
    emails: [],
    linkedinIds: [],
    stage: 'Awareness',
    tags: [],
    customFields: {},
    createdAt: 1,
    updatedAt: 1,
    ...overrides,
  };
}

let db: MarginDb;
afterEach(() => db?.close());

describe('findContactByIdentity', () => {
  it('matches an address whatever its case and spacing', async () => {
    db = freshDb();
    const jane = contact({ emails: ['jane@acme.com'] });
    await db.contacts.add(jane);

    expect(await findContactByIdentity(db, { emails: [' JANE@Acme.com '] })).toEqual(jane);
  });

  it('matches a LinkedIn slug case-insensitively and a member URN exactly', async () => {
    db = freshDb();
    const jane = contact({ linkedinIds: ['jane-doe', 'ACoAABcdEfGhIjKlMn'] });
    await db.contacts.add(jane);

    expect(await findContactByIdentity(db, { linkedinIds: ['Jane-Doe'] })).toEqual(jane);
    expect(await findContactByIdentity(db, { linkedinIds: ['ACoAABcdEfGhIjKlMn'] })).toEqual(jane);
    expect(await findContactByIdentity(db, { linkedinIds: ['ACOAABCDEFGHIJKLMN'] })).toBeUndefined();
  });

  it('answers nothing for no identities, unknown ones or malformed ones', async () => {
    db = freshDb();
    await db.contacts.add(contact({ name: 'Jane Doe', emails: ['jane@acme.com'] }));

    expect(await findContactByIdentity(db, {})).toBeUndefined();
    expect(await findContactByIdentity(db, { emails: ['bob@acme.com'], linkedinIds: ['bob'] })).toBeUndefined();
    expect(await findContactByIdentity(db, { emails: ['Jane Doe'] })).toBeUndefined();
  });

  it('picks the oldest contact when several match', async () => {
    db = freshDb();
    const newer = contact({ id: 'a', emails: ['jane@acme.com'], createdAt: 20 });
    const oldest = contact({ id: 'b', linkedinIds: ['jane-doe'], createdAt: 10 });
    await db.contacts.bulkAdd([newer, oldest]);

    expect(await findContactByIdentity(db, { emails: ['jane@acme.com'], linkedinIds: ['jane-doe'] })).toEqual(oldest);
  });
});

describe('createContactFromPerson', () => {
  it('starts a contact at Awareness with the page’s normalised identities and details', async () => {
    db = freshDb();
    const created = await createContactFromPerson(
      db,
      { name: 'Jane Doe', linkedinSlug: 'Jane-Doe', linkedinUrn: 'ACoAABcdEfGhIjKlMn', headline: 'CTO', location: 'Oslo' },
      42,
    );

    expect(created).toMatchObject({
      name: 'Jane Doe',
      emails: [],
      linkedinIds: ['jane-doe', 'ACoAABcdEfGhIjKlMn'],
      title: 'CTO',
      location: 'Oslo',
      stage: 'Awareness',
      tags: [],
      customFields: {},
      createdAt: 42,
      updatedAt: 42,
    });
    expect(created).not.toHaveProperty('company');
    expect(await getContact(db, created.id)).toEqual(created);
  });
});

describe('listContacts and countContacts', () => {
  it('lists the most recently updated first, up to the limit', async () => {
    db = freshDb();
    await db.contacts.bulkAdd([
      contact({ id: 'old', updatedAt: 1 }),
      contact({ id: 'new', updatedAt: 3 }),
      contact({ id: 'mid', updatedAt: 2 }),
    ]);

    expect((await listContacts(db, { limit: 2 })).map((row) => row.id)).toEqual(['new', 'mid']);
    expect(await countContacts(db)).toBe(3);
  });
});

describe('changeStage', () => {
  it('moves the contact and puts the change on the timeline with who, when and why', async () => {
    db = freshDb();
    const jane = contact({ id: 'jane', name: 'Jane Doe', stage: 'Engaged', updatedAt: 5 });
    await db.contacts.add(jane);

    const interaction = await changeStage(db, {
      contactId: 'jane',
      to: 'Qualified',
      reason: '  Budget confirmed on the call ',
      author: 'sam@margin.example',
      now: 1_000,
    });

    expect(interaction).toEqual({
      id: expect.any(String),
      contactId: 'jane',
      at: 1_000,
      kind: 'stage-change',
      stageChange: { from: 'Engaged', to: 'Qualified', reason: 'Budget confirmed on the call' },
      author: 'sam@margin.example',
      source: { site: 'margin' },
      createdAt: 1_000,
      updatedAt: 1_000,
    });
    expect(await getContact(db, 'jane')).toEqual({ ...jane, stage: 'Qualified', updatedAt: 1_000 });
    expect(await listTimeline(db, 'jane')).toEqual([interaction]);
  });

  it('leaves out a blank reason and an unknown author', async () => {
    db = freshDb();
    await db.contacts.add(contact({ id: 'jane' }));

    const interaction = await changeStage(db, { contactId: 'jane', to: 'Engaged', reason: '   ', now: 1_000 });

    expect(interaction.stageChange).toEqual({ from: 'Awareness', to: 'Engaged' });
    expect(interaction).not.toHaveProperty('author');
  });

  it('remembers the stage it left when the contact becomes At-Risk', async () => {
    db = freshDb();
    await db.contacts.add(contact({ id: 'jane', stage: 'Delighted' }));

    await changeStage(db, { contactId: 'jane', to: 'At-Risk', reason: 'Silent for 40 days', now: 1_000 });

    expect(await getContact(db, 'jane')).toMatchObject({ stage: 'At-Risk', previousStage: 'Delighted' });
  });

  it('refuses a change to the stage the contact is already at, writing nothing', async () => {
    db = freshDb();
    const jane = contact({ id: 'jane', name: 'Jane Doe', stage: 'Qualified' });
    await db.contacts.add(jane);

    await expect(changeStage(db, { contactId: 'jane', to: 'Qualified', now: 1_000 })).rejects.toThrow('Jane Doe is already Qualified.');

    expect(await getContact(db, 'jane')).toEqual(jane);
    expect(await db.interactions.count()).toBe(0);
  });

  it('refuses a missing contact', async () => {
    db = freshDb();
    await expect(changeStage(db, { contactId: 'gone', to: 'Engaged', now: 1_000 })).rejects.toThrow('That contact no longer exists.');
  });

  it('never moves updatedAt backwards', async () => {
    db = freshDb();
    await db.contacts.add(contact({ id: 'jane', updatedAt: 5_000 }));
    await changeStage(db, { contactId: 'jane', to: 'Engaged', now: 1_000 });
    expect((await getContact(db, 'jane'))?.updatedAt).toBe(5_000);
  });

  it('leaves the stage as it was when the timeline entry cannot be written (one transaction)', async () => {
    db = freshDb();
    const jane = contact({ id: 'jane' });
    await db.contacts.add(jane);
    vi.spyOn(db.interactions, 'add').mockRejectedValue(new DOMException('disk full', 'QuotaExceededError'));

    await expect(changeStage(db, { contactId: 'jane', to: 'Engaged', now: 1_000 })).rejects.toThrow('disk full');

    vi.restoreAllMocks();
    expect(await getContact(db, 'jane')).toEqual(jane);
  });
});

describe('setContactTags', () => {
  it('trims, drops blanks and de-duplicates case-insensitively, keeping the first spelling', async () => {
    db = freshDb();
    await db.contacts.add(contact({ id: 'jane', tags: ['old'] }));

    await setContactTags(db, 'jane', [' Champion ', 'pricing', '', '  ', 'champion', 'PRICING', 'EMEA'], 2_000);

    expect(await getContact(db, 'jane')).toMatchObject({ tags: ['Champion', 'pricing', 'EMEA'], updatedAt: 2_000 });
  });

  it('clears the tags with an empty list', async () => {
    db = freshDb();
    await db.contacts.add(contact({ id: 'jane', tags: ['old'] }));
    await setContactTags(db, 'jane', [''], 2_000);
    expect((await getContact(db, 'jane'))?.tags).toEqual([]);
  });

  it('refuses a tag over 100 characters rather than store a contact a backup cannot restore', async () => {
    db = freshDb();
    await db.contacts.add(contact({ id: 'jane', tags: ['old'] }));

    await expect(setContactTags(db, 'jane', ['x'.repeat(101)], 2_000)).rejects.toThrow(/at most 100 characters/);

    const stored = await getContact(db, 'jane');
    expect(stored?.tags).toEqual(['old']);
    expect(z.safeParse(contactSchema, stored).success).toBe(true);
  });
});

describe('setContactCustomField (issue 13, finding 4)', () => {
  it('sets one field, keeps the others, and bumps updatedAt', async () => {
    db = freshDb();
    const jane = contact({ id: 'jane', customFields: { region: 'EMEA', seats: 10 } });
    await db.contacts.add(jane);

    await setContactCustomField(db, 'jane', 'seats', 40, 2_000);
    await setContactCustomField(db, 'jane', 'region', null, 2_001);

    expect(await getContact(db, 'jane')).toEqual({ ...jane, customFields: { region: null, seats: 40 }, updatedAt: 2_001 });
  });

  it('two tabs setting two fields at once each keep their field', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const tabA = createDb({ name });
    const tabB = createDb({ name });
    await tabA.contacts.add(contact({ id: 'jane', customFields: {} }));
    await Promise.all([
      setContactCustomField(tabA, 'jane', 'region', 'EMEA', 2_000),
      setContactCustomField(tabB, 'jane', 'seats', 40, 2_000),
      setContactCustomField(tabA, 'jane', 'renewal', '2027-03-01', 2_000),
    ]);
    expect((await getContact(tabB, 'jane'))?.customFields).toEqual({ region: 'EMEA', seats: 40, renewal: '2027-03-01' });
    tabA.close();
    tabB.close();
  });

  it('keeps fields named __proto__, constructor and toString as fields', async () => {
    db = freshDb();
    await db.contacts.add(contact({ id: 'jane', customFields: {} }));
    for (const key of ['__proto__', 'constructor', 'toString']) await setContactCustomField(db, 'jane', key, `value of ${key}`, 2_000);
    const stored = (await getContact(db, 'jane'))!.customFields;
    expect(Object.keys(stored)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Object.getPrototypeOf(stored)).toBe(Object.prototype);
    expect(stored.toString).toBe('value of toString');
  });
});
