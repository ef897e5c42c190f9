import type { MarginDb } from './database';
import type { StageSuggestion } from '../model/schemas';

/** The open stage suggestions of a contact, newest first (the rules keep at most one open). */
export async function listOpenSuggestions(db: MarginDb, contactId: string): Promise<StageSuggestion[]> {
  const open = await db.suggestions.where('[contactId+status]').equals([contactId, 'open']).toArray();
  return open.sort((a, b) => b.createdAt - a.createdAt);
}
