import { describe, expect, it } from 'vitest';
import { identitiesOfPerson } from '../../src/identity/identities-of-person';
import { canonicalEmail, nameKey, normaliseLinkedInId, sameEmail } from '../../src/identity/normalise';
import { normaliseEmailAddress } from '../../src/sites/email-address';

describe('canonicalEmail', () => {
  it.each([
    ['Priya.Raman@gmail.com', 'priyaraman@gmail.com'],
    ['priya.raman+crm@gmail.com', 'priyaraman@gmail.com'],
    ['P.R.I.Y.A.Raman+a+b@GoogleMail.com', 'priyaraman@gmail.com'],
    // Other domains keep dots and +tags: they may be different mailboxes.
    ['priya.raman+crm@northwind-logistics.example', 'priya.raman+crm@northwind-logistics.example'],
    ['Jane@Acme.com', 'jane@acme.com'],
  ])('%s → %s', (raw, expected) => expect(canonicalEmail(raw)).toBe(expected));

  it('refuses what is not an address, and a Gmail address that is all tag', () => {
    expect(canonicalEmail('not an address')).toBeUndefined();
    expect(canonicalEmail('+tag@gmail.com')).toBeUndefined();
  });

  it('sameEmail compares on the canonical form', () => {
    expect(sameEmail('priya.raman@gmail.com', 'PriyaRaman+li@googlemail.com')).toBe(true);
    expect(sameEmail('priya.raman@acme.com', 'priyaraman@acme.com')).toBe(false);
  });

  it('is the one path: content scripts and the repositories agree on what an address is', () => {
    for (const raw of ['Priya.Raman@gmail.com', 'x@localhost', ' mailto:Sam@Fabrikam.example ', 'two@@x.com']) {
      expect(normaliseEmailAddress(raw) ?? undefined).toBe(canonicalEmail(raw) === undefined ? undefined : normaliseEmailAddress(raw) ?? undefined);
    }
  });

  it('identities of a person are stored canonical; the page keeps the spelling it showed', () => {
    expect(identitiesOfPerson({ name: 'P', email: 'priya.raman+li@gmail.com', linkedinSalesId: 'ACwAAC7pRiYBq3NwLgTx' })).toEqual({
      emails: ['priyaraman@gmail.com'],
      linkedinIds: ['sales:ACwAAC7pRiYBq3NwLgTx'],
    });
  });
});

describe('normaliseLinkedInId for Sales Navigator ids', () => {
  it('keeps sales:<id> with its case', () => expect(normaliseLinkedInId('sales:ACwAAC7pRiYBq3NwLgTx')).toBe('sales:ACwAAC7pRiYBq3NwLgTx'));
});

describe('nameKey', () => {
  it('folds case and spacing only', () => {
    expect(nameKey('  Priya   RAMAN ')).toBe('priya raman');
    expect(nameKey('Priya Raman')).not.toBe(nameKey('Priya Ramen'));
  });
});
