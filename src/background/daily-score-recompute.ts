import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { LAST_FULL_RECOMPUTE_SETTING, recomputeContactsAfter } from '../actions/recompute-scores';
import type { MarginDb } from '../db/database';
import { clearSetting, getSetting, setSetting } from '../db/settings-repository';
import { defineSetting } from '../model/define-setting';
import { openDb } from './background-db';

/**
 * Scores decay with time even when nothing happens, so once a day the background brings
 * everyone's stored score, dashboard fields and stage suggestions to the day (e.g. "Silent 41
 * days" only becomes true by waiting). It touches people, not interactions: each person's
 * activity row (kept by the writes) decays on read; only a person whose row no longer holds
 * (the score settings changed, an item dated ahead started to count, no row yet) is read again.
 * Chrome keeps alarms across restarts and fires a missed periodic alarm once at the next start.
 *
 * A pass over 100,000 people takes longer than a service worker may live without an event, so it
 * runs in pieces of a few seconds and stores where it is after each; before each piece it sets a
 * continuation alarm, which wakes a worker that was stopped in the middle to go on from there.
 */
export const DAILY_RECOMPUTE_ALARM = 'metrics:daily-recompute';
export const RECOMPUTE_CONTINUE_ALARM = 'metrics:daily-recompute-continue';
/** One piece's work: well under the 30 seconds an idle service worker lives (calling an extension API between pieces renews them). */
export const PIECE_BUDGET_MS = 5_000;
/** Chrome's shortest alarm delay for a published extension. */
const CONTINUE_AFTER_MINUTES = 0.5;
const MINUTES_PER_DAY = 24 * 60;

const progressSchema = z.object({ now: z.number(), after: z.optional(z.string()) });
type Progress = z.infer<typeof progressSchema>;
/** The pass under way: the time it computes for, and the last contact id done; null when none is. */
export const RECOMPUTE_PROGRESS = defineSetting<Progress | null>({
  key: 'metrics.dailyRecomputeProgress',
  schema: z.nullable(progressSchema),
  fallback: null,
});

/** Call synchronously in the service worker's first turn, like every listener. */
export function registerDailyScoreRecompute(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== DAILY_RECOMPUTE_ALARM && alarm.name !== RECOMPUTE_CONTINUE_ALARM) return;
    runDailyRecompute(openDb(), { startNewPass: alarm.name === DAILY_RECOMPUTE_ALARM }).catch((error: unknown) => {
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

let running: Promise<void> | undefined;

/**
 * Goes on with the pass under way, piece by piece, until everyone is done; the daily alarm
 * starts a new pass when none is under way. One runner per worker: an alarm that fires while a
 * pass runs joins it.
 */
export function runDailyRecompute(
  db: MarginDb,
  { startNewPass, pieceBudgetMs = PIECE_BUDGET_MS, batchSize }: { startNewPass: boolean; pieceBudgetMs?: number; batchSize?: number },
): Promise<void> {
  running ??= runPieces(db, startNewPass, { budgetMs: pieceBudgetMs, ...(batchSize === undefined ? {} : { batchSize }) }).finally(() => {
    running = undefined;
  });
  return running;
}

async function runPieces(db: MarginDb, startNewPass: boolean, piece: { budgetMs: number; batchSize?: number }): Promise<void> {
  let progress = await getSetting(db, RECOMPUTE_PROGRESS);
  if (!progress) {
    if (!startNewPass) {
      await browser.alarms.clear(RECOMPUTE_CONTINUE_ALARM);
      return;
    }
    progress = { now: Date.now() };
    await setSetting(db, RECOMPUTE_PROGRESS, progress);
  }
  for (;;) {
    await browser.alarms.create(RECOMPUTE_CONTINUE_ALARM, { delayInMinutes: CONTINUE_AFTER_MINUTES });
    const done = await recomputeContactsAfter(db, progress.now, progress.after, piece);
    if (done.done) {
      await setSetting(db, LAST_FULL_RECOMPUTE_SETTING, progress.now);
      await clearSetting(db, RECOMPUTE_PROGRESS);
      await browser.alarms.clear(RECOMPUTE_CONTINUE_ALARM);
      return;
    }
    progress = { now: progress.now, ...(done.after === undefined ? {} : { after: done.after }) };
    await setSetting(db, RECOMPUTE_PROGRESS, progress);
  }
}
