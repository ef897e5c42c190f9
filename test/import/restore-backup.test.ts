import { describe, expect, it, vi } from 'vitest';
import { planRestore, describeRestorePlan, restoreBackup } from '../../src/import/restore-backup';
import { freshDb } from '../db/fresh-db';
import { dumpDb } from '../export/dump-db';
import { aliceBackup, bobBackup } from '../export/fixture-backups';

describe('restoring a backup', () => {
  it('dry-runs: counts, and how many contacts are already here', async () => {
    const db = freshDb();
    await restoreBackup(db, aliceBackup(), 'replace', 5);
    const plan = await planRestore(db, bobBackup());
    expect(describeRestorePlan(plan)).toBe('2 contacts, 3 interactions, 0 follow-ups; 1 contact already here will be merged.');
    expect(await dumpDb(db)).toEqual(await dumpDb(await (async () => {
      const again = freshDb();
      await restoreBackup(again, aliceBackup(), 'replace', 5);
      return again;
    })()));
  });

  it('merges: people already here keep their id and gain addresses and tags; notes are re-pointed', async () => {
    const db = freshDb();
    await restoreBackup(db, aliceBackup(), 'replace', 5);
    const result = await restoreBackup(db, bobBackup(), 'merge', 10_000_000_000_000);
    expect(result).toMatchObject({ contactsAdded: 1, contactsMerged: 1 });
    const priya = await db.contacts.get('c-0001');
    expect(priya?.emails).toEqual(['priya.raman@northwind.example', 'priya@personal.example']);
    expect(priya?.tags).toContain('security');
    expect((await db.interactions.get('j-0001'))?.contactId).toBe('c-0001');
    expect(await db.contacts.get('b-0001')).toBeUndefined();
  });

  it("merges CRM ids: one of a contact merged into someone here follows them; one known here wins", async () => {
    const db = freshDb();
    const alice = aliceBackup();
    alice.tables.crmLinks = [{ key: 'hubspot:contact:c-0001', crm: 'hubspot', entity: 'contact', localId: 'c-0001', contactId: 'c-0001', crmId: '501', syncedAt: 1 }];
    await restoreBackup(db, alice, 'replace', 5);
    const bob = bobBackup();
    bob.tables.crmLinks = [
      { key: 'pipedrive:contact:b-0001', crm: 'pipedrive', entity: 'contact', localId: 'b-0001', contactId: 'b-0001', crmId: '77', syncedAt: 2 },
      { key: 'pipedrive:interaction:j-0001', crm: 'pipedrive', entity: 'interaction', localId: 'j-0001', contactId: 'b-0001', crmId: '9001', recordKind: 'note', syncedAt: 2 },
      { key: 'hubspot:contact:b-0001', crm: 'hubspot', entity: 'contact', localId: 'b-0001', contactId: 'b-0001', crmId: '999', syncedAt: 2 },
    ];
    await restoreBackup(db, bob, 'merge', 10_000_000_000_000);
    // Bob's b-0001 is Alice's c-0001 (the same Priya).
    expect(await db.crmLinks.get('pipedrive:contact:c-0001')).toMatchObject({ localId: 'c-0001', contactId: 'c-0001', crmId: '77' });
    expect(await db.crmLinks.get('pipedrive:interaction:j-0001')).toMatchObject({ contactId: 'c-0001', crmId: '9001' });
    expect(await db.crmLinks.get('hubspot:contact:c-0001')).toMatchObject({ crmId: '501' });
    expect(await db.crmLinks.get('pipedrive:contact:b-0001')).toBeUndefined();
  });

  it('merging the same backup twice changes nothing the second time', async () => {
    const db = freshDb();
    await restoreBackup(db, aliceBackup(), 'merge', 5);
    const once = await dumpDb(db);
    await restoreBackup(db, aliceBackup(), 'merge', 6);
    expect(await dumpDb(db)).toEqual(once);
  });

  it('replace that fails half way leaves the database exactly as it was (one transaction)', async () => {
    const db = freshDb();
    await restoreBackup(db, bobBackup(), 'replace', 5);
    const before = await dumpDb(db);
    const tablePrototype = Object.getPrototypeOf(db.undo) as { bulkAdd: (...args: unknown[]) => unknown };
    const bulkAdd = tablePrototype.bulkAdd;
    // A late table fails, after the others were cleared and refilled.
    vi.spyOn(tablePrototype, 'bulkAdd').mockImplementation(function (this: { name: string }, ...args: unknown[]) {
      if (this.name === 'undo') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return bulkAdd.apply(this, args);
    });
    await expect(restoreBackup(db, aliceBackup(), 'replace', 6)).rejects.toThrow();
    vi.restoreAllMocks();
    expect(await dumpDb(db)).toEqual(before);
  });
});
