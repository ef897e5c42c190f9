import { INTERACTION_KIND_TABLE } from '../model/interaction-kinds';
import type { Interaction } from '../model/schemas';
import { DAY_MS, FUTURE_TOLERANCE_MS } from './engagement-score';

export const SURGE_WINDOW_DAYS = 7;
export const SURGE_MIN_TOUCHES = 3;

/** Anything that happened with the person (for "last touch"), theirs or the rep's; bookkeeping is not. */
export function isTouch(interaction: Interaction): boolean {
  return INTERACTION_KIND_TABLE[interaction.kind].touch;
}

/**
 * What the person did: wrote to the rep (direction `in`) or spoke or met with them (`both`). The
 * rep's own notes, messages and profile visits are not the person's interest, so they never make
 * a surge.
 */
export function isTheirTouch(interaction: Interaction): boolean {
  const { direction } = INTERACTION_KIND_TABLE[interaction.kind];
  return direction === 'in' || direction === 'both';
}

/** How many of the person's own touches in the last 7 days, and whether that is a surge (3 or more). */
export function surgeOf(interactions: readonly Interaction[], now: number): { touches: number; surge: boolean } {
  const since = now - SURGE_WINDOW_DAYS * DAY_MS;
  let touches = 0;
  for (const interaction of interactions) {
    if (isTheirTouch(interaction) && interaction.at > since && interaction.at <= now + FUTURE_TOLERANCE_MS) touches += 1;
  }
  return { touches, surge: touches >= SURGE_MIN_TOUCHES };
}
