import { describe, expect, it } from 'vitest';
import { pageContextSchema, type PageContext } from '../../../src/page-context/page-context';
import { recogniseGmailPage, type RecogniseGmailOptions } from '../../../src/sites/gmail/recognise-gmail-page';
import { describeWithSharedFixtures, parsePage, readOwnFixture, readSharedFixture } from '../../support/fixtures';

const DEMO_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmnvBqRlTtZcJvLhBsGw';
const SELF_LAST_URL = 'https://mail.google.com/mail/u/1/#label/Clients%2FNorthwind/1924755ecb7e7e3d';

/** Recognises a page and checks the result is one the extension pages will accept. */
function recognise(html: string, url: string, options?: RecogniseGmailOptions): PageContext {
  const context = recogniseGmailPage(parsePage(html, url), new URL(url), options);
  expect(pageContextSchema.parse(context)).toEqual(context);
  return context;
}

describe('recogniseGmailPage on the demo thread (hand-written)', () => {
  const html = readOwnFixture('gmail/thread-northwind-pilot.html');

  it('finds Priya Raman, the latest sender who is not the user', () => {
    expect(recognise(html, DEMO_URL)).toEqual({
      site: 'gmail',
      url: DEMO_URL,
      pageKind: 'gmail-thread',
      person: { name: 'Priya Raman', email: 'priya.raman@northwind-logistics.example' },
      thread: {
        id: 'thread-f:1811112223334445556',
        subject: 'Northwind pilot: security review and next steps',
      },
    });
  });

  it('never takes the cc, quoted, forwarded, body or hidden-list addresses', () => {
    const { person } = recognise(html, DEMO_URL);
    for (const notTheSender of [
      'alex.morgan@acme-sales.example',
      'jonas.becker@northwind-logistics.example',
      'legal@contoso.example',
      'security@northwind-logistics.example',
      'ceo@northwind-logistics.example',
      'billing@stripe-payments.example',
    ]) {
      expect(person?.email).not.toBe(notTheSender);
    }
  });

  it('answers the same under every thread route and account', () => {
    for (const url of [
      'https://mail.google.com/mail/#inbox/FMfcgzQXJWDsKmnvBqRlTtZcJvLhBsGw',
      'https://mail.google.com/mail/u/0/#label/Clients%2FNorthwind/FMfcgzQXJWDsKmnvBqRlTtZcJvLhBsGw',
      'https://mail.google.com/mail/u/0/#search/northwind/FMfcgzQXJWDsKmnvBqRlTtZcJvLhBsGw?compose=new',
    ]) {
      expect(recognise(html, url).person?.email, url).toBe('priya.raman@northwind-logistics.example');
    }
  });

  it('reports no person when the user is the only one left (all other senders are own aliases)', () => {
    const context = recognise(html, DEMO_URL, { ownAddresses: ['Priya.Raman@northwind-logistics.example'] });
    expect(context.person).toBeNull();
  });

  it('is gmail-other with no person when the URL is not a thread, whatever the DOM shows', () => {
    const url = 'https://mail.google.com/mail/u/0/#inbox';
    expect(recognise(html, url)).toEqual({ site: 'gmail', url, pageKind: 'gmail-other', person: null });
  });
});

describe('recogniseGmailPage when the user sent the latest message (hand-written)', () => {
  const html = readOwnFixture('gmail/thread-self-last.html');

  it('finds the latest other sender, Priya, not the user and not the earlier Jonas', () => {
    expect(recognise(html, SELF_LAST_URL)).toEqual({
      site: 'gmail',
      url: SELF_LAST_URL,
      pageKind: 'gmail-thread',
      person: { name: 'Priya Raman', email: 'priya.raman@northwind-logistics.example' },
      thread: { id: '1924755ecb7e7e3d', subject: 'Intro - jonas.becker@northwind-logistics.example - kickoff agenda' },
    });
  });

  it('returns no person while the DOM still shows another thread than the URL names', () => {
    const url = 'https://mail.google.com/mail/u/1/#inbox/1924767b5d9d91cb';
    expect(recognise(html, url)).toEqual({
      site: 'gmail',
      url,
      pageKind: 'gmail-thread',
      person: null,
      thread: { id: '1924767b5d9d91cb' },
    });
  });
});

describe('recogniseGmailPage on the inbox list (hand-written)', () => {
  it('is gmail-other with no person', () => {
    const url = 'https://mail.google.com/mail/u/0/#inbox';
    const html = readOwnFixture('gmail/inbox-list.html');
    expect(recognise(html, url)).toEqual({ site: 'gmail', url, pageKind: 'gmail-other', person: null });
  });
});

describe('recogniseGmailPage edge cases', () => {
  const ownTitle = '<title>Re: pricing - alex.morgan@acme-sales.example - Gmail</title>';
  const message = (id: string, sender: string) =>
    `<div class="adn ads" data-message-id="#msg-f:${id}"><h3 class="iw"><span class="gD" ${sender}>x</span></h3>` +
    `<div class="a3s"><span class="gD" email="quoted@example.com" name="Quoted">Quoted</span></div></div>`;
  const thread = (title: string, messages: string) =>
    `<!DOCTYPE html><html><head>${title}</head><body><div role="main"><h2 class="hP">Re: pricing</h2>${messages}</div></body></html>`;

  it('reads the address from data-hovercard-id when the email attribute is missing', () => {
    const html = thread(ownTitle, message('1', 'data-hovercard-id="sam@fabrikam.example" name="Sam Lee"'));
    expect(recognise(html, DEMO_URL).person).toEqual({ name: 'Sam Lee', email: 'sam@fabrikam.example' });
  });

  it('falls back to the visible name, then to the address, when the name attribute is missing', () => {
    const html = thread(ownTitle, message('1', 'email="sam@fabrikam.example"'));
    expect(recognise(html, DEMO_URL).person).toEqual({ name: 'x', email: 'sam@fabrikam.example' });
    const bare = thread(ownTitle, '<div data-message-id="#msg-f:1"><h3><span email="sam@fabrikam.example"></span></h3></div>');
    expect(recognise(bare, DEMO_URL).person).toEqual({ name: 'sam@fabrikam.example', email: 'sam@fabrikam.example' });
  });

  it('does not guess when it cannot tell who the user is', () => {
    const html = thread('<title>Gmail</title>', message('1', 'email="sam@fabrikam.example" name="Sam Lee"'));
    expect(recognise(html, DEMO_URL).person).toBeNull();
  });

  it('returns no person when the only header address is malformed', () => {
    const html = thread(ownTitle, message('1', 'email="not-an-address" name="Sam Lee"'));
    expect(recognise(html, DEMO_URL).person).toBeNull();
  });

  it('caps hostile names at the contract limit', () => {
    const html = thread(ownTitle, message('1', `email="sam@fabrikam.example" name="${'Sam '.repeat(400)}"`));
    const name = recognise(html, DEMO_URL).person?.name ?? '';
    expect(name.length).toBeLessThanOrEqual(500);
    expect(name.startsWith('Sam Sam')).toBe(true);
  });

  it('reads messages that carry only the legacy id', () => {
    const html = thread(
      ownTitle,
      '<div class="adn ads" data-legacy-message-id="19225cf8b037b1f4"><table><tr><td class="gF"><span email="kim@contoso.example" name="Kim">Kim</span></td></tr></table></div>',
    );
    expect(recognise(html, DEMO_URL).person).toEqual({ name: 'Kim', email: 'kim@contoso.example' });
  });
});

describeWithSharedFixtures('recogniseGmailPage on saved Gmail pages (/work/shared/fixtures)', () => {
  it('the 2014 inbox list has no person, though it shows 31 senders', () => {
    const html = readSharedFixture('gmail/gmail-2014-inbox-thread-list.html');
    const url = 'https://mail.google.com/mail/u/0/#inbox';
    expect(recognise(html, url)).toEqual({ site: 'gmail', url, pageKind: 'gmail-other', person: null });
  });

  it('the 2014 inbox list under a thread URL still has no person: it holds no message headers', () => {
    const html = readSharedFixture('gmail/gmail-2014-inbox-thread-list.html');
    expect(recognise(html, DEMO_URL).person).toBeNull();
  });
});
