import { describe, expect, it } from 'vitest';
import { stageSignalMismatch, type Signals } from '../../src/metrics/stage-signals';

const quiet: Signals = { score: 30, band: 'Warm', theirTouchesThisWeek: 0, surge: false };

describe('stageSignalMismatch', () => {
  it('says so when a manual At-Risk sits beside a surge of their own touches', () => {
    expect(stageSignalMismatch('At-Risk', { score: 74, band: 'Hot', theirTouchesThisWeek: 4, surge: true })).toBe(
      'Marked At-Risk, yet they reached out 4 times in the last 7 days: check whether the risk has passed.',
    );
  });

  it('says so when At-Risk has a strong score, or a late stage has gone cold', () => {
    expect(stageSignalMismatch('At-Risk', { ...quiet, score: 52, band: 'Active' })).toBe('Marked At-Risk, yet the score is 52 (Active): recent activity is strong.');
    expect(stageSignalMismatch('Qualified', { ...quiet, score: 8, band: 'Cold' })).toBe('Marked Qualified, but the score is 8 (Cold): little has happened lately.');
  });

  it('is silent when stage and signals agree', () => {
    expect(stageSignalMismatch('At-Risk', { ...quiet, score: 12, band: 'Cold' })).toBeUndefined();
    expect(stageSignalMismatch('Qualified', { score: 60, band: 'Active', theirTouchesThisWeek: 3, surge: true })).toBeUndefined();
    expect(stageSignalMismatch('Awareness', quiet)).toBeUndefined();
  });
});
