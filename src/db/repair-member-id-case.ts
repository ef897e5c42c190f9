import type { EntityTable, Transaction } from 'dexie';
import { isLegacyMemberIdSpelling, isMemberId } from '../identity/normalise';
import type { Contact } from '../model/schemas';
import { mergeRows, type MergeTables } from './merge-rows';

/**
 * Schema v5's upgrade. Before member ids kept their case, a member id read from a messaging link
 * (`/in/ACoAACaYEUABb_…`) was stored lower-cased (`acoaacayeuabb_…`): a broken address that
 * never matches the same person's profile, so the person could be stored twice. The right
 * spelling of a broken id is found where the same id is stored with its case (the person's
 * profile was tracked too); then the id is repaired, and the contacts that turn out to be one
 * person are merged into the oldest of them, each merge undoable like any other (`undoMerge`).
 * A broken id whose right spelling is nowhere (or ambiguous) is left as it is: lookups still
 * find it, and seeing the person again repairs it (`withLinkedInIds`).
 */
export interface MemberIdRepairPlan {
  /** Contacts whose ids change (repaired, broken spelling dropped), as they will be stored. */
  repaired: Contact[];
  /** Pairs that are one person once repaired: `mergedId` goes into `keptId`. */
  merges: Array<{ keptId: string; mergedId: string }>;
}

/** Pure: what the upgrade will do to these contacts. */
export function planMemberIdRepair(contacts: readonly Contact[]): MemberIdRepairPlan {
  const spellings = new Map<string, Set<string>>();
  for (const contact of contacts) {
    for (const id of contact.linkedinIds) {
      if (!isMemberId(id)) continue;
      const lower = id.toLowerCase();
      spellings.set(lower, (spellings.get(lower) ?? new Set()).add(id));
    }
  }
  const rightSpelling = (id: string): string | undefined => {
    const found = spellings.get(id);
    return found?.size === 1 ? [...found][0] : undefined;
  };

  const repaired: Contact[] = [];
  const touchedIds = new Set<string>();
  for (const contact of contacts) {
    if (!contact.linkedinIds.some((id) => isLegacyMemberIdSpelling(id) && rightSpelling(id))) continue;
    const linkedinIds = [...new Set(contact.linkedinIds.map((id) => (isLegacyMemberIdSpelling(id) ? (rightSpelling(id) ?? id) : id)))];
    repaired.push({ ...contact, linkedinIds });
    touchedIds.add(contact.id);
  }

  // Contacts that now share a member id with a repaired contact are one person.
  const byId = new Map(contacts.map((contact) => [contact.id, contact]));
  for (const contact of repaired) byId.set(contact.id, contact);
  const merges: MemberIdRepairPlan['merges'] = [];
  const mergedAway = new Set<string>();
  for (const contact of repaired) {
    if (mergedAway.has(contact.id)) continue;
    const memberIds = contact.linkedinIds.filter(isMemberId);
    const group = [...byId.values()]
      .filter((other) => !mergedAway.has(other.id) && other.linkedinIds.some((id) => memberIds.includes(id)))
      .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
    const [kept, ...others] = group;
    if (!kept) continue;
    for (const other of others) {
      if (!touchedIds.has(other.id) && !touchedIds.has(kept.id)) continue;
      merges.push({ keptId: kept.id, mergedId: other.id });
      mergedAway.add(other.id);
    }
  }
  return { repaired, merges };
}

/** The upgrade function: applies the plan with the tables of the upgrade's own transaction. */
export async function repairMemberIdCase(transaction: Transaction, now: number = Date.now()): Promise<void> {
  const tables: MergeTables = {
    contacts: transaction.table('contacts') as EntityTable<Contact, 'id'>,
    interactions: transaction.table('interactions') as MergeTables['interactions'],
    tasks: transaction.table('tasks') as MergeTables['tasks'],
    undo: transaction.table('undo') as MergeTables['undo'],
  };
  const plan = planMemberIdRepair(await tables.contacts.toArray());
  if (plan.repaired.length > 0) await tables.contacts.bulkPut(plan.repaired);
  for (const { keptId, mergedId } of plan.merges) {
    const [kept, merged] = await Promise.all([tables.contacts.get(keptId), tables.contacts.get(mergedId)]);
    if (kept && merged) await mergeRows(tables, kept, merged, now, ' (the same LinkedIn member id)');
  }
}
