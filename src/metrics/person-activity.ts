import { kindsWhere } from '../model/interaction-kinds';
import type { PersonActivity, ScorePeak } from '../model/person-activity';
import type { Interaction, Sentiment } from '../model/schemas';
import { cadenceOf, FROM_THEM_KINDS } from './cadence';
import { newestTouchAndSentiment, type ContactActivity } from './contact-activity';
import { DAY_MS, decayFactor, pointsAt } from './decay';
import { FUTURE_TOLERANCE_MS, scoreOfSum, sumAt } from './engagement-score';
import type { ScoreSettings } from './score-settings';
import { isTheirTouch, isTouch, SURGE_MIN_TOUCHES, SURGE_WINDOW_DAYS } from './surge';

export const SCORE_DROP_WINDOW_DAYS = 30;
/** Sentiments that count against a relationship (At-Risk by sentiment; a note with one is no qualified hint). */
export const BAD_SENTIMENTS: ReadonlySet<Sentiment> = new Set(['Negative', 'Concerned']);

const MESSAGE_IN = kindsWhere((kind) => kind.direction === 'in');
const MESSAGE_OUT = kindsWhere((kind) => kind.direction === 'out');
const TWO_WAY_BY_ITSELF = kindsWhere((kind) => kind.direction === 'both');

/**
 * A short fingerprint of the score settings (FNV-1a of their JSON): a row computed with other
 * weights, half-life or k no longer holds, and the person is recomputed from their history.
 */
export function scoreSettingsKey(settings: ScoreSettings): string {
  // Keys in a fixed order: the same settings parsed from storage or taken as the defaults give one key.
  const sorted = (record: Partial<Record<string, number>>) => Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const text = JSON.stringify([sorted(settings.weights), sorted(settings.sentimentFactors), settings.halfLifeDays, settings.k]);
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * Everything the score, the dashboard's cached fields and the stage rules need from a person's
 * interactions (any order), as of `now`. Pure. The row then holds for any later moment until
 * `reviewAt` (see `activityHolds`).
 */
export function summariseActivity(
  contactId: string,
  interactions: readonly Interaction[],
  now: number,
  settings: ScoreSettings,
): PersonActivity {
  const past = interactions.filter((interaction) => interaction.at <= now + FUTURE_TOLERANCE_MS).sort((a, b) => a.at - b.at);
  const touches = past.filter(isTouch);
  const withSentiment = touches.filter((interaction) => interaction.sentiment !== undefined);
  const lastFromThem = touches.filter((interaction) => FROM_THEM_KINDS.has(interaction.kind)).at(-1);
  const becameAtRisk = past.filter((interaction) => interaction.stageChange?.to === 'At-Risk').at(-1);
  const lastSpoken = touches.filter((interaction) => TWO_WAY_BY_ITSELF.has(interaction.kind)).at(-1);
  const lastNote = touches.filter((interaction) => interaction.kind === 'note').at(-1);
  const { lastTouchAt, lastSentiment } = newestTouchAndSentiment(interactions);
  const later = interactions.filter((interaction) => interaction.at > now).map((interaction) => interaction.at);
  const lastPastTouchAt = touches.at(-1)?.at;
  return {
    contactId,
    computedAt: now,
    ...(later.length > 0 ? { reviewAt: Math.min(...later) - FUTURE_TOLERANCE_MS } : {}),
    settingsKey: scoreSettingsKey(settings),
    scoreSum: sumAt(interactions, now, settings),
    peaks: scorePeaks(past, now, settings),
    ...(lastTouchAt === undefined ? {} : { lastTouchAt }),
    ...(lastSentiment === undefined ? {} : { lastSentiment }),
    ...(lastPastTouchAt === undefined ? {} : { lastPastTouchAt }),
    lastSentiments: withSentiment.slice(-3).map(({ kind, sentiment, at }) => ({ kind, sentiment: sentiment as Sentiment, at })),
    ...(lastFromThem ? { lastFromThemAt: lastFromThem.at } : {}),
    usualGapDays: cadenceOf(past, now).usualGapDays,
    ...(becameAtRisk ? { becameAtRiskAt: becameAtRisk.at } : {}),
    messagesIn: touches.filter((interaction) => MESSAGE_IN.has(interaction.kind)).length,
    messagesOut: touches.filter((interaction) => MESSAGE_OUT.has(interaction.kind)).length,
    ...(lastSpoken ? { lastSpokenKind: lastSpoken.kind } : {}),
    latestNoteQualifies: Boolean(
      lastNote?.objection?.trim() && lastNote.nextStep?.trim() && !BAD_SENTIMENTS.has(lastNote.sentiment ?? 'Neutral'),
    ),
    theirRecentTouches: past
      .filter((interaction) => isTheirTouch(interaction) && interaction.at > now - SURGE_WINDOW_DAYS * DAY_MS)
      .map((interaction) => interaction.at),
  };
}

/**
 * Whether a stored row still gives the exact results at `now`: computed with these settings, not
 * after `now`, and no interaction dated after its computation has started to count yet. When it
 * does not hold, the person is recomputed from their interactions.
 */
export function activityHolds(activity: PersonActivity, now: number, settingsKey: string): boolean {
  return (
    activity.settingsKey === settingsKey && now >= activity.computedAt && (activity.reviewAt === undefined || now < activity.reviewAt)
  );
}

/** The score's sum at `now` (not before the row's `computedAt`): decayed on read. */
export function sumOfActivity(activity: PersonActivity, now: number, settings: ScoreSettings): number {
  return activity.scoreSum * decayFactor(now - activity.computedAt, settings.halfLifeDays);
}

/** The engagement score at `now` from the stored sum, as `scoreAt` gives it from the history. */
export function scoreOfActivity(activity: PersonActivity, now: number, settings: ScoreSettings): number {
  return scoreOfSum(sumOfActivity(activity, now, settings), settings);
}

/** How many of their own touches in the 7 days before `now`, and whether that is a surge (as `surgeOf`). */
export function surgeOfActivity(activity: PersonActivity, now: number): { touches: number; surge: boolean } {
  const since = now - SURGE_WINDOW_DAYS * DAY_MS;
  const touches = activity.theirRecentTouches.filter((at) => at > since).length;
  return { touches, surge: touches >= SURGE_MIN_TOUCHES };
}

/** The fields the contact row caches for the dashboard, at `now`. */
export function contactActivityOf(activity: PersonActivity, now: number): ContactActivity {
  return {
    ...(activity.lastTouchAt === undefined ? {} : { lastTouchAt: activity.lastTouchAt }),
    ...(activity.lastSentiment === undefined ? {} : { lastSentiment: activity.lastSentiment }),
    surge: surgeOfActivity(activity, now).surge,
  };
}

/**
 * The highest sum held in the 30 days before `now` (the score only rises at an interaction and
 * decays in between, so its highs are at the window's start or just after an interaction).
 */
export function peakSumOfActivity(activity: PersonActivity, now: number, settings: ScoreSettings): number {
  const since = now - SCORE_DROP_WINDOW_DAYS * DAY_MS;
  let atStart = 0;
  let peak = 0;
  for (const { at, sum } of activity.peaks) {
    if (at <= since) atStart = sum * decayFactor(since - at, settings.halfLifeDays);
    else if (at <= now) peak = Math.max(peak, sum);
  }
  return Math.max(atStart, peak);
}

/**
 * The running sum just after each scored interaction, carried forward from one to the next; only
 * those a later read can need (the last 30 days and the one before them), and of those only the
 * highs: a sum that a later one reaches or beats can never be the peak of a window that holds both.
 */
function scorePeaks(sortedPast: readonly Interaction[], now: number, settings: ScoreSettings): ScorePeak[] {
  const since = now - SCORE_DROP_WINDOW_DAYS * DAY_MS;
  const peaks: ScorePeak[] = [];
  let sum = 0;
  let sumTime = -Infinity;
  for (const interaction of sortedPast) {
    if (interaction.at > now) break;
    const points = pointsAt(interaction, interaction.at, settings);
    if (points <= 0) continue;
    sum = (sumTime === -Infinity ? 0 : sum * decayFactor(interaction.at - sumTime, settings.halfLifeDays)) + points;
    sumTime = interaction.at;
    if (interaction.at <= since) peaks.length = 0;
    while (peaks.length > 0 && (peaks.at(-1) as ScorePeak).sum <= sum) peaks.pop();
    peaks.push({ at: interaction.at, sum });
  }
  return peaks;
}

