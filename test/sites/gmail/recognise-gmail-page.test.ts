import { describe, expect, it } from 'vitest';
import { pageContextSchema, type PageContext } from '../../../src/model/page-context';
import { recogniseGmailPage, type RecogniseGmailOptions } from '../../../src/sites/gmail/recognise-gmail-page';
import { urlThreadIdOfPermId } from '../../../src/sites/gmail/thread-url-id';
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

  it('finds Priya Raman, the latest sender who is not the user, and Jonas to switch to', () => {
    expect(recognise(html, DEMO_URL)).toEqual({
      site: 'gmail',
      url: DEMO_URL,
      pageKind: 'gmail-thread',
      person: { name: 'Priya Raman', email: 'priya.raman@northwind-logistics.example' },
      participants: [{ name: 'Jonas Becker', email: 'jonas.becker@northwind-logistics.example' }],
      thread: {
        id: 'thread-f:1811112223334445556',
        subject: 'Northwind pilot: security review and next steps',
      },
      messages: expect.any(Array),
      ownAddresses: ['alex.morgan@acme-sales.example'],
      account: 0,
    });
  });

  it('reports every message: id, sender, to/cc from the header, date, and whether the user sent it', () => {
    const { messages = [] } = recognise(html, DEMO_URL);
    const priya = { name: 'Priya Raman', email: 'priya.raman@northwind-logistics.example' };
    const alex = { name: 'Alex Morgan', email: 'alex.morgan@acme-sales.example' };
    expect(messages).toEqual([
      { id: 'msg-f:1811112223334445556', at: new Date(2026, 4, 4, 9, 12).getTime(), from: priya, to: [], cc: [], fromUser: false },
      { id: 'msg-f:1811130555000111222', at: new Date(2026, 4, 4, 14, 30).getTime(), from: alex, to: [], cc: [], fromUser: true },
      {
        id: 'msg-f:1811301999000222333',
        at: new Date(2026, 4, 6, 10, 5).getTime(),
        from: priya,
        to: [{ email: 'alex.morgan@acme-sales.example' }],
        cc: [{ name: 'Jonas Becker', email: 'jonas.becker@northwind-logistics.example' }],
        fromUser: false,
      },
      // Sent a moment ago from this browser: only data-message-id, and the address in other case.
      { id: 'msg-f:1811412000333444555', at: new Date(2026, 4, 7, 16, 48).getTime(), from: alex, to: [], cc: [], fromUser: true },
      {
        id: 'msg-f:1811777444111222333',
        at: new Date(2026, 4, 11, 8, 57).getTime(),
        from: priya,
        to: [{ email: 'alex.morgan@acme-sales.example' }, { name: 'Jonas Becker', email: 'jonas.becker@northwind-logistics.example' }],
        cc: [],
        fromUser: false,
        // The open message only: its own words, cut at 200 characters, never the quoted thread.
        snippet:
          'Hi Alex, Good news: Jonas signed off on the security review this morning. Two small follow-ups before we kick off the pilot: Please add our procurement mailbox to the order form (Jonas will send it).',
      },
    ]);
  });

  it('keeps quoted and forwarded text out of a snippet, and caps it at 200 characters', () => {
    const quoted = (body: string) =>
      `<!DOCTYPE html><html><head><title>Re: pricing - alex.morgan@acme-sales.example - Gmail</title></head><body><div role="main">` +
      `<div class="adn ads" data-message-id="#msg-f:1"><h3 class="iw"><span class="gD" email="sam@fabrikam.example" name="Sam Lee">Sam</span></h3>` +
      `<div class="ii gt"><div class="a3s aiL">${body}</div></div></div></div></body></html>`;
    const snippetOf = (body: string) => recognise(quoted(body), DEMO_URL).messages?.[0]?.snippet;
    expect(
      snippetOf(
        '<div>Sounds good &lt;b&gt;Thursday&lt;/b&gt;.</div><div class="gmail_quote"><div class="gmail_attr">On Mon Alex wrote:</div>' +
          '<blockquote class="gmail_quote">Old words</blockquote></div><blockquote>Pasted quote</blockquote><div class="im">Trimmed</div>',
      ),
    ).toBe('Sounds good <b>Thursday</b>.');
    expect(snippetOf('<blockquote>Only a quote</blockquote>')).toBeUndefined();
    const long = snippetOf(`<p>${'word '.repeat(100)}</p>`) ?? '';
    expect(long.length).toBeLessThanOrEqual(200);
    expect(long.startsWith('word word')).toBe(true);
    // A collapsed message shows only Gmail's own preview, which can quote: no snippet.
    const collapsed = recognise(html, DEMO_URL).messages ?? [];
    expect(collapsed.slice(0, -1).some((message) => 'snippet' in message)).toBe(false);
  });

  it('never takes the user, quoted, forwarded, body or hidden-list addresses, as person or participant', () => {
    const { person, participants = [], messages = [] } = recognise(html, DEMO_URL);
    const everyoneFound = [person, ...participants, ...messages.flatMap((message) => [message.from, ...message.to, ...message.cc])];
    for (const notAParticipant of [
      'legal@contoso.example',
      'security@northwind-logistics.example',
      'ceo@northwind-logistics.example',
      'billing@stripe-payments.example',
      'm.okafor@fabrikam-freight.example',
    ]) {
      expect(everyoneFound.map((found) => found?.email)).not.toContain(notAParticipant);
    }
    expect([person, ...participants].map((found) => found?.email)).not.toContain('alex.morgan@acme-sales.example');
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

  it('when only the user wrote, the person is whom they wrote to; with nobody else, no person', () => {
    const priyaIsAlias = recognise(html, DEMO_URL, { ownAddresses: ['Priya.Raman@northwind-logistics.example'] });
    expect(priyaIsAlias.person?.email).toBe('jonas.becker@northwind-logistics.example');
    const everyoneIsAlias = recognise(html, DEMO_URL, {
      ownAddresses: ['Priya.Raman@northwind-logistics.example', 'jonas.becker@northwind-logistics.example'],
    });
    expect(everyoneIsAlias).toMatchObject({ person: null, noPersonReason: 'only-you' });
    expect(everyoneIsAlias.participants).toBeUndefined();
  });

  it('is a list with no person when the URL is not a thread, whatever the DOM shows', () => {
    const url = 'https://mail.google.com/mail/u/0/#inbox';
    expect(recognise(html, url)).toMatchObject({ site: 'gmail', url, pageKind: 'gmail-list', person: null });
    expect(recognise(html, url).participants).toBeUndefined();
  });

  it('returns no person while the DOM shows another thread than the opaque URL id decodes to', () => {
    const url = `https://mail.google.com/mail/u/0/#inbox/${urlThreadIdOfPermId('thread-f:1811900000111222333')}`;
    expect(recognise(html, url)).toMatchObject({ pageKind: 'gmail-thread', person: null, noPersonReason: 'stale-page' });
    const sameThread = `https://mail.google.com/mail/u/0/#inbox/${urlThreadIdOfPermId('thread-f:1811112223334445556')}`;
    expect(recognise(html, sameThread).person?.name).toBe('Priya Raman');
  });

  it('treats an alias given by settings as the user, Gmail dots and +tags included', () => {
    const withAlias = recognise(html, DEMO_URL, { ownAddresses: ['jonas.becker@northwind-logistics.example'] });
    expect(withAlias.participants).toBeUndefined();
  });
});

describe('recogniseGmailPage when the user sent the latest message (hand-written)', () => {
  const html = readOwnFixture('gmail/thread-self-last.html');

  it('finds the latest other sender, Priya, not the user and not the earlier Jonas', () => {
    expect(recognise(html, SELF_LAST_URL)).toMatchObject({
      site: 'gmail',
      url: SELF_LAST_URL,
      pageKind: 'gmail-thread',
      person: { name: 'Priya Raman', email: 'priya.raman@northwind-logistics.example' },
      thread: { id: '1924755ecb7e7e3d', subject: 'Intro - jonas.becker@northwind-logistics.example - kickoff agenda' },
      ownAddresses: ['alex.morgan@acme-sales.example'],
      account: 1,
    });
    expect(recognise(html, SELF_LAST_URL).participants?.map((person) => person.email)).toEqual([
      'jonas.becker@northwind-logistics.example',
    ]);
  });

  it('returns no person while the DOM still shows another thread than the URL names', () => {
    const url = 'https://mail.google.com/mail/u/1/#inbox/1924767b5d9d91cb';
    expect(recognise(html, url)).toEqual({
      site: 'gmail',
      url,
      pageKind: 'gmail-thread',
      person: null,
      thread: { id: '1924767b5d9d91cb' },
      noPersonReason: 'stale-page',
      ownAddresses: ['alex.morgan@acme-sales.example'],
      account: 1,
    });
  });
});

describe('recogniseGmailPage on the inbox list (hand-written)', () => {
  it('is gmail-list with no person, though senders are on screen', () => {
    const url = 'https://mail.google.com/mail/u/0/#inbox';
    const html = readOwnFixture('gmail/inbox-list.html');
    expect(recognise(html, url)).toEqual({
      site: 'gmail',
      url,
      pageKind: 'gmail-list',
      person: null,
      ownAddresses: ['alex.morgan@acme-sales.example'],
      account: 0,
    });
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
    expect(recognise(html, url)).toEqual({ site: 'gmail', url, pageKind: 'gmail-list', person: null, account: 0 });
  });

  it('the 2014 inbox list under a thread URL still has no person: it holds no message headers', () => {
    const html = readSharedFixture('gmail/gmail-2014-inbox-thread-list.html');
    expect(recognise(html, DEMO_URL).person).toBeNull();
  });
});
