import type { Stage } from '../model/schemas';
import type { ScoreBand } from './score-band';

export interface Signals {
  score: number;
  band: ScoreBand;
  /** The person's own touches in the last 7 days (see `surgeOf`). */
  theirTouchesThisWeek: number;
  surge: boolean;
}

/**
 * One line for the rep when the stage they set and the activity point different ways (a manual
 * At-Risk beside a surge, a Qualified deal gone cold), so two chips that disagree are never left
 * to be misread. Nothing when they agree. The stage is the rep's call; this only says why it
 * looks odd, and never changes it.
 */
export function stageSignalMismatch(stage: Stage, signals: Signals): string | undefined {
  const { score, band, theirTouchesThisWeek, surge } = signals;
  if (stage === 'At-Risk' && surge) {
    return `Marked At-Risk, yet they reached out ${theirTouchesThisWeek} times in the last 7 days: check whether the risk has passed.`;
  }
  if (stage === 'At-Risk' && (band === 'Hot' || band === 'Active')) {
    return `Marked At-Risk, yet the score is ${score} (${band}): recent activity is strong.`;
  }
  if ((stage === 'Qualified' || stage === 'Delighted' || stage === 'Engaged') && band === 'Cold') {
    return `Marked ${stage}, but the score is ${score} (Cold): little has happened lately.`;
  }
  if (stage === 'Awareness' && surge) {
    return `Still Awareness, yet they reached out ${theirTouchesThisWeek} times in the last 7 days.`;
  }
  return undefined;
}
