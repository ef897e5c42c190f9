import { describe, expect, it } from 'vitest';
import { cadenceOf, silenceThresholdDays } from '../../src/metrics/cadence';
import { NOW, touch } from './interactions';

describe('cadenceOf', () => {
  it('is the median gap between their messages', () => {
    const history = [touch('email-in', 40), touch('email-in', 31), touch('linkedin-message-in', 20), touch('email-in', 10)];
    expect(cadenceOf(history, NOW)).toEqual({ usualGapDays: 10, gaps: 3 });
  });

  it('ignores what the user sent', () => {
    const history = [touch('email-in', 30), touch('email-out', 25), touch('email-out', 20), touch('email-in', 20), touch('email-in', 10)];
    expect(cadenceOf(history, NOW).usualGapDays).toBe(10);
  });

  it('treats a burst of replies within hours as one', () => {
    const history = [touch('email-in', 30), touch('email-in', 20), touch('email-in', 19.9), touch('email-in', 19.8), touch('email-in', 10)];
    expect(cadenceOf(history, NOW)).toEqual({ usualGapDays: 10, gaps: 2 });
  });

  it('is not thrown by one long holiday in an irregular history', () => {
    const history = [
      touch('email-in', 200),
      touch('email-in', 100), // a 100-day gap
      touch('email-in', 95),
      touch('email-in', 88),
      touch('email-in', 80),
      touch('email-in', 74),
    ];
    const cadence = cadenceOf(history, NOW);
    expect(cadence.usualGapDays).toBe(7);
    expect(silenceThresholdDays(cadence)).toBe(14);
  });

  it('follows their recent rhythm, not their rhythm of years ago', () => {
    const old = Array.from({ length: 20 }, (_, index) => touch('email-in', 400 - index * 2));
    const recent = Array.from({ length: 13 }, (_, index) => touch('email-in', 200 - index * 10));
    expect(cadenceOf([...old, ...recent], NOW).usualGapDays).toBe(10);
  });

  it('has no cadence with fewer than three bursts', () => {
    expect(cadenceOf([touch('email-in', 20), touch('email-in', 5)], NOW)).toEqual({ usualGapDays: null, gaps: 1 });
    expect(cadenceOf([], NOW).usualGapDays).toBeNull();
  });
});

describe('silenceThresholdDays', () => {
  it('is max(14, 2 × usual gap), or 28 days without a cadence', () => {
    expect(silenceThresholdDays({ usualGapDays: 3, gaps: 5 })).toBe(14);
    expect(silenceThresholdDays({ usualGapDays: 9, gaps: 5 })).toBe(18);
    expect(silenceThresholdDays({ usualGapDays: null, gaps: 1 })).toBe(28);
  });
});
