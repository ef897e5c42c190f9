import type { PersonOnPage } from '../model/page-context';
import { canonicalEmail, legacyMemberIdSpelling, normaliseEmail, normaliseLinkedInId } from './normalise';

export interface Identities {
  emails: string[];
  linkedinIds: string[];
}

/**
 * The identities a page shows for a person, as shown: what to look a contact up by
 * (findContactByIdentity folds them itself and also tries the shown spelling older rows hold).
 */
export function shownIdentitiesOfPerson(person: PersonOnPage): Identities {
  return {
    emails: person.email ? [person.email] : [],
    linkedinIds: [person.linkedinSlug, person.linkedinUrn, person.linkedinSalesId ? `sales:${person.linkedinSalesId}` : undefined].filter(
      (id): id is string => Boolean(id),
    ),
  };
}

/** The identities a page shows for a person, in their canonical (stored) form; malformed ones are dropped. */
export function identitiesOfPerson(person: PersonOnPage): Identities {
  return normaliseIdentities(shownIdentitiesOfPerson(person));
}

/**
 * Canonical identities: what contacts store in `emails` / `linkedinIds` and what lookups compare.
 * Gmail addresses lose their dots and +tags here (see canonicalEmail); the page's own spelling
 * stays on the PersonOnPage for display.
 */
export function normaliseIdentities(raw: Partial<Identities>): Identities {
  return {
    emails: unique((raw.emails ?? []).map(canonicalEmail)),
    linkedinIds: unique((raw.linkedinIds ?? []).map(normaliseLinkedInId)),
  };
}

/**
 * Every stored spelling an address may have: the canonical form, and the shown form (lower case)
 * that contacts stored before Gmail addresses were folded still hold.
 */
export function emailLookupKeys(emails: readonly string[]): string[] {
  return unique(emails.flatMap((email) => [canonicalEmail(email), normaliseEmail(email)]));
}

/**
 * Every stored spelling a LinkedIn id may have: the canonical form, and for a member id the
 * lower-cased spelling contacts stored before member ids kept their case still hold.
 */
export function linkedInLookupKeys(ids: readonly string[]): string[] {
  const canonical = unique(ids.map(normaliseLinkedInId));
  return unique(canonical.flatMap((id) => [id, legacyMemberIdSpelling(id)]));
}

/**
 * A contact's LinkedIn ids with `added` joined, and the lower-cased legacy spelling of every
 * member id in `added` dropped: seeing the person again repairs the stored id.
 */
export function withLinkedInIds(stored: readonly string[], added: readonly string[]): string[] {
  const legacy = new Set(added.map(legacyMemberIdSpelling));
  return unique([...stored.filter((id) => !legacy.has(id)), ...added]);
}

function unique(values: (string | undefined)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== undefined))];
}
