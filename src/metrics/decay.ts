import type { Interaction } from '../model/schemas';
import { weightOf, type ScoreSettings } from './score-settings';

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How much of an interaction's points is left after `ageMs`: 0.5^(ageDays / halfLife). An age
 * below zero (an item dated a little after `now`) counts as zero: it is worth its full points,
 * never more. The one decay formula: the score, its explanation, the trend, the score-drop rule
 * and the cached per-person sums all call it.
 */
export function decayFactor(ageMs: number, halfLifeDays: number): number {
  return Math.pow(0.5, Math.max(0, ageMs) / DAY_MS / halfLifeDays);
}

/** What an interaction is worth before decay: weight(kind) × sentiment factor; 0 for a kind that does not count. */
export function undecayedPoints(interaction: Interaction, settings: ScoreSettings): number {
  const weight = weightOf(settings, interaction.kind);
  if (weight <= 0) return 0;
  return weight * sentimentFactorOf(interaction, settings);
}

export function sentimentFactorOf(interaction: Interaction, settings: ScoreSettings): number {
  return interaction.sentiment ? settings.sentimentFactors[interaction.sentiment] : 1;
}

/** What an interaction adds to the sum at `at`. */
export function pointsAt(interaction: Interaction, at: number, settings: ScoreSettings): number {
  const points = undecayedPoints(interaction, settings);
  return points > 0 ? points * decayFactor(at - interaction.at, settings.halfLifeDays) : 0;
}
