import { describe, expect, it } from 'vitest';
import { identitiesOfPerson } from '../../src/identity/identities-of-person';

describe('identitiesOfPerson', () => {
  it('collects the normalised email, slug and URN, and never the name', () => {
    expect(
      identitiesOfPerson({
        name: 'jane@acme.com',
        email: 'Jane@Acme.com',
        linkedinSlug: 'Jane-Doe',
        linkedinUrn: 'ACoAABcdEfGhIjKlMn',
      }),
    ).toEqual({ emails: ['jane@acme.com'], linkedinIds: ['jane-doe', 'ACoAABcdEfGhIjKlMn'] });
  });

  it('drops identities that do not normalise', () => {
    expect(identitiesOfPerson({ name: 'Jane', email: 'not an address', linkedinSlug: '%E0%A4%A' })).toEqual({
      emails: [],
      linkedinIds: [],
    });
  });
});
