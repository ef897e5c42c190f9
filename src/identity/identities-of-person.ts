import type { PersonOnPage } from '../page-context/page-context';
import { normaliseEmail, normaliseLinkedInId } from './normalise';

export interface Identities {
  emails: string[];
  linkedinIds: string[];
}

/** The normalised identities a page shows for a person; malformed ones are dropped. */
export function identitiesOfPerson(person: PersonOnPage): Identities {
  return normaliseIdentities({
    emails: person.email ? [person.email] : [],
    linkedinIds: [person.linkedinSlug, person.linkedinUrn].filter((id): id is string => Boolean(id)),
  });
}

export function normaliseIdentities(raw: Partial<Identities>): Identities {
  return {
    emails: unique((raw.emails ?? []).map(normaliseEmail)),
    linkedinIds: unique((raw.linkedinIds ?? []).map(normaliseLinkedInId)),
  };
}

function unique(values: (string | undefined)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== undefined))];
}
