import type { Interaction } from '../model/schemas';
import { DAY_MS, decayFactor, pointsAt, sentimentFactorOf } from './decay';
import { weightOf, type ScoreSettings } from './score-settings';

export { DAY_MS };

/**
 * Items dated later than this after `now` are refused: a clock a few seconds ahead (another
 * device's timestamp, a page's rounding) is not a "future" interaction; one a day ahead is.
 */
export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/** What one interaction adds to the score, for the "why this score" list. */
export interface Contribution {
  interaction: Interaction;
  /** weight × sentiment factor × decay: what it adds to the sum. */
  points: number;
  weight: number;
  sentimentFactor: number;
  /** 0.5^(ageDays / halfLife). */
  decay: number;
  ageDays: number;
}

export interface EngagementScore {
  /** 0–100. */
  score: number;
  /** The sum of contributions before saturation. */
  sum: number;
  /** Every interaction that adds something, largest first. */
  contributions: Contribution[];
  /** Interactions dated in the future of `now`: left out of the score, and listed so they can be shown. */
  refused: Interaction[];
}

/**
 * The engagement score at `now` (DESIGN.md §3):
 * each interaction adds `weight(kind) × sentimentFactor × 0.5^(ageDays / halfLife)`,
 * and the score is `round(100 × (1 − e^(−sum / k)))`. Pure.
 */
export function engagementScore(
  interactions: readonly Interaction[],
  now: number,
  settings: ScoreSettings,
): EngagementScore {
  const contributions: Contribution[] = [];
  const refused: Interaction[] = [];
  let sum = 0;
  for (const interaction of interactions) {
    if (interaction.at > now + FUTURE_TOLERANCE_MS) {
      refused.push(interaction);
      continue;
    }
    const weight = weightOf(settings, interaction.kind);
    if (weight <= 0) continue;
    const sentimentFactor = sentimentFactorOf(interaction, settings);
    const ageDays = Math.max(0, now - interaction.at) / DAY_MS;
    const decay = decayFactor(now - interaction.at, settings.halfLifeDays);
    const points = weight * sentimentFactor * decay;
    if (points <= 0) continue;
    sum += points;
    contributions.push({ interaction, points, weight, sentimentFactor, decay, ageDays });
  }
  contributions.sort((a, b) => b.points - a.points || b.interaction.at - a.interaction.at);
  return { score: scoreOfSum(sum, settings), sum, contributions, refused };
}

/** Only the number, without building the explanation: what recomputing everyone needs. */
export function scoreAt(interactions: readonly Interaction[], now: number, settings: ScoreSettings): number {
  return scoreOfSum(sumAt(interactions, now, settings), settings);
}

/** The sum of every interaction's decayed points at `now`, leaving out items dated in its future. */
export function sumAt(interactions: readonly Interaction[], now: number, settings: ScoreSettings): number {
  let sum = 0;
  for (const interaction of interactions) {
    if (interaction.at > now + FUTURE_TOLERANCE_MS) continue;
    sum += pointsAt(interaction, now, settings);
  }
  return sum;
}

export function scoreOfSum(sum: number, settings: Pick<ScoreSettings, 'k'>): number {
  if (!(sum > 0)) return 0;
  return Math.round(100 * (1 - Math.exp(-sum / settings.k)));
}
