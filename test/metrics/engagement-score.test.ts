import { describe, expect, it } from 'vitest';
import { engagementScore, scoreAt } from '../../src/metrics/engagement-score';
import { STAGES } from '../../src/model/schemas';
import { bandOfScore, describeScoreBands, SCORE_BANDS } from '../../src/metrics/score-band';
import { DEFAULT_SCORE_SETTINGS, type ScoreSettings } from '../../src/metrics/score-settings';
import { DAY, NOW, touch } from './interactions';

const settings = DEFAULT_SCORE_SETTINGS;
const expected = (sum: number, k = 10) => Math.round(100 * (1 - Math.exp(-sum / k)));

describe('engagementScore', () => {
  it('is 0 for an empty history', () => {
    expect(engagementScore([], NOW, settings)).toMatchObject({ score: 0, sum: 0, contributions: [], refused: [] });
  });

  it('adds weight × sentiment factor for interactions of today', () => {
    // email-in 3 × Positive 1.25 + meeting 5 + note 1 × Concerned 0.75 = 3.75 + 5 + 0.75 = 9.5
    const result = engagementScore(
      [touch('email-in', 0, { sentiment: 'Positive' }), touch('meeting', 0), touch('note', 0, { sentiment: 'Concerned' })],
      NOW,
      settings,
    );
    expect(result.sum).toBeCloseTo(9.5, 10);
    expect(result.score).toBe(61); // round(100 × (1 − e^−0.95)) = round(61.33)
    expect(result.score).toBe(expected(9.5));
  });

  it('halves an interaction every 30 days', () => {
    expect(engagementScore([touch('meeting', 30)], NOW, settings).sum).toBeCloseTo(2.5, 10);
    expect(engagementScore([touch('meeting', 60)], NOW, settings).sum).toBeCloseTo(1.25, 10);
    // 4 × 0.5^(15/30) = 2.828…
    expect(engagementScore([touch('call', 15)], NOW, settings).sum).toBeCloseTo(4 * Math.SQRT1_2, 10);
  });

  it('decays as time passes with nothing new', () => {
    const history = [touch('email-in', 0), touch('meeting', 2), touch('call', 5)];
    const today = scoreAt(history, NOW, settings);
    const inAMonth = scoreAt(history, NOW + 30 * DAY, settings);
    const inAYear = scoreAt(history, NOW + 365 * DAY, settings);
    expect(today).toBeGreaterThan(inAMonth);
    expect(inAMonth).toBeGreaterThan(inAYear);
    expect(inAYear).toBe(0);
  });

  it('applies each sentiment factor', () => {
    const of = (sentiment: 'Positive' | 'Neutral' | 'Concerned' | 'Negative') =>
      engagementScore([touch('email-in', 0, { sentiment })], NOW, settings).sum;
    expect([of('Positive'), of('Neutral'), of('Concerned'), of('Negative')]).toEqual([3.75, 3, 2.25, 1.5]);
  });

  it('counts stage changes and done tasks as 0, and a LinkedIn view as 0.5', () => {
    const result = engagementScore([touch('stage-change', 0), touch('task-done', 0), touch('linkedin-view', 0)], NOW, settings);
    expect(result.sum).toBe(0.5);
    expect(result.contributions.map((contribution) => contribution.interaction.kind)).toEqual(['linkedin-view']);
  });

  it('refuses future-dated items and reports them', () => {
    const future = touch('meeting', -2);
    const result = engagementScore([touch('email-in', 0), future], NOW, settings);
    expect(result.sum).toBe(3);
    expect(result.refused).toEqual([future]);
    // A clock a minute ahead is not the future.
    expect(engagementScore([{ ...touch('email-in', 0), at: NOW + 60_000 }], NOW, settings).refused).toEqual([]);
  });

  it('uses the settings it is given', () => {
    const custom: ScoreSettings = { ...settings, weights: { note: 10 }, halfLifeDays: 10, k: 5 };
    const result = engagementScore([touch('note', 10), touch('email-in', 0)], NOW, custom);
    expect(result.sum).toBeCloseTo(5, 10);
    expect(result.score).toBe(expected(5, 5));
  });

  it('lists the contributors largest first', () => {
    const result = engagementScore([touch('note', 0), touch('meeting', 40), touch('email-in', 1)], NOW, settings);
    expect(result.contributions.map((contribution) => contribution.interaction.kind)).toEqual(['email-in', 'meeting', 'note']);
  });
});

describe('bandOfScore', () => {
  it.each([
    [0, 'Cold'],
    [19, 'Cold'],
    [20, 'Warm'],
    [44, 'Warm'],
    [45, 'Active'],
    [69, 'Active'],
    [70, 'Hot'],
    [100, 'Hot'],
  ])('%i is %s', (score, band) => {
    expect(bandOfScore(score)).toBe(band);
  });
});

describe('score bands and stages', () => {
  it('no band has the name of a lifecycle stage, so a band chip never reads as a stage', () => {
    const stages = new Set<string>(STAGES.map((stage) => stage.toLowerCase()));
    expect(SCORE_BANDS.map(({ band }) => band).filter((band) => stages.has(band.toLowerCase()))).toEqual([]);
  });

  it('describes the bands in one line', () => {
    expect(describeScoreBands()).toBe('Cold 0–19, Warm 20–44, Active 45–69, Hot 70–100');
  });
});
