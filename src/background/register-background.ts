import { browser } from 'wxt/browser';
import { createMessageListener } from '../messaging/listen';
import { backgroundHandlers } from './handlers';
import { backgroundSenderChecks } from './sender-checks';
import { openDb } from './background-db';
import { registerDailyScoreRecompute } from './daily-score-recompute';
import { openSidebarComposer } from './composer-shortcut';
import {
  notifyDueFollowUps,
  openFollowUpSource,
  REMINDER_ALARM_PREFIX,
  scheduleFollowUpReminders,
  SWEEP_ALARM,
} from './follow-up-reminders';
import { INSTALL_PASS_DONE_KEY } from './install-pass';
import { reinjectContentScripts } from './reinject-content-scripts';
import { clearTabContext } from './tab-contexts';
import { registerCrmSync, requestSyncRun } from './crm-sync';

/**
 * Wires the background's listeners. Called from `defineBackground`'s main, synchronously on every
 * service-worker start: Chrome only delivers the event that woke the worker to listeners added in
 * its first turn.
 */
export function registerBackground(): void {
  browser.runtime.onMessage.addListener(createMessageListener(backgroundHandlers, backgroundSenderChecks));

  browser.tabs.onRemoved.addListener((tabId) => {
    clearTabContext(tabId).catch((error: unknown) => {
      console.warn(`[margin] could not forget the context of closed tab ${tabId}:`, error);
    });
  });

  // Follow-up reminders: alarms survive restarts, and every start re-checks what is due.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== SWEEP_ALARM && !alarm.name.startsWith(REMINDER_ALARM_PREFIX)) return;
    notifyDueFollowUps(openDb(), Date.now()).catch((error: unknown) => {
      console.warn('[margin] could not raise follow-up reminders:', error);
    });
  });
  const rescheduleReminders = (): void => {
    scheduleFollowUpReminders(openDb())
      .then(() => notifyDueFollowUps(openDb(), Date.now()))
      .catch((error: unknown) => console.warn('[margin] could not schedule follow-up reminders:', error));
  };
  browser.runtime.onStartup.addListener(rescheduleReminders);
  browser.runtime.onInstalled.addListener(rescheduleReminders);
  if (import.meta.env.BROWSER !== 'firefox') {
    browser.runtime.onInstalled.addListener(() => {
      reinjectContentScripts()
        .catch((error: unknown) => console.warn('[margin] could not put the sidebar back into open tabs:', error))
        .then(() => browser.storage.session.set({ [INSTALL_PASS_DONE_KEY]: Date.now() }))
        .catch((error: unknown) => console.warn('[margin] could not note the end of the install pass:', error));
    });
  }
  browser.notifications.onClicked.addListener((notificationId) => {
    openFollowUpSource(openDb(), notificationId).catch((error: unknown) => {
      console.warn('[margin] could not open the follow-up:', error);
    });
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'focus-composer' || tab?.id === undefined) return;
    openSidebarComposer(tab.id).catch((error: unknown) => console.warn('[margin] could not open the composer:', error));
  });

  registerDailyScoreRecompute();
  registerCrmSync();
  // Resume what a stopped service worker or browser left in the outbox.
  requestSyncRun().catch((error: unknown) => console.warn('[margin] the CRM sync stopped:', error));

  // Both builds are MV3, so the toolbar button is `action` in Chrome and Firefox alike.
  browser.action.onClicked.addListener(() => {
    browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') }).catch((error: unknown) => {
      console.warn('[margin] could not open the dashboard:', error);
    });
  });
}
