import { describe, expect, it } from 'vitest';
import { INTERACTION_KINDS } from '../../src/model/interaction-kinds';
import type { Interaction, Sentiment, Stage } from '../../src/model/schemas';
import { SENTIMENTS, STAGES } from '../../src/model/schemas';
import { decayFactor } from '../../src/metrics/decay';
import { engagementScore, FUTURE_TOLERANCE_MS, scoreAt } from '../../src/metrics/engagement-score';
import {
  activityHolds,
  contactActivityOf,
  scoreOfActivity,
  scoreSettingsKey,
  sumOfActivity,
  summariseActivity,
  surgeOfActivity,
} from '../../src/metrics/person-activity';
import { surgeOf } from '../../src/metrics/surge';
import { DEFAULT_SCORE_SETTINGS, type ScoreSettings } from '../../src/metrics/score-settings';
import { stageCandidates, stageCandidatesOf, type StageRule } from '../../src/metrics/stage-rules';
import { contactActivity } from '../../src/metrics/contact-activity';
import { stageCandidates as stageCandidatesBeforeCache } from './reference/stage-rules-before-cache';
import { engagementScore as engagementScoreBeforeCache } from './reference/engagement-score-before-cache';
import { DAY, NOW } from './interactions';

/** A small seeded generator (mulberry32), so a failure names its seed and can be replayed. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SHORT_HALF_LIFE: ScoreSettings = { ...DEFAULT_SCORE_SETTINGS, halfLifeDays: 4, k: 6 };

/**
 * A random history around NOW: mostly the last months, bursts of messages on the same day,
 * items a few minutes ahead (inside the clock tolerance) and days ahead (refused until then),
 * every kind (stage changes to At-Risk, follow-ups done, page views), sentiments, and notes that
 * name an objection and a next step.
 */
function randomHistory(random: () => number, size: number): Interaction[] {
  const pick = <T,>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const rows: Interaction[] = [];
  // A third of the people are all praise, so that "Delighted" (three Positive in a row and a high score) comes up.
  const delighted = random() < 0.33;
  for (let index = 0; index < size; index += 1) {
    const roll = random();
    const at =
      roll < 0.06
        ? NOW + Math.floor(random() * FUTURE_TOLERANCE_MS * 2)
        : roll < 0.1
          ? NOW + Math.floor(random() * 20 * DAY)
          : roll < 0.4
            ? NOW - Math.floor(random() * 10 * DAY)
            : NOW - Math.floor(random() * 200 * DAY);
    const kind = pick(INTERACTION_KINDS);
    const sentiment: Sentiment | undefined = random() < 0.5 ? (delighted ? 'Positive' : pick(SENTIMENTS)) : undefined;
    rows.push({
      id: `i${index.toString().padStart(4, '0')}`,
      contactId: 'c1',
      at,
      kind,
      ...(sentiment ? { sentiment } : {}),
      ...(kind === 'stage-change' ? { stageChange: { from: 'Engaged' as Stage, to: random() < 0.6 ? 'At-Risk' : ('Engaged' as Stage) } } : {}),
      ...(kind === 'note' && random() < 0.5 ? { objection: 'Price', nextStep: 'Send the quote' } : {}),
      source: { site: 'margin' },
      createdAt: at,
      updatedAt: at,
    });
  }
  // As the [contactId+at] index gives them: by time, ties by id.
  return rows.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
}

describe('one decay function', () => {
  it('halves every half-life and never grows for an item dated ahead', () => {
    expect(decayFactor(30 * DAY, 30)).toBeCloseTo(0.5, 12);
    expect(decayFactor(60 * DAY, 30)).toBeCloseTo(0.25, 12);
    expect(decayFactor(-DAY, 30)).toBe(1);
  });
});

describe('the cached activity gives what the history gives', () => {
  const rounds = 400;
  const fired = new Map<StageRule, number>();

  it.each([
    ['default settings', DEFAULT_SCORE_SETTINGS],
    ['a 4-day half-life (the score-drop rule can fire)', SHORT_HALF_LIFE],
  ])('stage suggestions and scores are the same as before the cache, now and read later (%s)', (_name, settings) => {
    for (let seed = 1; seed <= rounds; seed += 1) {
      const random = generator(seed);
      const history = randomHistory(random, 1 + Math.floor(random() * 40));
      const contact = {
        stage: STAGES[Math.floor(random() * STAGES.length)] as Stage,
        previousStage: STAGES[Math.floor(random() * STAGES.length)] as Stage,
        createdAt: NOW - 400 * DAY,
      };
      const context = `seed ${seed}`;

      // Computed now: exactly the rules and the score as they were computed from the history.
      const expected = stageCandidatesBeforeCache({ contact, interactions: history, now: NOW, settings });
      expect(stageCandidates({ contact, interactions: history, now: NOW, settings }), context).toEqual(expected);
      const activity = summariseActivity('c1', history, NOW, settings);
      expect(scoreOfActivity(activity, NOW, settings), context).toBe(engagementScoreBeforeCache(history, NOW, settings).score);

      // Read later (time passes, nothing written): the row decays on read and gives the same as a full recompute then.
      const later = NOW + Math.floor(random() * 60 * DAY);
      if (!activityHolds(activity, later, scoreSettingsKey(settings))) {
        // Only an item dated after the computation makes a row stop holding.
        expect(history.some((interaction) => interaction.at > NOW && interaction.at - FUTURE_TOLERANCE_MS <= later), context).toBe(true);
        continue;
      }
      const full = engagementScoreBeforeCache(history, later, settings);
      expect(Math.abs(sumOfActivity(activity, later, settings) - full.sum), context).toBeLessThanOrEqual(1e-9 * Math.max(1, full.sum));
      expect(scoreOfActivity(activity, later, settings), context).toBe(full.score);
      expect(contactActivityOf(activity, later), context).toEqual(contactActivity(history, later));
      expect(surgeOfActivity(activity, later), context).toEqual(surgeOf(history, later));
      const expectedLater = stageCandidatesBeforeCache({ contact, interactions: history, now: later, settings });
      expect(stageCandidatesOf({ contact, activity, now: later, settings }), context).toEqual(expectedLater);
      for (const candidate of expectedLater) fired.set(candidate.rule, (fired.get(candidate.rule) ?? 0) + 1);
    }
  });

  it('exercised every rule on a cached row read later', () => {
    expect([...fired.keys()].sort()).toEqual(
      ['at-risk-score-drop', 'at-risk-sentiment', 'at-risk-silence', 'delighted', 'engaged-two-way', 'qualified-hint', 'recovered-positive'],
    );
  });

  it('stops holding when the settings change, before it was computed, and once a dated-ahead item starts to count', () => {
    const ahead = randomHistory(generator(7), 3).map((row, index) => ({ ...row, at: NOW - index * DAY }));
    ahead.push({ ...ahead[0]!, id: 'ahead', at: NOW + 2 * DAY });
    const activity = summariseActivity('c1', ahead, NOW, DEFAULT_SCORE_SETTINGS);
    const key = scoreSettingsKey(DEFAULT_SCORE_SETTINGS);
    expect(activityHolds(activity, NOW + DAY, key)).toBe(true);
    expect(activityHolds(activity, NOW + 2 * DAY, key)).toBe(false);
    expect(activityHolds(activity, NOW - 1, key)).toBe(false);
    expect(activityHolds(activity, NOW + DAY, scoreSettingsKey(SHORT_HALF_LIFE))).toBe(false);
  });

  it('keeps the score, its explanation and its numbers as they were', () => {
    for (let seed = 1; seed <= 100; seed += 1) {
      const history = randomHistory(generator(seed), 30);
      expect(engagementScore(history, NOW, DEFAULT_SCORE_SETTINGS)).toEqual(engagementScoreBeforeCache(history, NOW, DEFAULT_SCORE_SETTINGS));
      expect(scoreAt(history, NOW, SHORT_HALF_LIFE)).toBe(engagementScoreBeforeCache(history, NOW, SHORT_HALF_LIFE).score);
    }
  });
});

describe('the settings fingerprint', () => {
  it('is the same for the same settings in any key order, and differs when a number changes', () => {
    const reordered: ScoreSettings = {
      k: DEFAULT_SCORE_SETTINGS.k,
      halfLifeDays: DEFAULT_SCORE_SETTINGS.halfLifeDays,
      sentimentFactors: Object.fromEntries(Object.entries(DEFAULT_SCORE_SETTINGS.sentimentFactors).reverse()) as ScoreSettings['sentimentFactors'],
      weights: Object.fromEntries(Object.entries(DEFAULT_SCORE_SETTINGS.weights).reverse()),
    };
    expect(scoreSettingsKey(reordered)).toBe(scoreSettingsKey(DEFAULT_SCORE_SETTINGS));
    expect(scoreSettingsKey({ ...DEFAULT_SCORE_SETTINGS, k: 11 })).not.toBe(scoreSettingsKey(DEFAULT_SCORE_SETTINGS));
    expect(scoreSettingsKey({ ...DEFAULT_SCORE_SETTINGS, weights: { ...DEFAULT_SCORE_SETTINGS.weights, call: 3 } })).not.toBe(scoreSettingsKey(DEFAULT_SCORE_SETTINGS));
  });
});
