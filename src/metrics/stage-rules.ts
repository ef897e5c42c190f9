import { INTERACTION_KIND_TABLE, type InteractionKind } from '../model/interaction-kinds';
import type { PersonActivity, SentimentMark } from '../model/person-activity';
import type { Contact, Interaction, Stage, StageSuggestion } from '../model/schemas';
import { silenceThresholdDays } from './cadence';
import { DAY_MS, scoreOfSum } from './engagement-score';
import {
  BAD_SENTIMENTS,
  peakSumOfActivity,
  SCORE_DROP_WINDOW_DAYS,
  scoreOfActivity,
  summariseActivity,
} from './person-activity';
import type { ScoreSettings } from './score-settings';

/**
 * The lifecycle rules of DESIGN.md §3 as pure functions of a person's cached activity
 * (`PersonActivity`) and the moment they are asked at. They only ever *suggest*: the user
 * accepts or dismisses each suggestion, and nothing here writes anything.
 */

export type StageRule =
  | 'at-risk-sentiment'
  | 'at-risk-silence'
  | 'at-risk-score-drop'
  | 'recovered-positive'
  | 'delighted'
  | 'engaged-two-way'
  | 'qualified-hint';

export interface StageCandidate {
  rule: StageRule;
  from: Stage;
  to: Stage;
  /** A sentence for the user. */
  reason: string;
  /** The newest activity the rule looked at: a dismissal holds until something newer happens. */
  basisAt: number;
}

export const DELIGHTED_MIN_SCORE = 60;
export const SCORE_DROP_POINTS = 30;
export { SCORE_DROP_WINDOW_DAYS };

/** What every rule is asked with. */
export interface RuleFacts {
  contact: Pick<Contact, 'stage' | 'previousStage' | 'createdAt'>;
  activity: PersonActivity;
  now: number;
  settings: ScoreSettings;
}

/** A rule: the stage it suggests and why, or null when it does not fire. */
interface StageRuleDefinition {
  rule: StageRule;
  check(facts: RuleFacts): { to: Stage; reason: string } | null;
}

/** Every rule, most urgent first: the order is the order suggestions are chosen in. */
const STAGE_RULES: readonly StageRuleDefinition[] = [
  {
    rule: 'at-risk-sentiment',
    check: ({ contact, activity }) => {
      if (contact.stage === 'At-Risk') return null;
      const lastTwo = activity.lastSentiments.slice(-2);
      if (lastTwo.length !== 2 || !lastTwo.every((mark) => BAD_SENTIMENTS.has(mark.sentiment))) return null;
      return { to: 'At-Risk', reason: badSentimentReason(lastTwo as [SentimentMark, SentimentMark]) };
    },
  },
  {
    rule: 'at-risk-silence',
    check: ({ contact, activity, now }) => {
      if (contact.stage === 'At-Risk' || contact.stage === 'Awareness' || activity.lastFromThemAt === undefined) return null;
      const silentDays = (now - activity.lastFromThemAt) / DAY_MS;
      const usualGapDays = activity.usualGapDays;
      if (!(silentDays > silenceThresholdDays({ usualGapDays, gaps: 0 }))) return null;
      const silent = `Silent ${Math.floor(silentDays)} days`;
      return {
        to: 'At-Risk',
        reason:
          usualGapDays === null
            ? `${silent}; too few replies yet to know their usual pace`
            : `${silent}; usually replies every ${formatDays(usualGapDays)}`,
      };
    },
  },
  {
    rule: 'at-risk-score-drop',
    check: ({ contact, activity, now, settings }) => {
      if (contact.stage === 'At-Risk') return null;
      const drop = scoreDrop(activity, now, settings);
      if (drop.points < SCORE_DROP_POINTS) return null;
      return { to: 'At-Risk', reason: `Engagement fell ${drop.points} points in ${SCORE_DROP_WINDOW_DAYS} days (${drop.peak} to ${drop.now})` };
    },
  },
  {
    rule: 'recovered-positive',
    check: ({ contact, activity }) => {
      if (contact.stage !== 'At-Risk') return null;
      const lastSentiment = activity.lastSentiments.at(-1);
      if (lastSentiment?.sentiment !== 'Positive' || !(lastSentiment.at > (activity.becameAtRiskAt ?? -Infinity))) return null;
      const back = contact.previousStage && contact.previousStage !== 'At-Risk' ? contact.previousStage : 'Engaged';
      return { to: back, reason: `A Positive ${nounOf(lastSentiment.kind, 1)} after being At-Risk: back to ${back}` };
    },
  },
  {
    rule: 'delighted',
    check: ({ contact, activity, now, settings }) => {
      if (contact.stage !== 'Engaged' && contact.stage !== 'Qualified') return null;
      const lastThree = activity.lastSentiments.slice(-3);
      if (lastThree.length !== 3 || !lastThree.every((mark) => mark.sentiment === 'Positive')) return null;
      const score = scoreOfActivity(activity, now, settings);
      if (score < DELIGHTED_MIN_SCORE) return null;
      return { to: 'Delighted', reason: `Last three interactions Positive and engagement ${score}` };
    },
  },
  {
    rule: 'engaged-two-way',
    check: ({ contact, activity }) => {
      if (contact.stage !== 'Awareness') return null;
      const { messagesIn: received, messagesOut: sent, lastSpokenKind } = activity;
      if (received > 0 && sent > 0) {
        return { to: 'Engaged', reason: `Two-way contact: ${count(received, 'message')} from them, ${count(sent, 'message')} from you` };
      }
      if (lastSpokenKind) return { to: 'Engaged', reason: `Two-way contact: a ${nounOf(lastSpokenKind, 1)} with them` };
      return null;
    },
  },
  {
    rule: 'qualified-hint',
    check: ({ contact, activity }) =>
      contact.stage === 'Engaged' && activity.latestNoteQualifies
        ? { to: 'Qualified', reason: 'Your latest note names an objection and a next step: are they qualified?' }
        : null,
  },
];

/** Every rule that fires for a person's cached activity at `now`, most urgent first. */
export function stageCandidatesOf(facts: RuleFacts): StageCandidate[] {
  const basisAt = facts.activity.lastPastTouchAt ?? facts.contact.createdAt;
  const candidates: StageCandidate[] = [];
  for (const { rule, check } of STAGE_RULES) {
    const fired = check(facts);
    if (fired) candidates.push({ rule, from: facts.contact.stage, ...fired, basisAt });
  }
  return candidates;
}

export interface StageFacts {
  contact: Pick<Contact, 'stage' | 'previousStage' | 'createdAt'>;
  interactions: readonly Interaction[];
  now: number;
  settings: ScoreSettings;
}

/** Every rule that fires, most urgent first, from a person's interactions (summarised first). */
export function stageCandidates({ contact, interactions, now, settings }: StageFacts): StageCandidate[] {
  return stageCandidatesOf({ contact, activity: summariseActivity('', interactions, now, settings), now, settings });
}

/** Past decisions about a contact's suggestions, as stored. */
export type PastSuggestion = Pick<StageSuggestion, 'rule' | 'to' | 'status' | 'basisAt'>;

/**
 * The one suggestion to show: the most urgent rule that fires and that the user has not already
 * dismissed on the same evidence. A dismissal holds until something newer happens (`basisAt`).
 */
export function chooseSuggestion(
  candidates: readonly StageCandidate[],
  past: readonly PastSuggestion[],
): StageCandidate | null {
  for (const candidate of candidates) {
    const dismissed = past.some(
      (decision) =>
        decision.status === 'dismissed' &&
        decision.rule === candidate.rule &&
        decision.to === candidate.to &&
        decision.basisAt >= candidate.basisAt,
    );
    if (!dismissed) return candidate;
  }
  return null;
}

export function suggestStage(facts: StageFacts, past: readonly PastSuggestion[]): StageCandidate | null {
  return chooseSuggestion(stageCandidates(facts), past);
}

/** The biggest fall from a score held in the last 30 days to the score now. */
export function scoreDrop(activity: PersonActivity, now: number, settings: ScoreSettings): { points: number; peak: number; now: number } {
  const current = scoreOfActivity(activity, now, settings);
  const peak = Math.max(current, scoreOfSum(peakSumOfActivity(activity, now, settings), settings));
  return { points: peak - current, peak, now: current };
}

function badSentimentReason([first, second]: [SentimentMark, SentimentMark]): string {
  if (first.sentiment === second.sentiment && first.kind === second.kind) {
    return `Two ${first.sentiment} ${nounOf(first.kind, 2)} in a row`;
  }
  return `Last two interactions ${first.sentiment} (${nounOf(first.kind, 1)}) and ${second.sentiment} (${nounOf(second.kind, 1)})`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** "day", "9 days": the unit is always said ("every 3" read as a number of anything). */
function formatDays(days: number): string {
  const rounded = Math.max(1, Math.round(days));
  return rounded === 1 ? 'day' : `${rounded} days`;
}

/** "email from them" (one) or "emails from them" (more). */
function nounOf(kind: InteractionKind, count: number): string {
  const [singular, plural] = INTERACTION_KIND_TABLE[kind].noun;
  return count === 1 ? singular : plural;
}
