import type { MarginDb } from '../db/database';
import type { Interaction } from '../model/schemas';
import { InputRejectedError } from '../db/input-rejected-error';
import { changeStage } from './edit-timeline';
import { derivedTables, recomputeContact } from './recompute-scores';

/** The suggestion cannot be applied as it stands (decided elsewhere, or the stage moved): said to the user as is. */
export class SuggestionOutdatedError extends InputRejectedError {
  override name = 'SuggestionOutdatedError';
}

/**
 * Accepts a suggestion: the contact moves to the suggested stage and the change lands on the
 * timeline with the suggestion's reason, in one transaction with the suggestion's own status.
 *
 * @throws SuggestionOutdatedError when it was already decided or the stage changed meanwhile.
 */
export async function acceptSuggestion(db: MarginDb, suggestionId: string, now: number): Promise<Interaction> {
  const outcome = await db.transaction('rw', derivedTables(db), async () => {
    const suggestion = await db.suggestions.get(suggestionId);
    if (!suggestion || suggestion.status !== 'open') return 'decided' as const;
    const contact = await db.contacts.get(suggestion.contactId);
    if (!contact || contact.stage !== suggestion.from) {
      // Withdrawn rather than thrown inside: a throw would roll the withdrawal back.
      await db.suggestions.delete(suggestion.id);
      return 'outdated' as const;
    }
    await db.suggestions.put({ ...suggestion, status: 'accepted', decidedAt: now });
    // Writes the stage and its timeline row and brings the derived data up to date (the new stage's rules).
    return changeStage(db, { contactId: contact.id, to: suggestion.to, reason: suggestion.reason, now });
  });
  if (outcome === 'decided') throw new SuggestionOutdatedError('This suggestion was already decided.');
  if (outcome === 'outdated') throw new SuggestionOutdatedError('The stage changed meanwhile; this suggestion no longer applies.');
  return outcome;
}

/** Dismisses a suggestion; its rule stays quiet until newer activity than it looked at (basisAt). */
export async function dismissSuggestion(db: MarginDb, suggestionId: string, now: number): Promise<void> {
  await db.transaction('rw', derivedTables(db), async () => {
    const suggestion = await db.suggestions.get(suggestionId);
    if (!suggestion || suggestion.status !== 'open') return;
    await db.suggestions.put({ ...suggestion, status: 'dismissed', decidedAt: now });
    // Another rule may fire now that this one is quiet.
    await recomputeContact(db, suggestion.contactId, now);
  });
}
