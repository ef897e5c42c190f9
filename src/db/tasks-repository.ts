import type { MarginDb } from './database';
import { newId } from './ids';
import type { Interaction, Task } from '../model/schemas';
import { InputRejectedError } from './input-rejected-error';

/** A contact's open follow-ups, soonest due first. */
export async function listOpenTasks(db: MarginDb, contactId: string): Promise<Task[]> {
  const tasks = await db.tasks
    .where('contactId')
    .equals(contactId)
    .filter((task) => task.status === 'open')
    .toArray();
  return tasks.sort((a, b) => a.due - b.due);
}

/** Every open follow-up due at or before `now`, soonest first (the `[status+due]` index). */
export function listDueTasks(db: MarginDb, now: number): Promise<Task[]> {
  return db.tasks.where('[status+due]').between(['open', 0], ['open', now], true, true).toArray();
}

/** Every open follow-up, soonest first: what the reminders are scheduled from. */
export function listAllOpenTasks(db: MarginDb): Promise<Task[]> {
  return db.tasks.where('[status+due]').between(['open', 0], ['open', Number.MAX_SAFE_INTEGER]).toArray();
}

export function getTask(db: MarginDb, id: string): Promise<Task | undefined> {
  return db.tasks.get(id);
}

export async function addTask(db: MarginDb, task: Task): Promise<Task> {
  await db.tasks.add(task);
  return task;
}

/** Marks a follow-up done and puts it on the person's timeline, in one transaction. */
export async function completeTask(db: MarginDb, taskId: string, now: number): Promise<Interaction> {
  return db.transaction('rw', db.tasks, db.interactions, async () => {
    const task = await db.tasks.get(taskId);
    if (!task) throw new InputRejectedError('That follow-up no longer exists.');
    if (task.status === 'done') throw new InputRejectedError('That follow-up is already done.');
    await db.tasks.put({ ...task, status: 'done', doneAt: now, updatedAt: now });
    const interaction: Interaction = {
      id: newId(),
      contactId: task.contactId,
      at: now,
      kind: 'task-done',
      body: task.title,
      source: { site: 'margin' },
      createdAt: now,
      updatedAt: now,
    };
    await db.interactions.add(interaction);
    return interaction;
  });
}

/** Moves a follow-up to a new time (snooze or reschedule); it will remind again then. */
export async function rescheduleTask(db: MarginDb, taskId: string, due: number, now: number): Promise<Task> {
  return db.transaction('rw', db.tasks, async () => {
    const task = await db.tasks.get(taskId);
    if (!task) throw new InputRejectedError('That follow-up no longer exists.');
    if (task.status === 'done') throw new InputRejectedError('That follow-up is already done.');
    const { notifiedAt: _notifiedAt, ...rest } = task;
    const moved: Task = { ...rest, due, updatedAt: now };
    await db.tasks.put(moved);
    return moved;
  });
}

/** Records that the reminder fired, so a restarted browser does not remind twice. */
export async function markTaskNotified(db: MarginDb, taskId: string, now: number): Promise<void> {
  await db.tasks.update(taskId, { notifiedAt: now });
}
