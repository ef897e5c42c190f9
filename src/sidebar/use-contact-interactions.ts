import Dexie from 'dexie';
import type { Interaction } from '../model/schemas';
import { useDatabase } from '../ui/database-context';
import { useLiveDbQuery } from '../ui/use-live-db-query';

/** Every interaction of a contact, oldest first, live: what the score is computed from. */
export function useContactInteractions(contactId: string): Interaction[] | undefined {
  const db = useDatabase();
  return useLiveDbQuery(['contact-interactions', contactId], () =>
    db.interactions.where('[contactId+at]').between([contactId, Dexie.minKey], [contactId, Dexie.maxKey]).toArray(),
  ).data;
}
