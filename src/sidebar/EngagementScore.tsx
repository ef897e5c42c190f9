import type { PersonActivity } from '../model/person-activity';
import type { Contact, Interaction } from '../model/schemas';
import { engagementScore, scoreAt, DAY_MS, type Contribution } from '../metrics/engagement-score';
import { activityHolds, scoreOfActivity, scoreSettingsKey, surgeOfActivity } from '../metrics/person-activity';
import { bandOfScore, describeScoreBands, type ScoreBand } from '../metrics/score-band';
import { stageSignalMismatch } from '../metrics/stage-signals';
import { SCORE_SETTINGS } from '../metrics/score-settings';
import { scoreTrend, type ScoreTrend } from '../metrics/score-trend';
import { surgeOf } from '../metrics/surge';
import { CONTACT_INTERACTIONS_READ, PERSON_ACTIVITY_READ } from '../db/live-reads';
import { interactionKindLabel } from '../model/interaction-kinds';
import { useDbRead, useLiveDbQuery } from '../ui/use-live-db-query';
import { useSetting } from '../ui/use-setting';
// The chip, the explanation and the trend are styled there; the header shows them on the first screen.
import './metrics.css';

const TOP_CONTRIBUTORS = 3;
const ARROW = { up: '↑', down: '↓', steady: '→' } as const;

export interface Engagement {
  score: number;
  band: ScoreBand;
  /** The person's own touches in the last 7 days, and whether they make a surge. */
  touches: number;
  surge: boolean;
  /** One line when the stage the rep set and these signals disagree. */
  mismatch?: string;
}

/** Why the score is what it is: shown on demand. */
export interface ScoreExplanation {
  contributions: Contribution[];
  refused: Interaction[];
  trend: ScoreTrend;
}

/**
 * The score, band and surge of a contact as stored by the writes (their activity row, decayed to
 * now on read): this component shows them and writes nothing. Only when the row cannot say (no
 * row yet, the score settings just changed, an item dated ahead has started to count) are they
 * computed from the person's interactions, for display, until the daily job stores them again.
 * Undefined while reading.
 */
export function useEngagement(contact: Contact): Engagement | undefined {
  const settings = useSetting(SCORE_SETTINGS);
  const activity = usePersonActivity(contact.id);
  const now = Date.now();
  const holding = activity ? activityHolds(activity, now, scoreSettingsKey(settings)) : false;
  const history = useContactInteractions(contact.id, activity !== undefined && !holding);
  if (activity === undefined) return undefined;
  let score: number;
  let touches: number;
  let surge: boolean;
  if (activity && holding) {
    score = scoreOfActivity(activity, now, settings);
    ({ touches, surge } = surgeOfActivity(activity, now));
  } else {
    if (!history) return undefined;
    score = scoreAt(history, now, settings);
    ({ touches, surge } = surgeOf(history, now));
  }
  const band = bandOfScore(score);
  const mismatch = stageSignalMismatch(contact.stage, { score, band, theirTouchesThisWeek: touches, surge });
  return { score, band, touches, surge, ...(mismatch ? { mismatch } : {}) };
}

/** The explanation (contributors, items dated ahead, the 30-day trend) from the person's interactions, read when it is opened. */
export function useScoreExplanation(contactId: string): ScoreExplanation | undefined {
  const settings = useSetting(SCORE_SETTINGS);
  const interactions = useContactInteractions(contactId, true);
  if (!interactions) return undefined;
  const now = Date.now();
  const { contributions, refused } = engagementScore(interactions, now, settings);
  return {
    // A contribution that rounds to +0.0 explains nothing.
    contributions: contributions.filter((contribution) => contribution.points >= 0.05),
    refused,
    trend: scoreTrend(interactions, now, settings),
  };
}

/** The person's activity row, live; null when there is none (yet). */
function usePersonActivity(contactId: string): PersonActivity | null | undefined {
  return useDbRead(PERSON_ACTIVITY_READ, contactId).data;
}

/** Every interaction of a contact, oldest first, live, when `wanted`; nothing is read otherwise. */
function useContactInteractions(contactId: string, wanted: boolean): Interaction[] | undefined {
  return useLiveDbQuery(wanted ? CONTACT_INTERACTIONS_READ.key(contactId) : ['contact-interactions-unread'], (db) =>
    wanted ? CONTACT_INTERACTIONS_READ.read(db, contactId) : Promise.resolve([]),
  ).data;
}

export const ENGAGEMENT_EXPLANATION_ID = 'engagement-explanation';

/** "Score 64 · Active", a button that opens the explanation; a surge badge beside it. */
export function EngagementChip({ engagement, expanded, onToggle }: { engagement: Engagement; expanded: boolean; onToggle: () => void }) {
  const { score, band, surge, touches } = engagement;
  return (
    <>
      <button
        type="button"
        class={`chip score-chip band-${band.toLowerCase()}`}
        aria-expanded={expanded}
        aria-controls={ENGAGEMENT_EXPLANATION_ID}
        title={`Engagement score. Bands: ${describeScoreBands()}. Click for why.`}
        onClick={onToggle}
      >
        Score <span class="engagement-number">{score}</span> · {band}
      </button>
      {surge && (
        <span class="chip surge" title="They emailed, messaged, met or called 3 or more times in 7 days (your own notes and visits do not count)">
          Surge: {touches} of their touches in 7 days
        </span>
      )}
    </>
  );
}

/** Why the score is what it is: the 30-day trend and what adds the most. Shown on demand. */
export function EngagementExplanation({ contactId }: { contactId: string }) {
  const explanation = useScoreExplanation(contactId);
  if (!explanation) {
    return (
      <section id={ENGAGEMENT_EXPLANATION_ID} class="engagement" aria-busy="true">
        <p class="quiet">Reading…</p>
      </section>
    );
  }
  const { trend, contributions, refused } = explanation;
  return (
    <section id={ENGAGEMENT_EXPLANATION_ID} class="engagement" aria-labelledby="engagement-heading">
      <h2 id="engagement-heading">Why this score</h2>
      <TrendLine trend={trend} />
      {contributions.length > 0 ? (
        <div class="contributors">
          <h3 id="contributors-heading">Adds the most</h3>
          <ol aria-labelledby="contributors-heading">
            {contributions.slice(0, TOP_CONTRIBUTORS).map((contribution) => (
              <ContributorItem key={contribution.interaction.id} contribution={contribution} />
            ))}
          </ol>
        </div>
      ) : (
        <p class="quiet">Nothing adds to the score yet.</p>
      )}
      {refused.length > 0 && (
        <p class="quiet refused">
          {refused.length === 1 ? '1 item is' : `${refused.length} items are`} dated in the future and left out of the score.
        </p>
      )}
    </section>
  );
}

function ContributorItem({ contribution }: { contribution: Contribution }) {
  const { interaction, points, ageDays } = contribution;
  return (
    <li>
      <span class="contributor-kind">{interactionKindLabel(interaction.kind)}</span>
      {interaction.sentiment && <span class={`sentiment sentiment-${interaction.sentiment.toLowerCase()}`}> {interaction.sentiment}</span>}
      <span class="quiet"> · {describeAge(ageDays)}</span>
      <span class="contributor-points"> +{points.toFixed(1)}</span>
    </li>
  );
}

function describeAge(days: number): string {
  const whole = Math.floor(days);
  if (whole === 0) return 'today';
  if (whole === 1) return 'yesterday';
  return `${whole} days ago`;
}

const WIDTH = 120;
const HEIGHT = 28;

function TrendLine({ trend }: { trend: ScoreTrend }) {
  const { points, direction, change } = trend;
  const first = points[0]?.at ?? 0;
  const span = Math.max(1, (points.at(-1)?.at ?? 1) - first);
  const coordinates = points.map(
    (point) => `${((point.at - first) / span) * WIDTH},${HEIGHT - 2 - (point.score / 100) * (HEIGHT - 4)}`,
  );
  const label =
    direction === 'steady'
      ? `Steady over 30 days (${change >= 0 ? '+' : ''}${change})`
      : `${direction === 'up' ? 'Up' : 'Down'} ${Math.abs(change)} points over 30 days`;
  return (
    <p class={`trend trend-${direction}`}>
      <span class="trend-arrow" aria-hidden="true">
        {ARROW[direction]}
      </span>{' '}
      <span class="trend-label">{label}</span>
      <svg class="trend-line" width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Score over the last 30 days: ${points.map((point) => point.score).join(', ')}`}>
        <polyline points={coordinates.join(' ')} fill="none" stroke="currentColor" stroke-width="1.5" />
        {points.map((point, index) =>
          index % 5 === 0 || index === points.length - 1 ? (
            <circle key={point.at} cx={coordinates[index]?.split(',')[0]} cy={coordinates[index]?.split(',')[1]} r="1.8" fill="currentColor">
              <title>{`${Math.round((point.at - (points.at(-1)?.at ?? 0)) / DAY_MS)} days: ${point.score}`}</title>
            </circle>
          ) : null,
        )}
      </svg>
    </p>
  );
}
