import * as z from 'zod/mini';
import { defineSetting } from '../model/define-setting';
import { INTERACTION_KINDS, SENTIMENTS, type InteractionKind, type Sentiment } from '../model/schemas';

/**
 * What the engagement score is made of (DESIGN.md §3). Every number is the user's to change in
 * settings; these are the defaults. Kinds without a weight (stage-change, task-done) count 0.
 */
export interface ScoreSettings {
  weights: Partial<Record<InteractionKind, number>>;
  sentimentFactors: Record<Sentiment, number>;
  /** Days after which an interaction counts half. */
  halfLifeDays: number;
  /** The saturation constant: a sum of k gives 63, 2k gives 86, 3k gives 95. */
  k: number;
}

export const DEFAULT_SCORE_SETTINGS: ScoreSettings = {
  weights: {
    'email-in': 3,
    'email-out': 1,
    meeting: 5,
    call: 4,
    'linkedin-message-in': 3,
    'linkedin-message-out': 1,
    note: 1,
    'linkedin-view': 0.5,
  },
  sentimentFactors: { Positive: 1.25, Neutral: 1, Concerned: 0.75, Negative: 0.5 },
  halfLifeDays: 30,
  k: 10,
};

const weight = z.number().check(z.gte(0), z.lte(100));
const factor = z.number().check(z.gte(0), z.lte(10));

/** A stored value is checked before use: a bad value falls back to the defaults, never breaks a page. */
export const scoreSettingsSchema = z.object({
  weights: z.partialRecord(z.enum(INTERACTION_KINDS), weight),
  sentimentFactors: z.object(
    Object.fromEntries(SENTIMENTS.map((sentiment) => [sentiment, factor])) as Record<Sentiment, typeof factor>,
  ),
  halfLifeDays: z.number().check(z.gt(0), z.lte(3650)),
  k: z.number().check(z.gt(0), z.lte(10_000)),
});

export function weightOf(settings: ScoreSettings, kind: InteractionKind): number {
  return settings.weights[kind] ?? 0;
}

/** The user's score settings, or the defaults when none are stored or what is stored no longer fits. */
export const SCORE_SETTINGS = defineSetting<ScoreSettings>({
  key: 'metrics.score',
  schema: scoreSettingsSchema,
  fallback: DEFAULT_SCORE_SETTINGS,
});
