import { afterEach, describe, expect, it } from 'vitest';
import {
  countContacts,
  createContactFromPerson,
  findContactByIdentity,
  getContact,
  listContacts,
} from '../../src/db/contacts-repository';
import type { MarginDb } from '../../src/db/database';
import type { Contact } from '../../src/db/schemas';
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
