import type { PersonOnPage } from '../model/page-context';
import { canonicalEmail, normaliseEmail, normaliseLinkedInId } from './normalise';

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

function unique(values: (string | undefined)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== undefined))];
}
