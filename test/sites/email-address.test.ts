import { describe, expect, it } from 'vitest';
import { personOnPageSchema } from '../../src/model/page-context';
import { emailAddressesInLabel, normaliseEmailAddress } from '../../src/sites/email-address';

const candidates = [
  'priya.raman@northwind-logistics.example',
  'Alex.Morgan@ACME-sales.example',
  "o'brien+crm@contoso.co.uk",
  ' mailto:sam@fabrikam.example ',
  'a@b.c',
  'no-at-sign.example',
  'two@@example.com',
  '.dot@example.com',
  'dots..twice@example.com',
  'space in@example.com',
  'unicode@bücher.example',
  'x@localhost',
  '',
];

describe('normaliseEmailAddress', () => {
  it('lower-cases, trims and drops a mailto: prefix', () => {
    expect(normaliseEmailAddress(' mailto:Alex.Morgan@ACME-sales.example ')).toBe('alex.morgan@acme-sales.example');
  });

  it.each(candidates)('agrees with the PageContext contract on %j', (candidate) => {
    const normalised = normaliseEmailAddress(candidate);
    if (normalised === null) {
      const contractAccepts = personOnPageSchema.safeParse({ name: 'N', email: candidate.trim().toLowerCase() }).success;
      expect(contractAccepts).toBe(false);
    } else {
      expect(personOnPageSchema.safeParse({ name: 'N', email: normalised }).success).toBe(true);
    }
  });
});

describe('emailAddressesInLabel', () => {
  it('reads the address from Gmail’s account button label, in any language', () => {
    expect(emailAddressesInLabel('Google Account: Alex Morgan  \n(alex.morgan@acme-sales.example)')).toEqual([
      'alex.morgan@acme-sales.example',
    ]);
    expect(emailAddressesInLabel('Google-Konto: Alex Morgan (Alex.Morgan@acme-sales.example)')).toEqual([
      'alex.morgan@acme-sales.example',
    ]);
    expect(emailAddressesInLabel('Main menu')).toEqual([]);
    expect(emailAddressesInLabel(null)).toEqual([]);
  });
});
