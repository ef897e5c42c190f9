import { describe, expect, it } from 'vitest';
import type { Stage } from '../../src/model/schemas';
import { DEFAULT_SCORE_SETTINGS } from '../../src/metrics/score-settings';
import { chooseSuggestion, stageCandidates, suggestStage, type StageFacts } from '../../src/metrics/stage-rules';
import { NOW, touch } from './interactions';

function facts(stage: Stage, interactions: StageFacts['interactions'], extra: Partial<StageFacts['contact']> = {}): StageFacts {
  return { contact: { stage, createdAt: NOW - 400 * 86_400_000, ...extra }, interactions, now: NOW, settings: DEFAULT_SCORE_SETTINGS };
}
const rules = (f: StageFacts) => stageCandidates(f).map((candidate) => [candidate.rule, candidate.to, candidate.reason]);

describe('At-Risk: the last two sentiments', () => {
  it('fires on two Concerned notes in a row', () => {
    const f = facts('Qualified', [touch('note', 5, { sentiment: 'Positive' }), touch('note', 3, { sentiment: 'Concerned' }), touch('note', 1, { sentiment: 'Concerned' })]);
    expect(rules(f)).toContainEqual(['at-risk-sentiment', 'At-Risk', 'Two Concerned notes in a row']);
  });

  it('names mixed kinds and sentiments', () => {
    const f = facts('Engaged', [touch('email-in', 3, { sentiment: 'Negative' }), touch('call', 1, { sentiment: 'Concerned' })]);
    expect(suggestStage(f, [])?.reason).toBe('Last two interactions Negative (email from them) and Concerned (call)');
  });

  it('does not fire when the latest is not bad, or there is only one', () => {
    expect(rules(facts('Engaged', [touch('note', 3, { sentiment: 'Concerned' }), touch('note', 1, { sentiment: 'Neutral' })]))).toEqual([]);
    expect(rules(facts('Engaged', [touch('note', 1, { sentiment: 'Negative' })]))).toEqual([]);
  });

  it('does not fire for someone already At-Risk', () => {
    const f = facts('At-Risk', [touch('note', 3, { sentiment: 'Concerned' }), touch('note', 1, { sentiment: 'Concerned' })]);
    expect(stageCandidates(f)).toEqual([]);
  });
});

describe('At-Risk: silence by their own cadence', () => {
  const replyEvery9Days = [50, 41, 32].map((daysAgo) => touch('email-in', daysAgo + 41 - 32));
  // Their messages at 59, 50 and 41 days ago: usually every 9 days, silent 41 days (> 18).
  it('fires after twice their usual gap', () => {
    const f = facts('Qualified', replyEvery9Days);
    expect(rules(f)).toContainEqual(['at-risk-silence', 'At-Risk', 'Silent 41 days; usually replies every 9 days']);
  });

  it('does not fire within twice their usual gap, nor within 14 days for fast repliers', () => {
    const slow = [touch('email-in', 90), touch('email-in', 60), touch('email-in', 30), touch('email-in', 0.5)];
    expect(rules(facts('Engaged', [...slow.slice(0, 3)]))).toEqual([]); // silent 30, threshold 60
    const fast = [touch('email-in', 16), touch('email-in', 15), touch('email-in', 14), touch('email-in', 13)];
    expect(rules(facts('Engaged', fast))).toEqual([]); // silent 13 < 14
  });

  it('counts a call or meeting as hearing from them', () => {
    expect(rules(facts('Qualified', [...replyEvery9Days, touch('meeting', 3)]))).toEqual([]);
  });

  it('uses 28 days when there is no rhythm yet', () => {
    expect(rules(facts('Engaged', [touch('email-out', 40), touch('email-in', 30)]))).toContainEqual([
      'at-risk-silence',
      'At-Risk',
      'Silent 30 days; too few replies yet to know their usual pace',
    ]);
    expect(rules(facts('Engaged', [touch('email-in', 27)]))).toEqual([]);
  });

  it('does not fire for a new contact (Awareness) or someone who never wrote', () => {
    expect(rules(facts('Awareness', replyEvery9Days)).map(([rule]) => rule)).not.toContain('at-risk-silence');
    expect(rules(facts('Engaged', [touch('email-out', 90)]))).toEqual([]);
  });
});

describe('At-Risk: score drop', () => {
  it('fires on a fall of 30 points or more within 30 days', () => {
    const fastDecay = { ...DEFAULT_SCORE_SETTINGS, halfLifeDays: 5 };
    const f = { ...facts('Engaged', [touch('meeting', 20), touch('meeting', 20), touch('call', 20)]), settings: fastDecay };
    const [candidate] = stageCandidates(f).filter((c) => c.rule === 'at-risk-score-drop');
    expect(candidate?.reason).toMatch(/^Engagement fell \d+ points in 30 days \(75 to \d+\)$/);
  });

  it('does not fire on the default half-life decay alone', () => {
    const f = facts('Engaged', [touch('meeting', 29), touch('meeting', 29), touch('call', 29), touch('email-in', 29)]);
    expect(rules(f).map(([rule]) => rule)).not.toContain('at-risk-score-drop');
  });
});

describe('back from At-Risk', () => {
  it('suggests the previous stage after a Positive interaction', () => {
    const f = facts(
      'At-Risk',
      [touch('stage-change', 10, { stageChange: { from: 'Qualified', to: 'At-Risk' } }), touch('email-in', 2, { sentiment: 'Positive' })],
      { previousStage: 'Qualified' },
    );
    expect(rules(f)).toEqual([['recovered-positive', 'Qualified', 'A Positive email from them after being At-Risk: back to Qualified']]);
  });

  it('waits for a Positive that came after becoming At-Risk', () => {
    const f = facts(
      'At-Risk',
      [touch('email-in', 12, { sentiment: 'Positive' }), touch('stage-change', 10, { stageChange: { from: 'Qualified', to: 'At-Risk' } })],
      { previousStage: 'Qualified' },
    );
    expect(rules(f)).toEqual([]);
  });

  it('goes back to Engaged when the previous stage is unknown', () => {
    expect(suggestStage(facts('At-Risk', [touch('note', 1, { sentiment: 'Positive' })]), [])?.to).toBe('Engaged');
  });
});

describe('Delighted', () => {
  const positive = [touch('meeting', 6, { sentiment: 'Positive' }), touch('call', 4, { sentiment: 'Positive' }), touch('email-in', 1, { sentiment: 'Positive' })];

  it('fires on three Positive in a row with a score of 60 or more', () => {
    expect(rules(facts('Qualified', positive))).toEqual([['delighted', 'Delighted', 'Last three interactions Positive and engagement 74']]);
  });

  it('does not fire with a score under 60 or a non-Positive among the last three', () => {
    const weak = [touch('note', 6, { sentiment: 'Positive' }), touch('note', 4, { sentiment: 'Positive' }), touch('note', 1, { sentiment: 'Positive' })];
    expect(rules(facts('Qualified', weak))).toEqual([]);
    expect(rules(facts('Qualified', [...positive, touch('note', 0, { sentiment: 'Neutral' })]))).toEqual([]);
  });
});

describe('Engaged: two-way contact', () => {
  it('fires for a new contact with a message each way', () => {
    const f = facts('Awareness', [touch('email-out', 5), touch('email-out', 4), touch('email-in', 3)]);
    expect(rules(f)).toEqual([['engaged-two-way', 'Engaged', 'Two-way contact: 1 message from them, 2 messages from you']]);
  });

  it('fires on a call, and not on one-way messages', () => {
    expect(rules(facts('Awareness', [touch('call', 3)]))).toEqual([['engaged-two-way', 'Engaged', 'Two-way contact: a call with them']]);
    expect(rules(facts('Awareness', [touch('email-out', 5), touch('linkedin-message-out', 3), touch('linkedin-view', 1)]))).toEqual([]);
  });
});

describe('Qualified: a hint only', () => {
  it('fires when the latest note names an objection and a next step', () => {
    const f = facts('Engaged', [touch('email-in', 2), touch('note', 1, { objection: 'Budget', nextStep: 'Send pricing', sentiment: 'Neutral' })]);
    expect(rules(f).map(([rule, to]) => [rule, to])).toEqual([['qualified-hint', 'Qualified']]);
  });
});

describe('chooseSuggestion', () => {
  const bad = facts('Engaged', [touch('note', 3, { sentiment: 'Concerned' }), touch('note', 1, { sentiment: 'Concerned' })]);

  it('does not suggest again what was dismissed on the same evidence', () => {
    const [candidate] = stageCandidates(bad);
    expect(candidate).toBeDefined();
    const dismissed = { rule: candidate!.rule, to: candidate!.to, status: 'dismissed' as const, basisAt: candidate!.basisAt };
    expect(chooseSuggestion(stageCandidates(bad), [dismissed])).toBeNull();
    // Something new: a third Concerned note.
    const newer = { ...bad, interactions: [...bad.interactions, touch('note', 0, { sentiment: 'Concerned' })] };
    expect(chooseSuggestion(stageCandidates(newer), [dismissed])?.rule).toBe('at-risk-sentiment');
  });

  it('does not count time passing or a stage change as something new', () => {
    const [candidate] = stageCandidates(bad);
    const dismissed = { rule: candidate!.rule, to: candidate!.to, status: 'dismissed' as const, basisAt: candidate!.basisAt };
    const later = { ...bad, now: NOW + 5 * 86_400_000, interactions: [...bad.interactions, touch('stage-change', -1)] };
    expect(chooseSuggestion(stageCandidates(later), [dismissed])).toBeNull();
  });

  it('prefers At-Risk over other rules', () => {
    const f = facts('Awareness', [touch('email-out', 5), touch('email-in', 3, { sentiment: 'Negative' }), touch('note', 1, { sentiment: 'Concerned' })]);
    expect(suggestStage(f, [])?.to).toBe('At-Risk');
  });
});
