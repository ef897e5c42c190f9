import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { createDb, SCHEMA_VERSIONS } from '../../src/db/database';
import { buildDemoData } from '../../src/demo/demo-data';
import { openAtVersion } from './open-at-version';

describe('schema migrations', () => {
  it('versions are increasing whole numbers, so Dexie applies them in order', () => {
    const versions = SCHEMA_VERSIONS.map((entry) => entry.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it.each(SCHEMA_VERSIONS.slice(0, -1).map((entry) => entry.version))(
    'a filled version %i database opens at the latest version with nothing lost',
    async (version) => {
      const name = `migration-${version}-${crypto.randomUUID()}`;
      const rows = buildDemoData(Date.UTC(2026, 10, 1));
      const task = {
        id: 'task-1',
        contactId: rows.contacts[0]!.id,
        due: Date.UTC(2026, 11, 1),
        title: 'Send the order form',
        status: 'open' as const,
        createdAt: Date.UTC(2026, 10, 1),
        updatedAt: Date.UTC(2026, 10, 1),
      };
      const old = openAtVersion(name, version);
      await old.table('contacts').bulkAdd(rows.contacts);
      await old.table('interactions').bulkAdd(rows.interactions);
      await old.table('tasks').add(task);
      await old.table('settings').put({ key: 'ownAddresses', value: ['alex.morgan@acme-sales.example'] });
      old.close();

      const db = createDb({ name });
      expect(await db.contacts.orderBy('id').toArray()).toEqual([...rows.contacts].sort((a, b) => a.id.localeCompare(b.id)));
      expect(await db.interactions.count()).toBe(rows.interactions.length);
      expect(await db.interactions.get(rows.interactions[0]!.id)).toEqual(rows.interactions[0]);
      // v3's [kind+at] index holds the notes already there, so note search finds old notes too.
      const notes = rows.interactions.filter((interaction) => interaction.kind === 'note');
      expect(notes.length).toBeGreaterThan(0);
      expect(await db.interactions.where('[kind+at]').between(['note', Dexie.minKey], ['note', Dexie.maxKey]).count()).toBe(notes.length);
      expect(await db.tasks.get('task-1')).toEqual(task);
      expect(await db.settings.get('ownAddresses')).toEqual({ key: 'ownAddresses', value: ['alex.morgan@acme-sales.example'] });
      expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
      db.close();
    },
  );
});
