import { nameKey, normaliseLinkedInId } from '../identity/normalise';
import type { MarginDb } from './database';
import type { Contact } from '../model/schemas';

const DEFAULT_LIMIT = 8;

/**
 * Contacts whose name, company, address or LinkedIn id contains the query (case- and
 * accent-insensitive), best first: name prefix, then word prefix, then anywhere; newer first
 * within each. A local CRM holds thousands of contacts at most, so a scan is fine.
 */
export async function searchContacts(
  db: MarginDb,
  query: string,
  { limit = DEFAULT_LIMIT, excludeIds = [] }: { limit?: number; excludeIds?: readonly string[] } = {},
): Promise<Contact[]> {
  const needle = fold(query);
  if (needle.length === 0) return [];
  const linkedinId = normaliseLinkedInId(query);
  const excluded = new Set(excludeIds);
  const scored: Array<{ contact: Contact; score: number }> = [];
  await db.contacts.each((contact) => {
    if (excluded.has(contact.id)) return;
    const score = scoreOf(contact, needle, linkedinId);
    if (score > 0) scored.push({ contact, score });
  });
  return scored
    .sort((a, b) => b.score - a.score || b.contact.updatedAt - a.contact.updatedAt)
    .slice(0, limit)
    .map(({ contact }) => contact);
}

/**
 * Contacts with exactly this name (case, accents and spacing aside): only ever a *suggestion*
 * ("Is this the Priya Raman you know from email?"); the user confirms before anything links.
 */
export async function findContactsNamed(db: MarginDb, name: string, { limit = 3 } = {}): Promise<Contact[]> {
  const key = nameKey(name);
  if (key.length < 3) return [];
  const found: Contact[] = [];
  await db.contacts.each((contact) => {
    if (nameKey(contact.name) === key) found.push(contact);
  });
  return found.sort((a, b) => b.updatedAt - a.updatedAt).slice(0, limit);
}

function scoreOf(contact: Contact, needle: string, linkedinId: string | undefined): number {
  const name = fold(contact.name);
  if (name.startsWith(needle)) return 4;
  if (name.split(' ').some((word) => word.startsWith(needle))) return 3;
  if (contact.emails.some((email) => email.includes(needle))) return 2.5;
  if (linkedinId && contact.linkedinIds.includes(linkedinId)) return 2.5;
  if (name.includes(needle)) return 2;
  if (contact.company && fold(contact.company).includes(needle)) return 1;
  return 0;
}

function fold(text: string): string {
  return nameKey(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}
