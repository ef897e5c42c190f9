import { describe, expect, it } from 'vitest';
import { applyOwnAddresses } from '../../src/identity/apply-own-addresses';
import { recogniseGmailPage } from '../../src/sites/gmail/recognise-gmail-page';
import { parsePage, readOwnFixture } from '../support/fixtures';

const DEMO_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmnvBqRlTtZcJvLhBsGw';
const COMPOSE_URL = 'https://mail.google.com/mail/u/0/#inbox?compose=new';

const recognise = (file: string, url: string) => recogniseGmailPage(parsePage(readOwnFixture(file), url), new URL(url));

describe('applyOwnAddresses (the sidebar’s second look with the aliases from settings)', () => {
  it('is the same as the content script’s answer when settings know no more', () => {
    const context = recognise('gmail/thread-northwind-pilot.html', DEMO_URL);
    expect(applyOwnAddresses(context, [])).toEqual(context);
  });

  it('re-chooses a thread’s person from its messages when an alias is the latest sender', () => {
    const context = recognise('gmail/thread-northwind-pilot.html', DEMO_URL);
    const applied = applyOwnAddresses(context, ['priya.raman@northwind-logistics.example']);
    expect(applied.person?.email).toBe('jonas.becker@northwind-logistics.example');
    expect(applied.messages?.filter((message) => message.fromUser)).toHaveLength(5);
  });

  it('chooses a person when only settings know the user (the page named no account)', () => {
    const html = readOwnFixture('gmail/thread-northwind-pilot.html')
      .replace(/<title>[^<]*<\/title>/, '<title>Gmail</title>')
      .replace(/aria-label="Google Account:[^"]*"/, 'aria-label="Account"');
    const context = recogniseGmailPage(parsePage(html, DEMO_URL), new URL(DEMO_URL));
    expect(context).toMatchObject({ person: null, noPersonReason: 'own-address-unknown' });
    const applied = applyOwnAddresses(context, ['Alex.Morgan+x@acme-sales.example', 'alex.morgan@acme-sales.example']);
    expect(applied.person?.email).toBe('priya.raman@northwind-logistics.example');
    expect(applied.noPersonReason).toBeUndefined();
  });

  it('drops an alias from compose recipients and moves the next one up', () => {
    const context = recognise('gmail/compose-new-message.html', COMPOSE_URL);
    const applied = applyOwnAddresses(context, ['alex@acme-sales.example']);
    expect(applied.participants?.map((person) => person.email)).toEqual([
      'jonas.becker@northwind-logistics.example',
      'm.okafor@fabrikam-freight.example',
    ]);
    const priyaIsMe = applyOwnAddresses(context, ['alex@acme-sales.example', 'priya.raman@northwind-logistics.example']);
    expect(priyaIsMe.person?.email).toBe('jonas.becker@northwind-logistics.example');
  });

  it('leaves LinkedIn contexts alone', () => {
    const context = { site: 'linkedin', url: 'https://www.linkedin.com/in/x1/', pageKind: 'linkedin-profile', person: { name: 'X', linkedinSlug: 'x1' } } as const;
    expect(applyOwnAddresses(context, ['a@b.example'])).toBe(context);
  });
});
