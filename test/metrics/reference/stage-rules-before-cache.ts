import { INTERACTION_KIND_TABLE, kindsWhere, type InteractionKind } from '../../../src/model/interaction-kinds';
import type { Contact, Interaction, Sentiment, Stage, StageSuggestion } from '../../../src/model/schemas';
import { cadenceOf, FROM_THEM_KINDS, silenceThresholdDays } from '../../../src/metrics/cadence';
import { DAY_MS, FUTURE_TOLERANCE_MS, scoreAt, scoreOfSum } from './engagement-score-before-cache';
import { weightOf, type ScoreSettings } from '../../../src/metrics/score-settings';
import { isTouch } from '../../../src/metrics/surge';

/**
 * The lifecycle rules of DESIGN.md §3 as pure functions. They only ever *suggest*: the user
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
export const SCORE_DROP_WINDOW_DAYS = 30;

const BAD_SENTIMENTS: ReadonlySet<Sentiment> = new Set(['Negative', 'Concerned']);
const MESSAGE_IN = kindsWhere((kind) => kind.direction === 'in');
const MESSAGE_OUT = kindsWhere((kind) => kind.direction === 'out');
const TWO_WAY_BY_ITSELF = kindsWhere((kind) => kind.direction === 'both');


export interface StageFacts {
  contact: Pick<Contact, 'stage' | 'previousStage' | 'createdAt'>;
  interactions: readonly Interaction[];
  now: number;
  settings: ScoreSettings;
}

/** Every rule that fires, most urgent first. */
export function stageCandidates({ contact, interactions, now, settings }: StageFacts): StageCandidate[] {
  const past = interactions
    .filter((interaction) => interaction.at <= now + FUTURE_TOLERANCE_MS)
    .sort((a, b) => a.at - b.at);
  const activity = past.filter(isTouch);
  const basisAt = activity.at(-1)?.at ?? contact.createdAt;
  const stage = contact.stage;
  const candidates: StageCandidate[] = [];
  const add = (rule: StageRule, to: Stage, reason: string) => candidates.push({ rule, from: stage, to, reason, basisAt });

  const withSentiment = activity.filter((interaction) => interaction.sentiment !== undefined);

  if (stage !== 'At-Risk') {
    const lastTwo = withSentiment.slice(-2);
    if (lastTwo.length === 2 && lastTwo.every((interaction) => BAD_SENTIMENTS.has(interaction.sentiment as Sentiment))) {
      add('at-risk-sentiment', 'At-Risk', badSentimentReason(lastTwo as [Interaction, Interaction]));
    }

    if (stage !== 'Awareness') {
      const lastFromThem = activity.filter((interaction) => FROM_THEM_KINDS.has(interaction.kind)).at(-1);
      if (lastFromThem) {
        const silentDays = (now - lastFromThem.at) / DAY_MS;
        const cadence = cadenceOf(past, now);
        if (silentDays > silenceThresholdDays(cadence)) {
          const silent = `Silent ${Math.floor(silentDays)} days`;
          add(
            'at-risk-silence',
            'At-Risk',
            cadence.usualGapDays === null
              ? `${silent}; too few replies yet to know their usual pace`
              : `${silent}; usually replies every ${formatDays(cadence.usualGapDays)}`,
          );
        }
      }
    }

    const drop = scoreDrop(past, now, settings);
    if (drop.points >= SCORE_DROP_POINTS) {
      add('at-risk-score-drop', 'At-Risk', `Engagement fell ${drop.points} points in ${SCORE_DROP_WINDOW_DAYS} days (${drop.peak} to ${drop.now})`);
    }
  } else {
    const lastSentiment = withSentiment.at(-1);
    const becameAtRiskAt = past.filter((interaction) => interaction.stageChange?.to === 'At-Risk').at(-1)?.at ?? -Infinity;
    if (lastSentiment?.sentiment === 'Positive' && lastSentiment.at > becameAtRiskAt) {
      const back = contact.previousStage && contact.previousStage !== 'At-Risk' ? contact.previousStage : 'Engaged';
      add('recovered-positive', back, `A Positive ${nounOf(lastSentiment.kind, 1)} after being At-Risk: back to ${back}`);
    }
  }

  if (stage === 'Engaged' || stage === 'Qualified') {
    const lastThree = withSentiment.slice(-3);
    if (lastThree.length === 3 && lastThree.every((interaction) => interaction.sentiment === 'Positive')) {
      const score = scoreAt(past, now, settings);
      if (score >= DELIGHTED_MIN_SCORE) add('delighted', 'Delighted', `Last three interactions Positive and engagement ${score}`);
    }
  }

  if (stage === 'Awareness') {
    const received = activity.filter((interaction) => MESSAGE_IN.has(interaction.kind)).length;
    const sent = activity.filter((interaction) => MESSAGE_OUT.has(interaction.kind)).length;
    const spoken = activity.filter((interaction) => TWO_WAY_BY_ITSELF.has(interaction.kind));
    if (received > 0 && sent > 0) {
      add('engaged-two-way', 'Engaged', `Two-way contact: ${count(received, 'message')} from them, ${count(sent, 'message')} from you`);
    } else if (spoken.length > 0) {
      const last = spoken.at(-1) as Interaction;
      add('engaged-two-way', 'Engaged', `Two-way contact: a ${nounOf(last.kind, 1)} with them`);
    }
  }

  if (stage === 'Engaged') {
    const lastNote = activity.filter((interaction) => interaction.kind === 'note').at(-1);
    if (lastNote?.objection?.trim() && lastNote.nextStep?.trim() && !BAD_SENTIMENTS.has(lastNote.sentiment ?? 'Neutral')) {
      add('qualified-hint', 'Qualified', 'Your latest note names an objection and a next step: are they qualified?');
    }
  }

  return candidates;
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

/**
 * The biggest fall from a score held in the last 30 days to the score now. The score only rises
 * at an interaction and decays in between, so its highs are at the window's start or just after
 * an interaction; the sum is carried forward from one to the next (linear in the history).
 */
export function scoreDrop(
  sortedPast: readonly Interaction[],
  now: number,
  settings: ScoreSettings,
): { points: number; peak: number; now: number } {
  const current = scoreAt(sortedPast, now, settings);
  const since = now - SCORE_DROP_WINDOW_DAYS * DAY_MS;
  let end = 0;
  while (end < sortedPast.length && (sortedPast[end]?.at ?? 0) <= since) end += 1;
  let sum = sumAt(sortedPast.slice(0, end), since, settings);
  let sumTime = since;
  let peakSum = sum;
  for (; end < sortedPast.length; end += 1) {
    const interaction = sortedPast[end] as Interaction;
    if (interaction.at > now) break;
    sum = sum * Math.pow(0.5, (interaction.at - sumTime) / DAY_MS / settings.halfLifeDays) + pointsAt(interaction, interaction.at, settings);
    sumTime = interaction.at;
    peakSum = Math.max(peakSum, sum);
  }
  const peak = Math.max(current, scoreOfSum(peakSum, settings));
  return { points: peak - current, peak, now: current };
}

function sumAt(interactions: readonly Interaction[], at: number, settings: ScoreSettings): number {
  let sum = 0;
  for (const interaction of interactions) sum += pointsAt(interaction, at, settings);
  return sum;
}

function pointsAt(interaction: Interaction, at: number, settings: ScoreSettings): number {
  const weight = weightOf(settings, interaction.kind);
  if (weight <= 0) return 0;
  const factor = interaction.sentiment ? settings.sentimentFactors[interaction.sentiment] : 1;
  return weight * factor * Math.pow(0.5, Math.max(0, at - interaction.at) / DAY_MS / settings.halfLifeDays);
}

function badSentimentReason([first, second]: [Interaction, Interaction]): string {
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
