import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  notifyDueFollowUps,
  openFollowUpSource,
  REMINDER_ALARM_PREFIX,
  scheduleFollowUpReminders,
  SWEEP_ALARM,
} from '../../src/background/follow-up-reminders';
import type { MarginDb } from '../../src/db/database';
import type { Contact, Interaction, Task } from '../../src/model/schemas';
import { completeTask, getTask, rescheduleTask } from '../../src/db/tasks-repository';
import { freshDb } from '../db/fresh-db';

const NOW = Date.parse('2025-03-10T09:00:00Z');
const HOUR = 3_600_000;

function contact(id: string, name: string): Contact {
  return { id, name, emails: [], linkedinIds: [], stage: 'Engaged', tags: [], customFields: {}, createdAt: 0, updatedAt: 0 };
}

function task(id: string, due: number, overrides: Partial<Task> = {}): Task {
  return { id, contactId: 'jane', due, title: `Task ${id}`, status: 'open', createdAt: 0, updatedAt: 0, ...overrides };
}

function note(id: string, source: Interaction['source']): Interaction {
  return { id, contactId: 'jane', at: 0, kind: 'note', body: 'Asked for pricing', source, createdAt: 0, updatedAt: 0 };
}

async function alarms(): Promise<Record<string, number | undefined>> {
  const all = await fakeBrowser.alarms.getAll();
  return Object.fromEntries(all.map((alarm) => [alarm.name, alarm.name === SWEEP_ALARM ? alarm.periodInMinutes : alarm.scheduledTime]));
}

let db: MarginDb;
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  db = freshDb();
  await db.contacts.bulkAdd([contact('jane', 'Jane Doe'), contact('bob', 'Bob Stone')]);
});
afterEach(() => {
  vi.useRealTimers();
  db.close();
});

describe('scheduleFollowUpReminders', () => {
  it('sets one alarm per open, not yet notified task at its due time, plus the periodic sweep', async () => {
    await db.tasks.bulkAdd([
      task('soon', NOW + HOUR),
      task('later', NOW + 48 * HOUR, { contactId: 'bob' }),
      task('done', NOW + HOUR, { status: 'done', doneAt: NOW }),
      task('told', NOW - HOUR, { notifiedAt: NOW - HOUR }),
    ]);

    expect(await scheduleFollowUpReminders(db)).toBe(2);

    expect(await alarms()).toEqual({
      [`${REMINDER_ALARM_PREFIX}soon`]: NOW + HOUR,
      [`${REMINDER_ALARM_PREFIX}later`]: NOW + 48 * HOUR,
      [SWEEP_ALARM]: 5,
    });
  });

  it('sets an overdue task’s alarm just after now, so it fires at once', async () => {
    await db.tasks.add(task('overdue', NOW - 24 * HOUR));

    await scheduleFollowUpReminders(db);

    const scheduled = (await alarms())[`${REMINDER_ALARM_PREFIX}overdue`];
    expect(scheduled).toBeGreaterThan(NOW);
    expect(scheduled).toBeLessThanOrEqual(NOW + 1_000);
  });

  it('moves the alarm of a rescheduled task and clears the alarms of done, notified or deleted tasks', async () => {
    await db.tasks.bulkAdd([task('moved', NOW + HOUR), task('finished', NOW + HOUR), task('removed', NOW + HOUR), task('kept', NOW + 2 * HOUR)]);
    await scheduleFollowUpReminders(db);

    await rescheduleTask(db, 'moved', NOW + 24 * HOUR, NOW);
    await completeTask(db, 'finished', NOW);
    await db.tasks.delete('removed');
    await scheduleFollowUpReminders(db);

    expect(await alarms()).toEqual({
      [`${REMINDER_ALARM_PREFIX}moved`]: NOW + 24 * HOUR,
      [`${REMINDER_ALARM_PREFIX}kept`]: NOW + 2 * HOUR,
      [SWEEP_ALARM]: 5,
    });
  });

  it('leaves alarms that are already right, and alarms that are not its own, alone', async () => {
    await db.tasks.add(task('soon', NOW + HOUR));
    await fakeBrowser.alarms.create('daily-score-recompute', { periodInMinutes: 1_440 });
    await scheduleFollowUpReminders(db);
    const create = vi.spyOn(fakeBrowser.alarms, 'create');
    const clear = vi.spyOn(fakeBrowser.alarms, 'clear');

    expect(await scheduleFollowUpReminders(db)).toBe(1);

    expect(create).not.toHaveBeenCalled();
    expect(clear).not.toHaveBeenCalled();
    expect(Object.keys(await alarms()).sort()).toEqual([`${REMINDER_ALARM_PREFIX}soon`, 'daily-score-recompute', SWEEP_ALARM].sort());
  });
});

describe('notifyDueFollowUps', () => {
  it('raises one notification per due task, naming the person, and marks each notified', async () => {
    await db.tasks.bulkAdd([
      task('jane-due', NOW - HOUR, { title: 'Send the contract' }),
      task('bob-due', NOW, { contactId: 'bob', title: 'Call about the pilot' }),
      task('future', NOW + HOUR),
      task('done', NOW - HOUR, { status: 'done' }),
    ]);

    expect(await notifyDueFollowUps(db, NOW)).toBe(2);

    expect(fakeBrowser.notifications.getAllCreateOptions()).toEqual({
      'follow-up:jane-due': expect.objectContaining({ type: 'basic', title: 'Follow up: Jane Doe', message: 'Send the contract' }),
      'follow-up:bob-due': expect.objectContaining({ type: 'basic', title: 'Follow up: Bob Stone', message: 'Call about the pilot' }),
    });
    expect((await getTask(db, 'jane-due'))?.notifiedAt).toBe(NOW);
    expect((await getTask(db, 'bob-due'))?.notifiedAt).toBe(NOW);
    expect(await getTask(db, 'future')).not.toHaveProperty('notifiedAt');
  });

  it('raises nothing the second time (and after a restart) for a task already notified', async () => {
    await db.tasks.add(task('due', NOW - HOUR));
    await notifyDueFollowUps(db, NOW);
    const create = vi.spyOn(fakeBrowser.notifications, 'create');

    expect(await notifyDueFollowUps(db, NOW + HOUR)).toBe(0);

    expect(create).not.toHaveBeenCalled();
  });

  it('reminds again once a notified task is snoozed and falls due again', async () => {
    await db.tasks.add(task('due', NOW - HOUR));
    await notifyDueFollowUps(db, NOW);
    await fakeBrowser.notifications.clear('follow-up:due');
    await rescheduleTask(db, 'due', NOW + HOUR, NOW);

    expect(await notifyDueFollowUps(db, NOW + 30 * 60_000)).toBe(0);
    expect(await notifyDueFollowUps(db, NOW + HOUR)).toBe(1);
    expect(Object.keys(fakeBrowser.notifications.getAllCreateOptions())).toEqual(['follow-up:due']);
  });

  it('still reminds when the contact is gone', async () => {
    await db.tasks.add(task('orphan', NOW - HOUR, { contactId: 'deleted' }));

    await notifyDueFollowUps(db, NOW);

    expect(fakeBrowser.notifications.getAllCreateOptions()['follow-up:orphan']).toMatchObject({ title: 'Follow up: a contact' });
  });
});

describe('openFollowUpSource', () => {
  async function openedUrls(): Promise<(string | undefined)[]> {
    return (await fakeBrowser.tabs.query({})).map((tab) => tab.url);
  }

  it.each([
    ['the Gmail thread', { site: 'gmail', url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgz', threadId: 'FMfcgz' }, 'https://mail.google.com/mail/u/0/#inbox/FMfcgz'],
    ['the LinkedIn page', { site: 'linkedin', url: 'https://www.linkedin.com/in/jane-doe/' }, 'https://www.linkedin.com/in/jane-doe/'],
  ] as const)('opens %s the follow-up came from and closes the notification', async (_label, source, url) => {
    await db.interactions.add(note('n1', source));
    await db.tasks.add(task('t1', NOW, { fromInteractionId: 'n1' }));
    await fakeBrowser.notifications.create('follow-up:t1', { type: 'basic', title: 'Follow up: Jane Doe', message: 'x', iconUrl: '' });
    const before = await openedUrls();

    await openFollowUpSource(db, 'follow-up:t1');

    expect(await openedUrls()).toEqual([...before, url]);
    expect(fakeBrowser.notifications.getAllCreateOptions()).toEqual({});
  });

  it.each([
    ['a task without a note', task('t1', NOW), undefined],
    ['a note with no link', task('t1', NOW, { fromInteractionId: 'n1' }), note('n1', { site: 'margin' })],
    ['a link to another site', task('t1', NOW, { fromInteractionId: 'n1' }), note('n1', { site: 'gmail', url: 'https://evil.example/mail.google.com/' })],
    ['a note since deleted', task('t1', NOW, { fromInteractionId: 'gone' }), undefined],
  ])('opens the dashboard for %s', async (_label, row, origin) => {
    if (origin) await db.interactions.add(origin);
    await db.tasks.add(row);
    const before = await openedUrls();

    await openFollowUpSource(db, 'follow-up:t1');

    expect(await openedUrls()).toEqual([...before, fakeBrowser.runtime.getURL('/dashboard.html')]);
  });

  it('opens the dashboard for a task that no longer exists', async () => {
    const before = await openedUrls();
    await openFollowUpSource(db, 'follow-up:gone');
    expect(await openedUrls()).toEqual([...before, fakeBrowser.runtime.getURL('/dashboard.html')]);
  });

  it('ignores notifications that are not follow-ups', async () => {
    await fakeBrowser.notifications.create('something-else', { type: 'basic', title: 'Other', message: 'x', iconUrl: '' });
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const before = await openedUrls();

    await openFollowUpSource(db, 'something-else');

    expect(create).not.toHaveBeenCalled();
    expect(await openedUrls()).toEqual(before);
    expect(Object.keys(fakeBrowser.notifications.getAllCreateOptions())).toEqual(['something-else']);
  });
});
