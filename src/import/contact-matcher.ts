import { canonicalEmail, normaliseLinkedInId } from '../identity/normalise';
import type { Contact } from '../model/schemas';

/**
 * Finds the contact a person already is, by address (compared as canonicalEmail does) or LinkedIn
 * id, never by name: a wrong merge is worse than a duplicate. Used by backup merges, the team
 * command and the CSV import alike.
 */
export class ContactMatcher {
  private readonly byId = new Map<string, Contact>();
  private readonly byIdentity = new Map<string, string>();

  constructor(contacts: Iterable<Contact> = []) {
    for (const contact of contacts) this.remember(contact);
  }

  /** The known contact with this id, or holding any of these identities. */
  match(candidate: Pick<Contact, 'emails' | 'linkedinIds'> & { id?: string }): Contact | undefined {
    if (candidate.id !== undefined) {
      const sameId = this.byId.get(candidate.id);
      if (sameId) return sameId;
    }
    for (const key of identityKeys(candidate)) {
      const id = this.byIdentity.get(key);
      const found = id === undefined ? undefined : this.byId.get(id);
      if (found) return found;
    }
    return undefined;
  }

  /** Adds or updates a contact (after a merge, call it with the merged row). */
  remember(contact: Contact): void {
    this.byId.set(contact.id, contact);
    for (const key of identityKeys(contact)) if (!this.byIdentity.has(key)) this.byIdentity.set(key, contact.id);
  }

  contacts(): IterableIterator<Contact> {
    return this.byId.values();
  }
}

function identityKeys(contact: Pick<Contact, 'emails' | 'linkedinIds'>): string[] {
  const keys: string[] = [];
  for (const email of contact.emails) {
    const canonical = canonicalEmail(email);
    if (canonical) keys.push(`email:${canonical}`);
  }
  for (const raw of contact.linkedinIds) {
    const id = normaliseLinkedInId(raw);
    if (id) keys.push(`linkedin:${id}`);
  }
  return keys;
}

/**
 * One contact out of two records of the same person. `kept` keeps its id and creation; addresses,
 * LinkedIn ids, tags and custom fields are united; an empty field is filled from `other`; stage
 * and score come from whichever record changed last.
 */
export function mergeContact(kept: Contact, other: Contact): Contact {
  const newer = other.updatedAt > kept.updatedAt ? other : kept;
  const merged: Contact = {
    ...kept,
    name: kept.name.trim() ? kept.name : other.name,
    emails: unite(kept.emails, other.emails),
    linkedinIds: unite(kept.linkedinIds, other.linkedinIds),
    tags: unite(kept.tags, other.tags),
    customFields: { ...other.customFields, ...kept.customFields },
    stage: newer.stage,
    createdAt: Math.min(kept.createdAt, other.createdAt),
    updatedAt: Math.max(kept.updatedAt, other.updatedAt),
  };
  for (const field of ['company', 'title', 'location'] as const) {
    const value = kept[field]?.trim() ? kept[field] : other[field];
    if (value !== undefined) merged[field] = value;
  }
  for (const field of ['score', 'scoreComputedAt', 'previousStage'] as const) {
    const value = newer[field] ?? kept[field] ?? other[field];
    if (value !== undefined) (merged as Record<string, unknown>)[field] = value;
    else delete merged[field];
  }
  return merged;
}

function unite(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

/** Whether merging changed anything worth writing. */
export function sameContact(a: Contact, b: Contact): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
