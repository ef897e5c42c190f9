/**
 * The contact fields a CSV column can fill, and the column labels each CRM's own export uses for
 * them (HubSpot, Salesforce, Pipedrive, Margin's generic CSV): the mapping screen starts from
 * these guesses and the user corrects them. Labels are compared without case, spaces or
 * punctuation.
 */
export const CONTACT_COLUMN_FIELDS = [
  { field: 'name', label: 'Full name', guesses: ['name', 'full name', 'contact full name', 'person - name', 'person name', 'contact name'] },
  { field: 'firstName', label: 'First name', guesses: ['first name', 'firstname', 'first_name', 'given name'] },
  { field: 'lastName', label: 'Last name', guesses: ['last name', 'lastname', 'last_name', 'surname', 'family name'] },
  {
    field: 'email',
    label: 'Email address(es)',
    guesses: ['email', 'emails', 'email address', 'e-mail', 'person - email', 'person email', 'work email', 'contact email'],
  },
  {
    field: 'linkedin',
    label: 'LinkedIn profile',
    guesses: ['linkedin', 'linkedin url', 'linkedin profile', 'linkedin_ids', 'linkedin ids', 'hs_linkedin_url', 'linkedin bio'],
  },
  {
    field: 'company',
    label: 'Company',
    guesses: ['company', 'company name', 'account name', 'organization', 'organisation', 'organization - name', 'organization name'],
  },
  { field: 'title', label: 'Job title', guesses: ['title', 'job title', 'jobtitle', 'person - job title', 'position'] },
  { field: 'location', label: 'Location', guesses: ['location', 'city', 'mailing city'] },
  { field: 'tags', label: 'Tags', guesses: ['tags', 'labels', 'person - labels', 'margin tags'] },
] as const;

export type ContactColumnField = (typeof CONTACT_COLUMN_FIELDS)[number]['field'];

/** Which column (by index) fills each field; a field left out is not imported. */
export type ColumnMapping = Partial<Record<ContactColumnField, number>>;

function labelKey(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** The mapping the screen starts with: each field takes the first column whose label it knows. */
export function guessColumnMapping(headers: readonly string[]): ColumnMapping {
  const keys = headers.map(labelKey);
  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  for (const { field, guesses } of CONTACT_COLUMN_FIELDS) {
    for (const guess of guesses) {
      const index = keys.findIndex((key, position) => key === labelKey(guess) && !taken.has(position));
      if (index >= 0) {
        mapping[field] = index;
        taken.add(index);
        break;
      }
    }
  }
  return mapping;
}
