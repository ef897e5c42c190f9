import { afterEach, describe, expect, it } from 'vitest';
import { logNote } from '../../src/actions/log-note';
import { loadDemoData } from '../../src/demo/load-demo-data';
import { countDemoContacts, removeDemoData } from '../../src/demo/remove-demo-data';
import { freshDb } from '../db/fresh-db';
import type { MarginDb } from '../../src/db/database';

const NOW = Date.UTC(2026, 10, 25, 9, 30);
let db: MarginDb;
afterEach(() => db?.close());

describe('removeDemoData', () => {
  it('removes the demo people and everything about them, and nothing of the user\'s own', async () => {
    db = freshDb();
    await loadDemoData(db, NOW);
    const own = await logNote(db, {
      person: { name: 'Kim Novak', email: 'kim@contoso.example' },
      note: { id: 'own-note', body: 'A real note', objection: '', emotion: '', nextStep: '', followUpDue: NOW + 86_400_000 },
      source: { site: 'margin' },
    });
    expect(await countDemoContacts(db)).toBeGreaterThan(0);

    const removed = await removeDemoData(db);
    expect(removed.contacts).toBe(6);
    expect(await countDemoContacts(db)).toBe(0);
    expect((await db.contacts.toArray()).map((contact) => contact.name)).toEqual(['Kim Novak']);
    expect((await db.interactions.toArray()).map((interaction) => interaction.id)).toEqual(['own-note']);
    expect((await db.tasks.toArray()).map((task) => task.contactId)).toEqual([own.contact.id]);
    expect(await db.suggestions.count()).toBe(0);
  });
});
