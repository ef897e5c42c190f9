import { afterEach, describe, expect, it } from 'vitest';
import type { MarginDb } from '../../src/db/database';
import type { Task } from '../../src/db/schemas';
import { listOpenTasks } from '../../src/db/tasks-repository';
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
