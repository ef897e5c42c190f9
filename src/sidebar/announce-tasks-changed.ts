import { sendMessage } from '../messaging/send';

/** Tells the background to (re)schedule follow-up reminders; a sleeping service worker wakes for it. */
export function announceTasksChanged(): void {
  sendMessage({ type: 'tasks/changed' }).catch((error: unknown) => console.warn('[margin] could not schedule reminders', error));
}
