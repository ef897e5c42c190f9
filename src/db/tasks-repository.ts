import type { MarginDb } from './database';
import type { Task } from './schemas';

/** A contact's open follow-ups, soonest due first. */
export async function listOpenTasks(db: MarginDb, contactId: string): Promise<Task[]> {
  const tasks = await db.tasks
    .where('contactId')
    .equals(contactId)
    .filter((task) => task.status === 'open')
    .toArray();
  return tasks.sort((a, b) => a.due - b.due);
}
