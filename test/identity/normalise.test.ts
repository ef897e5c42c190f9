import { describe, expect, it } from 'vitest';
import { normaliseEmail, normaliseLinkedInId } from '../../src/identity/normalise';

describe('normaliseEmail', () => {
  it.each([
    ['jane@acme.com', 'jane@acme.com'],
    ['  Jane.Doe@ACME.com ', 'jane.doe@acme.com'],
    ['mailto:Jane@Acme.com', 'jane@acme.com'],
    // Dots and +tags are kept: folding Gmail addresses is a separate decision.
    ['j.a.n.e+crm@gmail.com', 'j.a.n.e+crm@gmail.com'],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseEmail(raw)).toBe(expected);
  });

  it.each(['', 'Jane Doe', 'jane@', '@acme.com', 'jane@acme', 'jane doe@acme.com', 'a@b@c.com', `${'x'.repeat(320)}@a.com`])(
    'refuses %j',
    (raw) => {
      expect(normaliseEmail(raw)).toBeUndefined();
    },
  );
});

describe('normaliseLinkedInId', () => {
  it.each([
    ['jane-doe', 'jane-doe'],
    ['Jane-Doe', 'jane-doe'],
    ['jos%C3%A9-garc%C3%ADa', 'josé-garcía'],
    ['JOS%C3%89', 'josé'],
    ['https://www.linkedin.com/in/Jane-Doe/?miniProfileUrn=x', 'jane-doe'],
    ['ACoAABcdEfGhIjKlMn', 'ACoAABcdEfGhIjKlMn'],
    ['urn:li:fsd_profile:ACoAABcdEfGhIjKlMn', 'ACoAABcdEfGhIjKlMn'],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseLinkedInId(raw)).toBe(expected);
  });

  it.each(['', 'a', 'jane doe', 'jane/doe', '%E0%A4%A', '<script>'])('refuses %j', (raw) => {
    expect(normaliseLinkedInId(raw)).toBeUndefined();
  });
});
