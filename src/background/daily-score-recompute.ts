import { browser } from 'wxt/browser';
import { recomputeAllContacts } from '../actions/recompute-scores';
import { openDb } from './background-db';

/**
 * Scores decay with time even when nothing happens, so once a day the background recomputes
 * everyone's score and stage suggestions (e.g. "Silent 41 days" only becomes true by waiting).
 * Chrome keeps alarms across restarts and fires a missed periodic alarm once at the next start.
 */
export const DAILY_RECOMPUTE_ALARM = 'metrics:daily-recompute';
const MINUTES_PER_DAY = 24 * 60;

/** Call synchronously in the service worker's first turn, like every listener. */
export function registerDailyScoreRecompute(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== DAILY_RECOMPUTE_ALARM) return;
    recomputeAllContacts(openDb(), Date.now()).catch((error: unknown) => {
      console.warn('[margin] could not recompute engagement scores:', error);
    });
  });
  ensureDailyAlarm().catch((error: unknown) => console.warn('[margin] could not schedule the daily score update:', error));
}

export async function ensureDailyAlarm(): Promise<void> {
  if (await browser.alarms.get(DAILY_RECOMPUTE_ALARM)) return;
  // The first run a minute after install, then daily: a fresh install has nothing to decay yet,
  // an update may have changed the rules.
  await browser.alarms.create(DAILY_RECOMPUTE_ALARM, { delayInMinutes: 1, periodInMinutes: MINUTES_PER_DAY });
}
