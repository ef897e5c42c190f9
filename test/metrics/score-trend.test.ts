import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORE_SETTINGS } from '../../src/metrics/score-settings';
import { scoreAt } from '../../src/metrics/engagement-score';
import { scoreTrend } from '../../src/metrics/score-trend';
import { surgeOf } from '../../src/metrics/surge';
import { DAY, NOW, touch } from './interactions';

describe('scoreTrend', () => {
  it('has 31 daily points, oldest first, ending with the score now', () => {
    const history = [touch('meeting', 40), touch('email-in', 3)];
    const trend = scoreTrend(history, NOW, DEFAULT_SCORE_SETTINGS);
    expect(trend.points).toHaveLength(31);
    expect(trend.points[0]?.at).toBe(NOW - 30 * DAY);
    expect(trend.points.at(-1)).toEqual({ at: NOW, score: scoreAt(history, NOW, DEFAULT_SCORE_SETTINGS) });
  });

  it('counts at each point only what had happened by then', () => {
    const trend = scoreTrend([touch('meeting', 10)], NOW, DEFAULT_SCORE_SETTINGS);
    expect(trend.points[19]?.score).toBe(0); // 11 days ago
    expect(trend.points[20]?.score).toBe(39); // the day of the meeting: 5 → round(100 × (1 − e^−0.5))
    expect(trend.direction).toBe('up');
  });

  it('goes down with silence and is steady without history', () => {
    expect(scoreTrend([touch('meeting', 31), touch('call', 31)], NOW, DEFAULT_SCORE_SETTINGS).direction).toBe('down');
    expect(scoreTrend([], NOW, DEFAULT_SCORE_SETTINGS)).toMatchObject({ direction: 'steady', change: 0 });
  });
});

describe('surgeOf', () => {
  it('is a surge at 3 of the person\'s own touches within 7 days: their emails and messages, meetings and calls', () => {
    expect(surgeOf([touch('email-in', 1), touch('linkedin-message-in', 3), touch('call', 6)], NOW)).toEqual({ touches: 3, surge: true });
    expect(surgeOf([touch('meeting', 1), touch('email-in', 2), touch('email-in', 2.5)], NOW)).toEqual({ touches: 3, surge: true });
  });

  it('is no surge with 2 touches, older ones, or bookkeeping', () => {
    expect(surgeOf([touch('email-in', 1), touch('meeting', 3), touch('call', 8)], NOW).surge).toBe(false);
    expect(surgeOf([touch('email-in', 1), touch('stage-change', 1), touch('task-done', 1)], NOW).surge).toBe(false);
  });

  it("never counts the rep's own notes, messages or profile visits", () => {
    const theRepsWeek = [touch('note', 1), touch('note', 2), touch('linkedin-view', 3), touch('email-out', 4), touch('linkedin-message-out', 5)];
    expect(surgeOf(theRepsWeek, NOW)).toEqual({ touches: 0, surge: false });
    expect(surgeOf([...theRepsWeek, touch('email-in', 1), touch('email-in', 2)], NOW)).toEqual({ touches: 2, surge: false });
  });
});
