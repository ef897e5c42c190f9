import type { Interaction, Sentiment } from '../model/schemas';
import { isTouch, surgeOf } from './surge';

/**
 * What the dashboard filters and sorts people by, cached on the contact row next to the score
 * (`recompute-scores.ts` writes it wherever the score is computed), so the Contacts view and the
 * weekly review never read the interactions table.
 */
export interface ContactActivity {
  /** The newest touch (anything but a stage change or a ticked-off follow-up). */
  lastTouchAt?: number;
  /** The sentiment of the newest interaction that has one. */
  lastSentiment?: Sentiment;
  /** 3+ touches in the 7 days before `now` (see `surgeOf`). */
  surge: boolean;
}

/** The newest touch and the newest sentiment among `interactions` (any order). Pure. */
export function newestTouchAndSentiment(interactions: readonly Interaction[]): Pick<ContactActivity, 'lastTouchAt' | 'lastSentiment'> {
  let lastTouchAt: number | undefined;
  let lastSentiment: Sentiment | undefined;
  let lastSentimentAt = -Infinity;
  for (const interaction of interactions) {
    if (isTouch(interaction) && (lastTouchAt === undefined || interaction.at > lastTouchAt)) lastTouchAt = interaction.at;
    if (interaction.sentiment && interaction.at > lastSentimentAt) {
      lastSentiment = interaction.sentiment;
      lastSentimentAt = interaction.at;
    }
  }
  return {
    ...(lastTouchAt === undefined ? {} : { lastTouchAt }),
    ...(lastSentiment === undefined ? {} : { lastSentiment }),
  };
}

/** A person's activity summary as of `now`, from their interactions (any order). Pure. */
export function contactActivity(interactions: readonly Interaction[], now: number): ContactActivity {
  return { ...newestTouchAndSentiment(interactions), surge: surgeOf(interactions, now).surge };
}

/** Whether a stored row's cached activity equals `activity` (absent fields must be absent). */
export function sameActivity(cached: { [K in keyof ContactActivity]?: ContactActivity[K] | undefined }, activity: ContactActivity): boolean {
  return cached.lastTouchAt === activity.lastTouchAt && cached.lastSentiment === activity.lastSentiment && cached.surge === activity.surge;
}
