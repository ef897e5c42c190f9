import type { StageCandidate } from '../metrics/stage-rules';
import { changeStage } from './contacts-repository';
import type { MarginDb } from './database';
import { newId } from './ids';
import type { Interaction, StageSuggestion } from './schemas';

/** The open stage suggestions of a contact, newest first (the rules keep at most one open). */
export async function listOpenSuggestions(db: MarginDb, contactId: string): Promise<StageSuggestion[]> {
  const open = await db.suggestions.where('[contactId+status]').equals([contactId, 'open']).toArray();
  return open.sort((a, b) => b.createdAt - a.createdAt);
}

export interface SuggestionWrites {
  put: StageSuggestion[];
  delete: string[];
}

/**
 * What to store so that the contact's open suggestion is `chosen` (or none): an open suggestion
 * for the same change is kept (its reason refreshed), any other open one is withdrawn (its rule
 * no longer fires, or a more urgent one does). Decided suggestions are history and stay.
 */
export function reconcileSuggestions(
  contactId: string,
  existing: readonly StageSuggestion[],
  chosen: StageCandidate | null,
  now: number,
): SuggestionWrites {
  const writes: SuggestionWrites = { put: [], delete: [] };
  let kept = false;
  for (const suggestion of existing) {
    if (suggestion.status !== 'open') continue;
    const same =
      chosen !== null && !kept && suggestion.rule === chosen.rule && suggestion.from === chosen.from && suggestion.to === chosen.to;
    if (!same) {
      writes.delete.push(suggestion.id);
      continue;
    }
    kept = true;
    if (suggestion.reason !== chosen.reason || suggestion.basisAt !== chosen.basisAt) {
      writes.put.push({ ...suggestion, reason: chosen.reason, basisAt: chosen.basisAt });
    }
  }
  if (chosen && !kept) {
    writes.put.push({ id: newId(), contactId, ...chosen, status: 'open', createdAt: now });
  }
  return writes;
}

export class SuggestionOutdatedError extends Error {
  override name = 'SuggestionOutdatedError';
}

/**
 * Accepts a suggestion: the contact moves to the suggested stage and the change lands on the
 * timeline with the suggestion's reason, in one transaction with the suggestion's own status.
 *
 * @throws SuggestionOutdatedError when it was already decided or the stage changed meanwhile.
 */
export async function acceptSuggestion(db: MarginDb, suggestionId: string, now: number): Promise<Interaction> {
  const outcome = await db.transaction('rw', [db.contacts, db.interactions, db.suggestions], async () => {
    const suggestion = await db.suggestions.get(suggestionId);
    if (!suggestion || suggestion.status !== 'open') return 'decided' as const;
    const contact = await db.contacts.get(suggestion.contactId);
    if (!contact || contact.stage !== suggestion.from) {
      // Withdrawn rather than thrown inside: a throw would roll the withdrawal back.
      await db.suggestions.delete(suggestion.id);
      return 'outdated' as const;
    }
    const interaction = await changeStage(db, { contactId: contact.id, to: suggestion.to, reason: suggestion.reason, now });
    await db.suggestions.put({ ...suggestion, status: 'accepted', decidedAt: now });
    return interaction;
  });
  if (outcome === 'decided') throw new SuggestionOutdatedError('This suggestion was already decided.');
  if (outcome === 'outdated') throw new SuggestionOutdatedError('The stage changed meanwhile; this suggestion no longer applies.');
  return outcome;
}

/** Dismisses a suggestion; its rule stays quiet until newer activity than it looked at (basisAt). */
export async function dismissSuggestion(db: MarginDb, suggestionId: string, now: number): Promise<void> {
  await db.transaction('rw', db.suggestions, async () => {
    const suggestion = await db.suggestions.get(suggestionId);
    if (!suggestion || suggestion.status !== 'open') return;
    await db.suggestions.put({ ...suggestion, status: 'dismissed', decidedAt: now });
  });
}
