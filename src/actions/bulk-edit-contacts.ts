import type { MarginDb } from '../db/database';
import { newId } from '../db/ids';
import type { Interaction, Stage } from '../model/schemas';
import { derivedTables, refreshContacts } from './recompute-scores';

/** Adds a tag to each contact that lacks it, in one transaction. Returns how many changed. */
export async function addTagToContacts(db: MarginDb, contactIds: readonly string[], tag: string, now: number): Promise<number> {
  const clean = tag.trim();
  if (!clean) return 0;
  return db.transaction('rw', db.contacts, async () => {
    const contacts = await db.contacts.bulkGet([...contactIds]);
    const changed = contacts
      .filter((contact) => contact !== undefined && !contact.tags.includes(clean))
      .map((contact) => ({ ...contact!, tags: [...contact!.tags, clean], updatedAt: now }));
    await db.contacts.bulkPut(changed);
    return changed.length;
  });
}

/**
 * Moves contacts to a stage the user chose, in one transaction; each change lands on the
 * contact's timeline as a stage-change with its reason, like a change made in the sidebar, and
 * their derived data (score, suggestion) is brought up to date in the same transaction.
 */
export async function setStageOfContacts(
  db: MarginDb,
  contactIds: readonly string[],
  stage: Stage,
  now: number,
  reason = 'Changed on the dashboard',
): Promise<number> {
  return db.transaction('rw', derivedTables(db), async () => {
    const contacts = (await db.contacts.bulkGet([...contactIds])).filter((contact) => contact !== undefined && contact.stage !== stage);
    const updated = contacts.map((contact) => ({
      ...contact!,
      stage,
      ...(stage === 'At-Risk' ? { previousStage: contact!.stage } : {}),
      updatedAt: now,
    }));
    const changes: Interaction[] = contacts.map((contact) => ({
      id: newId(),
      contactId: contact!.id,
      at: now,
      kind: 'stage-change',
      stageChange: { from: contact!.stage, to: stage, reason },
      source: { site: 'margin' },
      createdAt: now,
      updatedAt: now,
    }));
    await db.contacts.bulkPut(updated);
    await db.interactions.bulkAdd(changes);
    // Their stage rules now ask about the new stage: suggestions and scores are current at once.
    await refreshContacts(db, updated.map((contact) => contact.id), now);
    return updated.length;
  });
}
