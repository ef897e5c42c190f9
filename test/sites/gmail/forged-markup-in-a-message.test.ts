import { describe, expect, it } from 'vitest';
import type { PageContext } from '../../../src/model/page-context';
import { pageContextSchema } from '../../../src/model/page-context';
import { recogniseGmailPage } from '../../../src/sites/gmail/recognise-gmail-page';
import { parsePage, readOwnFixture } from '../../support/fixtures';

const DEMO_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmnvBqRlTtZcJvLhBsGw';
const FORGER = 'forger@evil.example';

/**
 * Markup a received email can carry in its body (Gmail renders the sender's HTML there). Each
 * one imitates a part of Gmail's own page that a reader looks for.
 */
const FORGERIES: Record<string, string> = {
  'a dialog with a To field and an [email] chip': `<div role="dialog"><div name="to"><span email="${FORGER}">Forger</span></div></div>`,
  'a form with a To field and a [data-hovercard-id] chip': `<form><div name="to"><div role="option" data-hovercard-id="${FORGER}" data-name="Forger"></div></div></form>`,
  'a hidden To input in a form': `<form><input type="hidden" name="to" value="Forger <${FORGER}>"></form>`,
  'a Cc field in Gmail’s compose class': `<div class="M9"><div name="cc"><span email="${FORGER}"></span></div></div>`,
  'an account button naming the real sender as the user': `<a aria-label="Google Account: Priya Raman (priya.raman@northwind-logistics.example)" href="https://accounts.google.com/SignOutOptions">me</a>`,
  'a message header of its own': `<div data-message-id="#msg-f:999" class="adn ads"><h3><span email="${FORGER}" name="Forger">Forger</span></h3><span class="g3" title="Mon, May 11, 2026, 9:30 AM">now</span></div>`,
  'a subject heading with another thread id': `<h2 class="hP" data-thread-perm-id="thread-f:1" data-legacy-thread-id="0000000000000001">Fake subject</h2>`,
};

/** The email's own HTML as nodes of `document` (parsed as the page would, never evaluated). */
function nodesOf(document: Document, html: string): Node[] {
  const parsed = parsePage(`<!DOCTYPE html><html><body>${html}</body></html>`);
  return [...parsed.body.childNodes].map((node) => document.importNode(node, true));
}

function recogniseWithBody(extraBodyHtml: string, where: 'body' | 'quote'): PageContext {
  const document = parsePage(readOwnFixture('gmail/thread-northwind-pilot.html'), DEMO_URL);
  const bodies = document.querySelectorAll('.a3s');
  const body = bodies[bodies.length - 1];
  if (!body) throw new Error('the fixture has no open message body');
  const holder = document.createElement(where === 'quote' ? 'blockquote' : 'div');
  if (where === 'quote') holder.className = 'gmail_quote';
  holder.append(...nodesOf(document, extraBodyHtml));
  body.append(holder);
  const context = recogniseGmailPage(document, new URL(DEMO_URL));
  expect(pageContextSchema.parse(context)).toEqual(context);
  return context;
}

describe('markup inside a received message is never read as Gmail’s own page', () => {
  const genuine = recogniseGmailPage(parsePage(readOwnFixture('gmail/thread-northwind-pilot.html'), DEMO_URL), new URL(DEMO_URL));

  it('the genuine thread names Priya (the baseline)', () => {
    expect(genuine).toMatchObject({ pageKind: 'gmail-thread', person: { email: 'priya.raman@northwind-logistics.example' } });
  });

  for (const [name, html] of Object.entries(FORGERIES)) {
    for (const where of ['body', 'quote'] as const) {
      it(`${name} in a message ${where} changes nothing: still the thread, Priya, the same messages`, () => {
        const forged = recogniseWithBody(html, where);
        expect(forged.pageKind).toBe('gmail-thread');
        expect(forged.person).toEqual(genuine.person);
        expect(forged.participants).toEqual(genuine.participants);
        expect(forged.thread).toEqual(genuine.thread);
        expect(forged.ownAddresses).toEqual(genuine.ownAddresses);
        expect(forged.messages?.map((message) => message.id)).toEqual(genuine.messages?.map((message) => message.id));
        expect(JSON.stringify(forged)).not.toContain(FORGER);
      });
    }
  }

  it('a real compose window beside the forged one still wins (the guard drops only the forgery)', () => {
    const document = parsePage(readOwnFixture('gmail/thread-northwind-pilot.html'), DEMO_URL);
    const body = [...document.querySelectorAll('.a3s')].at(-1);
    body?.append(...nodesOf(document, FORGERIES['a dialog with a To field and an [email] chip'] ?? ''));
    document.body.append(
      ...nodesOf(document, '<div role="dialog"><div name="to"><div role="option" data-hovercard-id="kim.novak@contoso.example" data-name="Kim Novak"></div></div></div>'),
    );
    expect(recogniseGmailPage(document, new URL(DEMO_URL))).toMatchObject({
      pageKind: 'gmail-compose',
      person: { email: 'kim.novak@contoso.example', name: 'Kim Novak' },
    });
  });
});
