import { describe, expect, it } from 'vitest';
import { linkedInLookupKeys, withLinkedInIds } from '../../src/identity/identities-of-person';
import { isLegacyMemberIdSpelling, linkedInProfileUrl, normaliseLinkedInId } from '../../src/identity/normalise';
import { contactIdentityLabel, identityLabel, personOfContact } from '../../src/sidebar/person-of-contact';
import { personOfContact as crmPersonOfContact } from '../../src/sync/crm-rows';
import type { Contact } from '../../src/model/schemas';

const TALHA = 'ACoAACaYEUABb_2KMpm9ek35YObF-a13apHwjas';
const TALHA_LOWER = TALHA.toLowerCase();

function contact(linkedinIds: string[], name = 'Talha Khan'): Contact {
  return { id: 'c1', name, emails: [], linkedinIds, stage: 'Awareness', tags: [], customFields: {}, createdAt: 1, updatedAt: 1 };
}

describe('member ids keep their case; vanity slugs do not', () => {
  it('normalises a member id to itself, a vanity slug to lower case', () => {
    expect(normaliseLinkedInId(TALHA)).toBe(TALHA);
    expect(normaliseLinkedInId(`https://www.linkedin.com/in/${TALHA}/`)).toBe(TALHA);
    expect(normaliseLinkedInId('Eugene-Mann')).toBe('eugene-mann');
  });

  it('looks a member id up by itself and by the lower-cased spelling older rows hold, never the reverse', () => {
    expect(linkedInLookupKeys([TALHA])).toEqual([TALHA, TALHA_LOWER]);
    expect(linkedInLookupKeys(['EugeneMann'])).toEqual(['eugenemann']);
    expect(isLegacyMemberIdSpelling(TALHA_LOWER)).toBe(true);
    expect(isLegacyMemberIdSpelling(TALHA)).toBe(false);
    expect(isLegacyMemberIdSpelling('eugenemann')).toBe(false);
  });

  it('seeing the right spelling again replaces the broken one', () => {
    expect(withLinkedInIds(['talha-khan', TALHA_LOWER], [TALHA])).toEqual(['talha-khan', TALHA]);
    expect(withLinkedInIds(['talha-khan'], ['talha-khan'])).toEqual(['talha-khan']);
  });

  it('exports a working profile address: the vanity slug, else the member id exactly, never a lead id', () => {
    expect(linkedInProfileUrl(['talha-khan', TALHA])).toBe('https://www.linkedin.com/in/talha-khan/');
    expect(linkedInProfileUrl([TALHA])).toBe(`https://www.linkedin.com/in/${TALHA}/`);
    expect(linkedInProfileUrl(['sales:ACwAAC7pRiYBq3NwLgTx9aM0KjE5vHd2Ls8Yz4U'])).toBe('');
    expect(linkedInProfileUrl([TALHA_LOWER])).toBe('');
  });

  it('sends a connected CRM the same working address, and none for a broken lower-cased id', () => {
    expect(crmPersonOfContact(contact([TALHA]), undefined).linkedinUrl).toBe(`https://www.linkedin.com/in/${TALHA}/`);
    expect(crmPersonOfContact(contact([TALHA_LOWER]), undefined).linkedinUrl).toBeUndefined();
    expect(crmPersonOfContact(contact(['talha-khan', TALHA]), undefined).linkedinUrl).toBe('https://www.linkedin.com/in/talha-khan/');
  });

  it('shows a member id exactly, and a Sales Navigator lead by name with no raw id', () => {
    expect(identityLabel(personOfContact(contact([TALHA])))).toBe(`linkedin.com/in/${TALHA}`);
    const lead = contact(['sales:ACwAAC7pRiYBq3NwLgTx9aM0KjE5vHd2Ls8Yz4U'], 'Priya Raman');
    expect(personOfContact(lead).name).toBe('Priya Raman');
    expect(contactIdentityLabel(lead)).toBe('Sales Navigator lead');
    expect(contactIdentityLabel(lead)).not.toContain('ACwAA');
  });
});
