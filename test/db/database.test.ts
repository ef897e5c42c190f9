import { describe, expect, it } from 'vitest';
import { createDb, DEFAULT_DB_NAME, SCHEMA_VERSIONS } from '../../src/db/database';

describe('createDb', () => {
  it('opens nothing until the database is first used', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const db = createDb({ name });

    expect(db.isOpen()).toBe(false);
    expect((await indexedDB.databases()).map((info) => info.name)).not.toContain(name);

    await db.contacts.count();

    expect(db.isOpen()).toBe(true);
    expect((await indexedDB.databases()).map((info) => info.name)).toContain(name);
    db.close();
  });

  it('is named margin by default and at the latest schema version', async () => {
    const db = createDb();
    expect(db.name).toBe(DEFAULT_DB_NAME);
    expect(db.name).toBe('margin');
    expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)?.version);
    await db.delete();
  });

  it('declares the indexes the repositories query', async () => {
    const db = createDb({ name: `test-${crypto.randomUUID()}` });
    await db.open();
    const indexNames = (table: string) => db.table(table).schema.indexes.map((index) => index.name);

    expect(indexNames('contacts')).toEqual(expect.arrayContaining(['emails', 'linkedinIds', 'stage', 'updatedAt', 'name']));
    expect(indexNames('interactions')).toEqual(
      expect.arrayContaining(['contactId', '[contactId+at]', 'at', 'source.messageId', 'updatedAt']),
    );
    expect(indexNames('tasks')).toEqual(expect.arrayContaining(['contactId', '[status+due]']));
    expect(db.settings.schema.primKey.name).toBe('key');
    db.close();
  });
});
