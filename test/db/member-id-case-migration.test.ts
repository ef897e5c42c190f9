import { describe, expect, it } from 'vitest';
import { createDb, MEMBER_ID_REPAIR_VERSION as REPAIR_VERSION } from '../../src/db/database';
import { findContactByIdentity, updateContactFromPerson } from '../../src/db/contacts-repository';
import { undoMerge } from '../../src/actions/merge-contacts';
import { planMemberIdRepair } from '../../src/db/repair-member-id-case';
import { withoutDerived } from './fresh-db';
import type { Contact, Interaction } from '../../src/model/schemas';
import { openAtVersion } from './open-at-version';

const TALHA = 'ACoAACaYEUABb_2KMpm9ek35YObF-a13apHwjas';
const ORPHAN = 'ACoAAB0rphanNoRightSpelling0xyz';
const DAY = 86_400_000;
const T0 = Date.UTC(2025, 3, 1);

function contact(id: string, name: string, linkedinIds: string[], createdAt: number): Contact {
  return { id, name, emails: [], linkedinIds, stage: 'Awareness', tags: [], customFields: {}, createdAt, updatedAt: createdAt };
}

function note(id: string, contactId: string, at: number, body: string): Interaction {
  return { id, contactId, kind: 'note', at, body, source: { site: 'margin' }, createdAt: at, updatedAt: at } as Interaction;
}

describe('member ids stored lower-cased are repaired (schema upgrade)', () => {
  // Talha tracked twice: from his profile (right spelling), and from a conversation (lower-cased).
  const fromProfile = contact('c-profile', 'Talha Khan', ['talha-khan-dev', TALHA], T0);
  const fromMessaging = contact('c-messaging', 'Talha Khan', [TALHA.toLowerCase()], T0 + DAY);
  // Someone seen only in messaging: no right spelling anywhere.
  const orphan = contact('c-orphan', 'Sam Lee', [ORPHAN.toLowerCase()], T0 + 2 * DAY);
  const vanityOnly = contact('c-vanity', 'Eugene Mann', ['eugenemann'], T0 + 3 * DAY);

  it('plans: repair the broken spelling, merge the duplicate into the older contact, leave the rest', () => {
    expect(planMemberIdRepair([fromProfile, fromMessaging, orphan, vanityOnly])).toEqual({
      repaired: [{ ...fromMessaging, linkedinIds: [TALHA] }],
      merges: [{ keptId: 'c-profile', mergedId: 'c-messaging' }],
    });
  });

  it('opens a filled database of the previous version: ids repaired, the duplicate merged with its notes, undoable', async () => {
    const name = `member-id-case-${crypto.randomUUID()}`;
    const old = openAtVersion(name, REPAIR_VERSION - 1);
    await old.table('contacts').bulkAdd([fromProfile, fromMessaging, orphan, vanityOnly]);
    await old.table('interactions').bulkAdd([
      note('n-profile', 'c-profile', T0 + DAY, 'Met at the fair.'),
      note('n-messaging', 'c-messaging', T0 + 2 * DAY, 'Asked for pricing on LinkedIn.'),
    ]);
    old.close();

    const db = createDb({ name });
    const contacts = await db.contacts.orderBy('id').toArray();
    expect(contacts.map((row) => [row.id, row.linkedinIds])).toEqual([
      ['c-orphan', [ORPHAN.toLowerCase()]],
      ['c-profile', ['talha-khan-dev', TALHA]],
      ['c-vanity', ['eugenemann']],
    ]);
    expect((await db.interactions.where('contactId').equals('c-profile').toArray()).map((row) => row.id).sort()).toEqual(['n-messaging', 'n-profile']);
    expect(await findContactByIdentity(db, { linkedinIds: [TALHA] })).toMatchObject({ id: 'c-profile' });

    // The merge is an ordinary one: the existing undo separates the two contacts again (the
    // repaired id stays repaired: the broken spelling was never a different person).
    const [record] = await db.undo.toArray();
    expect(record?.label).toBe('Merged Talha Khan into Talha Khan (the same LinkedIn member id)');
    expect(await undoMerge(db, record!.id)).toBe(true);
    // Each is scored on their own notes again (the derived fields are checked by the merge tests).
    expect(withoutDerived(await db.contacts.get('c-messaging'))).toEqual({ ...fromMessaging, linkedinIds: [TALHA] });
    expect(withoutDerived(await db.contacts.get('c-profile'))).toEqual(fromProfile);
    expect(await db.interactions.get('n-messaging')).toMatchObject({ contactId: 'c-messaging' });
    db.close();
  });

  it('with a CRM connected (version 4 sync rows filled), the repair and its merge are queued for the CRM', async () => {
    const name = `member-id-case-synced-${crypto.randomUUID()}`;
    const old = openAtVersion(name, REPAIR_VERSION - 1);
    await old.table('contacts').bulkAdd([fromProfile, fromMessaging, vanityOnly]);
    await old.table('interactions').bulkAdd([note('n-messaging', 'c-messaging', T0 + 2 * DAY, 'Asked for pricing on LinkedIn.')]);
    await old.table('syncState').add({ key: 'connection', value: { crm: 'pipedrive', baseUrl: 'https://acme.pipedrive.example', account: 'me@acme.example', connectedAt: T0 } });
    const waiting = { key: 'contact:c-vanity', entity: 'contact', localId: 'c-vanity', contactId: 'c-vanity', op: 'upsert', changeId: 'x1', changedAt: T0, dueAt: T0, attempts: 0 };
    await old.table('outbox').add(waiting);
    await old.table('crmLinks').add({ key: 'pipedrive:contact:c-profile', crm: 'pipedrive', entity: 'contact', localId: 'c-profile', contactId: 'c-profile', crmId: '41', syncedAt: T0 });
    old.close();

    const db = createDb({ name });
    expect((await db.contacts.orderBy('id').toArray()).map((row) => row.id)).toEqual(['c-profile', 'c-vanity']);
    // The person the CRM knows gains no new id (the same member id), but the note moved to them is
    // queued. The repaired duplicate's entry outlives its merge; the worker drops an entry whose
    // contact is gone (the CRM keeps its person, as after any merge). The waiting entry is kept.
    const outbox = await db.outbox.orderBy('key').toArray();
    expect(outbox.map((entry) => [entry.key, entry.contactId, entry.op])).toEqual([
      ['contact:c-messaging', 'c-messaging', 'upsert'],
      ['contact:c-vanity', 'c-vanity', 'upsert'],
      ['interaction:n-messaging', 'c-profile', 'upsert'],
    ]);
    expect(outbox[1]).toEqual(waiting);
    expect(await db.crmLinks.count()).toBe(1);
    db.close();
  });

  it('a broken id with no right spelling stored is still found, and repaired when the person is seen again', async () => {
    const db = createDb({ name: `member-id-heal-${crypto.randomUUID()}` });
    await db.contacts.add(orphan);
    const found = await findContactByIdentity(db, { linkedinIds: [ORPHAN] });
    expect(found?.id).toBe('c-orphan');
    await updateContactFromPerson(db, found!, { name: 'Sam Lee', linkedinSlug: ORPHAN, linkedinUrn: ORPHAN }, T0 + 10 * DAY);
    expect((await db.contacts.get('c-orphan'))?.linkedinIds).toEqual([ORPHAN]);
    db.close();
  });
});

describe('the upgrade rewrites rows as a previous version stored them', () => {
  it('opens a database whose repaired contact breaks a bound added since (a 600-character name from an old CSV import)', async () => {
    const longName = 'T'.repeat(600);
    const fromProfile = contact('c-profile', 'Talha Khan', ['talha-khan-dev', TALHA], T0);
    const fromMessaging = contact('c-messaging', longName, [TALHA.toLowerCase()], T0 + DAY);
    const name = `member-id-case-unbounded-${crypto.randomUUID()}`;
    const old = openAtVersion(name, REPAIR_VERSION - 1);
    await old.table('contacts').bulkAdd([fromProfile, fromMessaging]);
    old.close();

    const db = createDb({ name });
    expect((await db.contacts.orderBy('id').toArray()).map((row) => [row.id, row.linkedinIds])).toEqual([
      ['c-profile', ['talha-khan-dev', TALHA]],
    ]);
    // The merged contact is kept, as it was, in the merge's undo record. Writing it back is an
    // ordinary write, so it is refused with the reason, and nothing changes.
    const [record] = await db.undo.toArray();
    expect(JSON.stringify(record)).toContain(longName);
    await expect(undoMerge(db, record!.id)).rejects.toThrow('the name is 600 characters long; at most 500 characters are allowed');
    expect((await db.contacts.toArray()).map((row) => row.id)).toEqual(['c-profile']);
    expect(await db.undo.count()).toBe(1);
    db.close();
  });
});
