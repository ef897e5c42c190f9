import { INTERACTION_KIND_TABLE } from '../model/interaction-kinds';
import type { Interaction } from '../model/schemas';
import { DAY_MS, FUTURE_TOLERANCE_MS } from './engagement-score';

export const SURGE_WINDOW_DAYS = 7;
export const SURGE_MIN_TOUCHES = 3;

/** Bookkeeping is not a touch: a stage change or a ticked-off task says nothing about the person. */
export function isTouch(interaction: Interaction): boolean {
  return INTERACTION_KIND_TABLE[interaction.kind].touch;
}

/** How many touches in the last 7 days, and whether that is a surge (3 or more). */
export function surgeOf(interactions: readonly Interaction[], now: number): { touches: number; surge: boolean } {
  const since = now - SURGE_WINDOW_DAYS * DAY_MS;
  let touches = 0;
  for (const interaction of interactions) {
    if (isTouch(interaction) && interaction.at > since && interaction.at <= now + FUTURE_TOLERANCE_MS) touches += 1;
  }
  return { touches, surge: touches >= SURGE_MIN_TOUCHES };
}
