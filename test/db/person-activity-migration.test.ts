import { afterEach, describe, expect, it, vi } from 'vitest';
import { recomputeAllContacts } from '../../src/actions/recompute-scores';
import { createDb, PERSON_ACTIVITY_VERSION } from '../../src/db/database';
import { personActivityRows } from '../../src/db/fill-person-activity';
import { scoreAt } from '../../src/metrics/engagement-score';
import { scoreOfActivity, summariseActivity } from '../../src/metrics/person-activity';
import { DEFAULT_SCORE_SETTINGS, type ScoreSettings } from '../../src/metrics/score-settings';
import type { Contact, Interaction } from '../../src/model/schemas';
import { DAY, NOW, touch } from '../metrics/interactions';
import { openAtVersion } from './open-at-version';

const SETTINGS: ScoreSettings = { ...DEFAULT_SCORE_SETTINGS, halfLifeDays: 10 };

function contact(id: string): Contact {
  return { id, name: id, emails: [`${id}@x.example`], linkedinIds: [], stage: 'Engaged', tags: [], customFields: {}, createdAt: NOW - 400 * DAY, updatedAt: NOW - 400 * DAY };
}

afterEach(() => vi.useRealTimers());

describe('schema version 6: the per-person activity table', () => {
  const contacts = ['c-1', 'c-2', 'c-3'].map(contact);
  const history: Interaction[] = [
    touch('meeting', 3, { contactId: 'c-1', sentiment: 'Positive' }),
    touch('email-in', 12, { contactId: 'c-1' }),
    touch('email-out', 1, { contactId: 'c-2' }),
    touch('note', 40, { contactId: 'c-2', sentiment: 'Concerned' }),
  ];

  it('computes each contact\'s row from their interactions (pure), a row for someone with none too', () => {
    const rows = personActivityRows(['c-1', 'c-2', 'c-3'], history, NOW, SETTINGS);
    expect(rows.map((row) => row.contactId)).toEqual(['c-1', 'c-2', 'c-3']);
    expect(rows[0]).toEqual(summariseActivity('c-1', history.slice(0, 2), NOW, SETTINGS));
    expect(rows[2]).toMatchObject({ contactId: 'c-3', scoreSum: 0, lastSentiments: [] });
  });

  it('opens a filled database of the previous version and fills every row with the user\'s settings', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    const name = `person-activity-${crypto.randomUUID()}`;
    const old = openAtVersion(name, PERSON_ACTIVITY_VERSION - 1);
    await old.table('contacts').bulkAdd(contacts);
    await old.table('interactions').bulkAdd(history);
    await old.table('settings').put({ key: 'metrics.score', value: SETTINGS });
    old.close();

    const db = createDb({ name });
    const rows = await db.activity.orderBy('contactId').toArray();
    expect(rows).toEqual(personActivityRows(['c-1', 'c-2', 'c-3'], history, NOW, SETTINGS));
    for (const row of rows) {
      const own = history.filter((interaction) => interaction.contactId === row.contactId);
      expect(scoreOfActivity(row, NOW + 5 * DAY, SETTINGS)).toBe(scoreAt(own, NOW + 5 * DAY, SETTINGS));
    }
    // Nothing else changed, and the daily job then needs no history.
    expect(await db.contacts.orderBy('id').toArray()).toEqual(contacts);
    expect(await db.interactions.count()).toBe(history.length);
    expect((await recomputeAllContacts(db, NOW + DAY)).interactions).toBe(0);
    db.close();
  });
});
