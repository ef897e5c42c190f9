import { browser } from 'wxt/browser';
import type { MarginDb } from '../db/database';
import { getContact } from '../db/contacts-repository';
import { getInteraction } from '../db/interactions-repository';
import { getTask, listAllOpenTasks, listDueTasks, markTaskNotified } from '../db/tasks-repository';

/**
 * Follow-up reminders. Each open task gets an alarm at its due time (alarms survive browser
 * restarts); a periodic sweep catches anything missed while the browser was closed or the
 * service worker was asleep. A task is notified once (notifiedAt), so a restart never repeats it.
 */
export const REMINDER_ALARM_PREFIX = 'follow-up:';
export const SWEEP_ALARM = 'follow-up-sweep';
const SWEEP_MINUTES = 5;
const NOTIFICATION_PREFIX = 'follow-up:';

export async function scheduleFollowUpReminders(db: MarginDb): Promise<number> {
  const tasks = await listAllOpenTasks(db);
  const wanted = new Map(tasks.filter((task) => task.notifiedAt === undefined).map((task) => [`${REMINDER_ALARM_PREFIX}${task.id}`, task.due]));
  const now = Date.now();
  const existing = await browser.alarms.getAll();
  for (const alarm of existing) {
    if (!alarm.name.startsWith(REMINDER_ALARM_PREFIX)) continue;
    const due = wanted.get(alarm.name);
    // An overdue task's alarm is already as soon as it can be: recreating it would only delay it.
    const stillRight = due !== undefined && (due === alarm.scheduledTime || due <= now);
    if (!stillRight) await browser.alarms.clear(alarm.name);
  }
  const present = new Set((await browser.alarms.getAll()).map((alarm) => alarm.name));
  for (const [name, due] of wanted) {
    if (!present.has(name)) browser.alarms.create(name, { when: Math.max(due, now + 100) });
  }
  if (!present.has(SWEEP_ALARM)) browser.alarms.create(SWEEP_ALARM, { periodInMinutes: SWEEP_MINUTES });
  return wanted.size;
}

/** Raises a notification for every open task that is due and not yet notified. */
export async function notifyDueFollowUps(db: MarginDb, now: number): Promise<number> {
  const due = (await listDueTasks(db, now)).filter((task) => task.notifiedAt === undefined);
  for (const task of due) {
    const contact = await getContact(db, task.contactId);
    await browser.notifications.create(`${NOTIFICATION_PREFIX}${task.id}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: `Follow up: ${contact?.name ?? 'a contact'}`,
      message: task.title,
      priority: 1,
    });
    await markTaskNotified(db, task.id, now);
  }
  return due.length;
}

/** Clicking a reminder opens where the follow-up came from (the Gmail thread or LinkedIn page). */
export async function openFollowUpSource(db: MarginDb, notificationId: string): Promise<void> {
  if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return;
  const task = await getTask(db, notificationId.slice(NOTIFICATION_PREFIX.length));
  const origin = task?.fromInteractionId ? await getInteraction(db, task.fromInteractionId) : undefined;
  const url = origin?.source.url;
  await browser.tabs.create({
    url: url && /^https:\/\/(mail\.google\.com|www\.linkedin\.com)\//.test(url) ? url : browser.runtime.getURL('/dashboard.html'),
  });
  await browser.notifications.clear(notificationId);
}
