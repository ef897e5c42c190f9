import { kindsWhere, type InteractionKind } from '../model/interaction-kinds';
import type { Interaction } from '../model/schemas';
import { DAY_MS } from './engagement-score';

/** Messages the person sent: their replying rhythm is what silence is measured against. */
export const INBOUND_KINDS: ReadonlySet<InteractionKind> = kindsWhere((kind) => kind.direction === 'in');
/** Anything that shows the person is still there (a call or meeting needs them too). */
export const FROM_THEM_KINDS: ReadonlySet<InteractionKind> = kindsWhere((kind) => kind.direction === 'in' || kind.direction === 'both');

/** Messages closer together than this are one burst (three quick replies in an afternoon are one reply). */
export const BURST_MS = 12 * 60 * 60 * 1000;
/** The cadence follows the person as they are now: only their latest gaps count. */
export const RECENT_GAPS = 12;
/** Fewer gaps than this is no rhythm yet. */
export const MIN_GAPS_FOR_CADENCE = 2;

export const SILENCE_FLOOR_DAYS = 14;
/** Without a known rhythm, silence counts after twice the floor. */
export const SILENCE_WITHOUT_CADENCE_DAYS = 2 * SILENCE_FLOOR_DAYS;

export interface Cadence {
  /** The median gap in days between the person's recent messages; null when there are too few to tell. */
  usualGapDays: number | null;
  /** How many gaps the median was taken over. */
  gaps: number;
}

/**
 * The person's own rhythm: the median gap between their messages, over their latest bursts.
 * The median (not the mean) so that one long holiday or one flurry does not redefine "usual".
 */
export function cadenceOf(interactions: readonly Interaction[], now: number): Cadence {
  const times = interactions
    .filter((interaction) => INBOUND_KINDS.has(interaction.kind) && interaction.at <= now)
    .map((interaction) => interaction.at)
    .sort((a, b) => a - b);
  const bursts: number[] = [];
  for (const at of times) {
    const last = bursts.at(-1);
    if (last === undefined || at - last >= BURST_MS) bursts.push(at);
  }
  const gaps: number[] = [];
  for (let index = 1; index < bursts.length; index += 1) {
    gaps.push(((bursts[index] ?? 0) - (bursts[index - 1] ?? 0)) / DAY_MS);
  }
  const recent = gaps.slice(-RECENT_GAPS);
  if (recent.length < MIN_GAPS_FOR_CADENCE) return { usualGapDays: null, gaps: recent.length };
  return { usualGapDays: median(recent), gaps: recent.length };
}

/** Days of silence after which the person counts as gone quiet: max(14, 2 × their usual gap). */
export function silenceThresholdDays(cadence: Cadence): number {
  if (cadence.usualGapDays === null) return SILENCE_WITHOUT_CADENCE_DAYS;
  return Math.max(SILENCE_FLOOR_DAYS, 2 * cadence.usualGapDays);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
