import type { Interaction } from '../model/schemas';
import { DAY_MS, scoreAt } from './engagement-score';
import type { ScoreSettings } from './score-settings';

export const TREND_DAYS = 30;
/** A change smaller than this over the trend window reads as "steady". */
export const STEADY_WITHIN_POINTS = 3;

export interface TrendPoint {
  at: number;
  score: number;
}

export interface ScoreTrend {
  /** Oldest first: the score every `stepDays` from `now − days` to `now` (both included). */
  points: TrendPoint[];
  direction: 'up' | 'down' | 'steady';
  /** Score now minus score at the start of the window. */
  change: number;
}

/**
 * The score as it was at points over the last 30 days, as a pure function of the same
 * interactions: the score at day −30 counts only what had happened by then.
 */
export function scoreTrend(
  interactions: readonly Interaction[],
  now: number,
  settings: ScoreSettings,
  { days = TREND_DAYS, stepDays = 1 }: { days?: number; stepDays?: number } = {},
): ScoreTrend {
  const sorted = [...interactions].sort((a, b) => a.at - b.at);
  const points: TrendPoint[] = [];
  for (let daysBack = days; daysBack >= 0; daysBack -= stepDays) {
    const at = now - daysBack * DAY_MS;
    points.push({ at, score: scoreAt(happenedBy(sorted, at), at, settings) });
  }
  const first = points[0]?.score ?? 0;
  const last = points.at(-1)?.score ?? 0;
  const change = last - first;
  const direction = change >= STEADY_WITHIN_POINTS ? 'up' : change <= -STEADY_WITHIN_POINTS ? 'down' : 'steady';
  return { points, direction, change };
}

/** The prefix of time-sorted interactions that had happened by `at` (binary search). */
function happenedBy(sorted: readonly Interaction[], at: number): readonly Interaction[] {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle]?.at ?? 0) <= at) low = middle + 1;
    else high = middle;
  }
  return sorted.slice(0, low);
}
