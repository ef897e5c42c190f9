import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import * as daily from '../../src/background/daily-score-recompute';
import { createDb, type MarginDb } from '../../src/db/database';
import type { Contact } from '../../src/model/schemas';
import { DAY, NOW, touch } from '../metrics/interactions';

const PEOPLE = 10;
const BATCH = 3;

function person(index: number): Contact {
  const id = `c-${String(index).padStart(3, '0')}`;
  return { id, name: `Person ${index}`, emails: [], linkedinIds: [], stage: 'Engaged', tags: [], customFields: {}, createdAt: NOW - 400 * DAY, updatedAt: NOW - 400 * DAY };
}

/**
 * A service worker: its own database handle. (The runner's module state is one promise, cleared
 * when a run ends, so a stopped worker leaves nothing behind in it either.)
 */
function startWorker(name: string) {
  return { ...daily, db: createDb({ name }) };
}

let name: string;
let handles: MarginDb[] = [];
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  fakeBrowser.reset();
  name = `test-${crypto.randomUUID()}`;
  const db = createDb({ name });
  handles = [db];
  await db.contacts.bulkAdd(Array.from({ length: PEOPLE }, (_, index) => person(index)));
  await db.interactions.bulkAdd(
    Array.from({ length: PEOPLE }, (_, index) => [
      touch('meeting', index % 20, { contactId: person(index).id }),
      touch('email-in', 1 + (index % 5), { contactId: person(index).id }),
    ]).flat(),
  );
});
afterEach(() => {
  for (const handle of handles) handle.close();
  vi.useRealTimers();
});

describe('the daily recompute in pieces', () => {
  it('goes on where it stopped when the worker is stopped in the middle of a pass, and finishes', async () => {
    const first = startWorker(name);
    handles.push(first.db);
    // The worker is stopped after its second piece: nothing it would do later happens.
    let pieces = 0;
    const create = fakeBrowser.alarms.create.bind(fakeBrowser.alarms);
    vi.spyOn(fakeBrowser.alarms, 'create').mockImplementation(async (...args: Parameters<typeof create>) => {
      if (args[0] === first.RECOMPUTE_CONTINUE_ALARM && ++pieces === 3) {
        first.db.close();
        throw new Error('the service worker was stopped');
      }
      return create(...args);
    });
    await expect(first.runDailyRecompute(first.db, { startNewPass: true, pieceBudgetMs: 0, batchSize: BATCH })).rejects.toThrow('stopped');

    const check = createDb({ name });
    handles.push(check);
    const progress = (await check.settings.get(first.RECOMPUTE_PROGRESS.key))?.value as { now: number; after: string };
    expect(progress).toEqual({ now: NOW, after: person(2 * BATCH - 1).id });
    expect((await check.contacts.toArray()).filter((contact) => contact.scoreComputedAt === NOW)).toHaveLength(2 * BATCH);
    expect(await check.settings.get('metrics.lastFullRecomputeAt')).toBeUndefined();
    // Chrome would wake a new worker with the continuation alarm the stopped one had set.
    expect((await fakeBrowser.alarms.get(first.RECOMPUTE_CONTINUE_ALARM))?.name).toBe(first.RECOMPUTE_CONTINUE_ALARM);
    vi.mocked(fakeBrowser.alarms.create).mockRestore();

    vi.setSystemTime(NOW + 60_000);
    const second = startWorker(name);
    handles.push(second.db);
    await second.runDailyRecompute(second.db, { startNewPass: false, pieceBudgetMs: 0, batchSize: BATCH });

    const contacts = await check.contacts.toArray();
    expect(contacts).toHaveLength(PEOPLE);
    // Everyone computed, for the time the pass started at.
    expect(contacts.every((contact) => contact.scoreComputedAt === NOW && typeof contact.score === 'number')).toBe(true);
    expect((await check.settings.get('metrics.lastFullRecomputeAt'))?.value).toBe(NOW);
    expect(await check.settings.get(second.RECOMPUTE_PROGRESS.key)).toBeUndefined();
    expect(await fakeBrowser.alarms.get(second.RECOMPUTE_CONTINUE_ALARM)).toBeUndefined();
  });

  it('a continuation alarm with no pass under way does nothing; the daily alarm joins a pass under way', async () => {
    const worker = startWorker(name);
    handles.push(worker.db);
    await worker.runDailyRecompute(worker.db, { startNewPass: false });
    expect(await worker.db.contacts.filter((contact) => contact.scoreComputedAt !== undefined).count()).toBe(0);

    const [one, two] = [
      worker.runDailyRecompute(worker.db, { startNewPass: true, pieceBudgetMs: 0, batchSize: BATCH }),
      worker.runDailyRecompute(worker.db, { startNewPass: true, pieceBudgetMs: 0, batchSize: BATCH }),
    ];
    expect(one).toBe(two);
    await one;
    expect(await worker.db.contacts.filter((contact) => contact.scoreComputedAt === NOW).count()).toBe(PEOPLE);
  });
});
