import * as z from 'zod/mini';
import type { InteractionKind } from './interaction-kinds';
import { interactionKindSchema, sentimentSchema, type Sentiment } from './schemas';

/** An interaction's sentiment as the stage rules need it. */
export interface SentimentMark {
  kind: InteractionKind;
  sentiment: Sentiment;
  at: number;
}

/** The score's running sum just after an interaction (for the score-drop rule). */
export interface ScorePeak {
  at: number;
  sum: number;
}

/**
 * Everything derived about a person that their interactions decide, as of `computedAt`: one row
 * per contact in the `activity` table (schema version 6). Kept by the writes: every use case
 * that adds, changes, moves or removes a person's interactions rewrites their row in the same
 * transaction. Time is applied on read: the score's sum decays from `computedAt` to the moment it
 * is read, and the silence, surge, score-drop and score rules compare their times with that moment.
 * So the daily job and the stage rules read this row, never the person's history.
 *
 * Derived data only: not in backups (Restore recomputes it), not checked against a row schema.
 */
export interface PersonActivity {
  contactId: string;
  /** The moment the row was computed for. */
  computedAt: number;
  /**
   * From this time on the row no longer holds: an interaction dated after `computedAt` starts to
   * count (less the 5-minute tolerance for a clock slightly ahead). Absent when none is.
   */
  reviewAt?: number;
  /** Which score settings the sums were computed with (`scoreSettingsKey`): a change means recomputing from history. */
  settingsKey: string;
  /** The score's sum at `computedAt`: Σ weight × sentiment factor × decay. */
  scoreSum: number;
  /** The running sum just after each scored interaction of the last 30 days (and the last one before), oldest first, highs only. */
  peaks: ScorePeak[];
  /** The newest touch and the newest sentiment of any interaction (what the dashboard sorts and filters by). */
  lastTouchAt?: number;
  lastSentiment?: Sentiment;
  /** The newest touch up to `computedAt`: what a suggestion is based on. */
  lastPastTouchAt?: number;
  /** The newest three touches with a sentiment, oldest first. */
  lastSentiments: SentimentMark[];
  /** Their newest message, call or meeting. */
  lastFromThemAt?: number;
  /** Their usual gap between messages (`cadenceOf`), null when there are too few to tell. */
  usualGapDays: number | null;
  /** When the stage last changed to At-Risk. */
  becameAtRiskAt?: number;
  messagesIn: number;
  messagesOut: number;
  /** The kind of their newest call or meeting. */
  lastSpokenKind?: InteractionKind;
  /** Whether the newest note names an objection and a next step and is not Negative or Concerned. */
  latestNoteQualifies: boolean;
  /** The times of their own touches in the 7 days up to `computedAt`, oldest first (a surge is 3+ in the 7 days before a read). */
  theirRecentTouches: number[];
}

const time = z.number();

/**
 * A `PersonActivity` as it may cross a boundary: the background reads the row for the sidebar's
 * first screen (src/db/first-screen.ts) and the sidebar checks it with this before showing it.
 * The table itself is not checked on write (derived data the writes compute).
 */
export const personActivitySchema: z.ZodMiniType<PersonActivity> = z.object({
  contactId: z.string(),
  computedAt: time,
  reviewAt: z.exactOptional(time),
  settingsKey: z.string(),
  scoreSum: z.number(),
  peaks: z.array(z.object({ at: time, sum: z.number() })),
  lastTouchAt: z.exactOptional(time),
  lastSentiment: z.exactOptional(sentimentSchema),
  lastPastTouchAt: z.exactOptional(time),
  lastSentiments: z.array(z.object({ kind: interactionKindSchema, sentiment: sentimentSchema, at: time })),
  lastFromThemAt: z.exactOptional(time),
  usualGapDays: z.nullable(z.number()),
  becameAtRiskAt: z.exactOptional(time),
  messagesIn: z.number(),
  messagesOut: z.number(),
  lastSpokenKind: z.exactOptional(interactionKindSchema),
  latestNoteQualifies: z.boolean(),
  theirRecentTouches: z.array(time),
});
