import { describe, expect, it } from 'vitest';
import { pageContextSchema, type PageContext } from '../../../src/model/page-context';
import { parseAddressList } from '../../../src/sites/gmail/compose-recipients';
import { recogniseGmailPage, type RecogniseGmailOptions } from '../../../src/sites/gmail/recognise-gmail-page';
import { parsePage, readOwnFixture } from '../../support/fixtures';

const COMPOSE_URL = 'https://mail.google.com/mail/u/0/#inbox?compose=new';
const REPLY_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJQWvpqHzgrVQVqBnchwnznNt';
const ANNOUNCEMENT_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJZrDlXFxvvPVfZrXHMKBjRQf';

function recogniseDocument(document: Document, url: string, options?: RecogniseGmailOptions): PageContext {
  const context = recogniseGmailPage(document, new URL(url), options);
  expect(pageContextSchema.parse(context)).toEqual(context);
  return context;
}

function recognise(html: string, url: string, options?: RecogniseGmailOptions): PageContext {
  return recogniseDocument(parsePage(html, url), url, options);
}

const emails = (people: PageContext['participants']) => (people ?? []).map((person) => person.email);

describe('a new message dialog over the inbox (hand-written)', () => {
  const html = readOwnFixture('gmail/compose-new-message.html');

  it('takes the To chips first, then Cc; never the typed address, the body, the From row or the inbox behind', () => {
    const context = recognise(html, COMPOSE_URL, { ownAddresses: ['alex@acme-sales.example'] });
    expect(context).toEqual({
      site: 'gmail',
      url: COMPOSE_URL,
      pageKind: 'gmail-compose',
      person: { name: 'Priya Raman', email: 'priya.raman@northwind-logistics.example' },
      participants: [
        { name: 'Jonas Becker', email: 'jonas.becker@northwind-logistics.example' },
        { name: 'Maya Okafor', email: 'm.okafor@fabrikam-freight.example' },
      ],
      ownAddresses: ['alex.morgan@acme-sales.example'],
      account: 0,
    });
  });

  it('lists an alias the page does not name (the Bcc to self) until settings say it is the user’s', () => {
    expect(emails(recognise(html, COMPOSE_URL).participants)).toContain('alex@acme-sales.example');
  });

  it('has the compose recipients win over the list behind, under any route', () => {
    for (const url of ['https://mail.google.com/mail/u/0/#inbox', 'https://mail.google.com/mail/u/0/#label/Pipeline']) {
      expect(recognise(html, url).pageKind, url).toBe('gmail-compose');
    }
  });

  it('follows chips as they are removed and added (the DOM is re-read on every change)', () => {
    const document = parsePage(html, COMPOSE_URL);
    document.querySelector('[role="dialog"] [data-hovercard-id="priya.raman@northwind-logistics.example"]')?.remove();
    expect(recogniseDocument(document, COMPOSE_URL).person?.name).toBe('Jonas Becker');

    const chip = document.createElement('div');
    chip.setAttribute('role', 'option');
    chip.setAttribute('data-hovercard-id', 'kim.novak@contoso.example');
    chip.setAttribute('data-name', 'Kim Novak');
    document.querySelector('div[name="to"]')?.prepend(chip);
    expect(recogniseDocument(document, COMPOSE_URL).person).toEqual({ name: 'Kim Novak', email: 'kim.novak@contoso.example' });
  });

  it('says no recipients yet, and falls back to the page behind, when the chips are gone', () => {
    const document = parsePage(html, COMPOSE_URL);
    for (const chip of document.querySelectorAll('[role="dialog"] [data-hovercard-id], [role="dialog"] [email]')) chip.remove();
    expect(recogniseDocument(document, COMPOSE_URL)).toMatchObject({ pageKind: 'gmail-compose', person: null, noPersonReason: 'no-recipients' });
    expect(recogniseDocument(document, 'https://mail.google.com/mail/u/0/#inbox')).toMatchObject({ pageKind: 'gmail-list', person: null });
  });

  it('reads the older compose markup: hidden inputs holding "Name <address>" lists', () => {
    const page = parsePage(
      '<!DOCTYPE html><html><head><title>Inbox - alex.morgan@acme-sales.example - Gmail</title></head><body>' +
        '<div role="dialog"><form><input type="hidden" name="to" value="&quot;Raman, Priya&quot; &lt;priya.raman@northwind-logistics.example&gt;, jonas.becker@northwind-logistics.example">' +
        '<input type="hidden" name="cc" value="alex.morgan@acme-sales.example"></form></div></body></html>',
      COMPOSE_URL,
    );
    const context = recogniseDocument(page, COMPOSE_URL);
    expect(context.person).toEqual({ name: 'Raman, Priya', email: 'priya.raman@northwind-logistics.example' });
    expect(emails(context.participants)).toEqual(['jonas.becker@northwind-logistics.example']);
  });

  it('prefers the compose window holding the focus when several are open', () => {
    const page = parsePage(
      '<!DOCTYPE html><html><head><title>Inbox - alex.morgan@acme-sales.example - Gmail</title></head><body>' +
        '<div role="dialog" id="a"><div name="to"><div role="option" data-hovercard-id="a@contoso.example" data-name="A"></div></div><input id="focus-a"></div>' +
        '<div role="dialog" id="b"><div name="to"><div role="option" data-hovercard-id="b@contoso.example" data-name="B"></div></div></div></body></html>',
      COMPOSE_URL,
    );
    expect(recogniseDocument(page, COMPOSE_URL).person?.name).toBe('B');
    (page.getElementById('focus-a') as HTMLInputElement).focus();
    expect(recogniseDocument(page, COMPOSE_URL).person?.name).toBe('A');
  });
});

describe('an inline reply under a thread (hand-written)', () => {
  const html = readOwnFixture('gmail/thread-inline-reply.html');

  it('puts the reply’s recipients first, and keeps the thread and its messages for capture', () => {
    const context = recognise(html, REPLY_URL);
    expect(context).toMatchObject({
      pageKind: 'gmail-compose',
      person: { name: 'Priya Raman', email: 'priya.raman@northwind-logistics.example' },
      participants: [{ name: 'procurement@northwind-logistics.example', email: 'procurement@northwind-logistics.example' }],
      thread: { id: 'thread-f:1811900000111222333', subject: 'Order form: procurement mailbox' },
    });
    expect(context.messages?.map((message) => [message.from.email, message.fromUser])).toEqual([
      ['priya.raman@northwind-logistics.example', false],
      ['alex.morgan@acme-sales.example', true],
      ['jonas.becker@northwind-logistics.example', false],
    ]);
  });

  it('without the reply box: the thread’s latest sender Jonas, Priya to switch to; never the body addresses', () => {
    const document = parsePage(html, REPLY_URL);
    document.getElementById('inline-reply')?.remove();
    const context = recogniseDocument(document, REPLY_URL);
    expect(context.pageKind).toBe('gmail-thread');
    expect(context.person).toEqual({ name: 'Jonas Becker', email: 'jonas.becker@northwind-logistics.example' });
    expect(emails(context.participants)).toEqual(['priya.raman@northwind-logistics.example']);
    const everyone = JSON.stringify([context.person, context.participants, context.messages?.map(({ from, to, cc }) => [from, to, cc])]);
    expect(everyone).not.toContain('ap@northwind-logistics.example');
    expect(everyone).not.toContain('procurement@');
    // The body's addresses are only words of the open message's snippet, never people.
    expect(context.messages?.at(-1)?.snippet).toBe(
      'Hi Alex, please use procurement@northwind-logistics.example on the order form. Invoices go to ap@northwind-logistics.example. Jonas',
    );
  });
});

describe('a 40-recipient announcement (hand-written)', () => {
  const html = readOwnFixture('gmail/thread-announcement-40.html');

  it('forces no person and offers only the two who wrote, newest first', () => {
    const context = recognise(html, ANNOUNCEMENT_URL);
    expect(context).toMatchObject({
      pageKind: 'gmail-thread',
      person: null,
      announcement: { recipients: 40 },
      participants: [
        { name: 'Maya Okafor', email: 'm.okafor@fabrikam-freight.example' },
        { name: 'Northwind Ops Updates', email: 'ops-updates@northwind-logistics.example' },
      ],
    });
  });

  it('still reports the recipients of each message for capture: 28 to and 12 cc', () => {
    const [, reply] = recognise(html, ANNOUNCEMENT_URL).messages ?? [];
    expect(reply?.to).toHaveLength(28);
    expect(reply?.cc).toHaveLength(12);
    expect(reply?.cc.at(-1)).toEqual({ name: 'Hugo Laurent', email: 'hugo.laurent@northwind-logistics.example' });
  });

  it('never lists a recipient who did not write, nor the quoted ops desk', () => {
    const listed = emails(recognise(html, ANNOUNCEMENT_URL).participants);
    expect(listed).not.toContain('priya.raman@northwind-logistics.example');
    expect(listed).not.toContain('ops-desk@northwind-logistics.example');
  });
});

describe('parseAddressList', () => {
  it('reads names, quoted names with commas and bare addresses; drops junk', () => {
    expect(parseAddressList('"Raman, Priya" <Priya@x.example>, jonas@y.example, not an address, Sam <sam@z.example>')).toEqual([
      { name: 'Raman, Priya', email: 'priya@x.example' },
      { email: 'jonas@y.example' },
      { name: 'Sam', email: 'sam@z.example' },
    ]);
  });
});
