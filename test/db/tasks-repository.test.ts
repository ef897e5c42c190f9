import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MarginDb } from '../../src/db/database';
import { listTimeline } from '../../src/db/interactions-repository';
import type { Task } from '../../src/model/schemas';
import {
  addTask,
  completeTask,
  getTask,
  listAllOpenTasks,
  listDueTasks,
  listOpenTasks,
  markTaskNotified,
  rescheduleTask,
} from '../../src/db/tasks-repository';
import { freshDb } from './fresh-db';

function task(id: string, contactId: string, due: number, status: Task['status'] = 'open'): Task {
  return { id, contactId, due, title: `Follow up ${id}`, status, createdAt: 0, updatedAt: 0 };
}

let db: MarginDb;
afterEach(() => db?.close());

describe('listOpenTasks', () => {
  it("lists a contact's open tasks, soonest due first", async () => {
    db = freshDb();
    await db.tasks.bulkAdd([
      task('later', 'jane', 300),
      task('done', 'jane', 100, 'done'),
      task('soon', 'jane', 200),
      task('other', 'bob', 50),
    ]);

    expect((await listOpenTasks(db, 'jane')).map((row) => row.id)).toEqual(['soon', 'later']);
  });
});

describe('listDueTasks and listAllOpenTasks', () => {
  it('lists only open tasks due at or before now, soonest first, across contacts', async () => {
    db = freshDb();
    await db.tasks.bulkAdd([
      task('late', 'jane', 900),
      task('exactly-now', 'bob', 1_000),
      task('oldest', 'bob', 100),
      task('done', 'jane', 50, 'done'),
      task('future', 'jane', 1_001),
    ]);

    expect((await listDueTasks(db, 1_000)).map((row) => row.id)).toEqual(['oldest', 'late', 'exactly-now']);
    expect(await listDueTasks(db, 99)).toEqual([]);
  });

  it('lists every open task, soonest first, and no done ones', async () => {
    db = freshDb();
    await db.tasks.bulkAdd([
      task('far', 'jane', 4_102_444_800_000),
      task('done', 'jane', 50, 'done'),
      task('past', 'bob', 100),
      task('soon', 'jane', 2_000),
    ]);

    expect((await listAllOpenTasks(db)).map((row) => row.id)).toEqual(['past', 'soon', 'far']);
  });
});

describe('completeTask', () => {
  it('marks the task done and puts it on the person’s timeline', async () => {
    db = freshDb();
    await addTask(db, task('t1', 'jane', 500));

    const interaction = await completeTask(db, 't1', 2_000);

    expect(await getTask(db, 't1')).toEqual({ ...task('t1', 'jane', 500), status: 'done', doneAt: 2_000, updatedAt: 2_000 });
    expect(interaction).toEqual({
      id: expect.any(String),
      contactId: 'jane',
      at: 2_000,
      kind: 'task-done',
      body: 'Follow up t1',
      source: { site: 'margin' },
      createdAt: 2_000,
      updatedAt: 2_000,
    });
    expect(await listTimeline(db, 'jane')).toEqual([interaction]);
    expect(await listOpenTasks(db, 'jane')).toEqual([]);
    expect(await listDueTasks(db, 10_000)).toEqual([]);
  });

  it('refuses to complete a task twice, adding nothing to the timeline', async () => {
    db = freshDb();
    await addTask(db, task('t1', 'jane', 500));
    await completeTask(db, 't1', 2_000);

    await expect(completeTask(db, 't1', 3_000)).rejects.toThrow('That follow-up is already done.');

    expect(await db.interactions.count()).toBe(1);
    expect((await getTask(db, 't1'))?.doneAt).toBe(2_000);
  });

  it('refuses a missing task', async () => {
    db = freshDb();
    await expect(completeTask(db, 'gone', 2_000)).rejects.toThrow('That follow-up no longer exists.');
    expect(await db.interactions.count()).toBe(0);
  });

  it('leaves the task open when the timeline entry cannot be written (one transaction)', async () => {
    db = freshDb();
    await addTask(db, task('t1', 'jane', 500));
    vi.spyOn(db.interactions, 'add').mockRejectedValue(new DOMException('disk full', 'QuotaExceededError'));

    await expect(completeTask(db, 't1', 2_000)).rejects.toThrow('disk full');

    vi.restoreAllMocks();
    expect(await getTask(db, 't1')).toEqual(task('t1', 'jane', 500));
    expect(await db.interactions.count()).toBe(0);
  });
});

describe('rescheduleTask and markTaskNotified', () => {
  it('moves the due time and clears notifiedAt so it reminds again', async () => {
    db = freshDb();
    await addTask(db, task('t1', 'jane', 500));
    await markTaskNotified(db, 't1', 600);
    expect((await getTask(db, 't1'))?.notifiedAt).toBe(600);

    const moved = await rescheduleTask(db, 't1', 90_000, 700);

    expect(moved).toEqual({ ...task('t1', 'jane', 90_000), updatedAt: 700 });
    expect(moved).not.toHaveProperty('notifiedAt');
    expect(await getTask(db, 't1')).toEqual(moved);
    expect(await listDueTasks(db, 10_000)).toEqual([]);
    expect((await listDueTasks(db, 90_000)).map((row) => row.id)).toEqual(['t1']);
  });

  it('refuses to move a missing task', async () => {
    db = freshDb();
    await expect(rescheduleTask(db, 'gone', 90_000, 700)).rejects.toThrow('That follow-up no longer exists.');
  });

  it('records when the reminder fired and nothing else', async () => {
    db = freshDb();
    await addTask(db, task('t1', 'jane', 500));

    await markTaskNotified(db, 't1', 600);

    expect(await getTask(db, 't1')).toEqual({ ...task('t1', 'jane', 500), notifiedAt: 600 });
  });
});
