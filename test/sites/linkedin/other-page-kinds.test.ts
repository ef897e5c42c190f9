import { describe, expect, it } from 'vitest';
import { pageContextSchema, type PageContext } from '../../../src/model/page-context';
import { recogniseLinkedInPage } from '../../../src/sites/linkedin/recognise-linkedin-page';
import { parsePage, readOwnFixture } from '../../support/fixtures';

const ONE_TO_ONE = 'https://www.linkedin.com/messaging/thread/2-ZmJiYzQ3NjEtNGQ5ZC00YmE1LWI4YWQtMWYyNzY0NzdlNmQ1XzAxMA==/';
const GROUP = 'https://www.linkedin.com/messaging/thread/2-OTg3NjU0MzItMWEyYi0zYzRkLTVlNmYtN2E4YjljMGQxZTJmXzAxMA==/';
const LEAD = 'https://www.linkedin.com/sales/lead/ACwAAC7pRiYBq3NwLgTx9aM0KjE5vHd2Ls8Yz4U,NAME_SEARCH,Xq7b';
const CONTACT_INFO = 'https://www.linkedin.com/in/priya-raman-northwind/overlay/contact-info/';

function recogniseDocument(document: Document, url: string): PageContext {
  const context = recogniseLinkedInPage(document, new URL(url));
  expect(pageContextSchema.parse(context)).toEqual(context);
  return context;
}
const recognise = (html: string, url: string) => recogniseDocument(parsePage(html, url), url);
const everyoneIn = (context: PageContext) => JSON.stringify([context.person, context.participants, context.messages]);

describe('LinkedIn messaging, 1:1 (hand-written)', () => {
  const html = readOwnFixture('linkedin/messaging-1to1-priya.html');

  it('finds the other participant from the title bar, and every message with its direction', () => {
    const context = recognise(html, ONE_TO_ONE);
    expect(context).toMatchObject({
      pageKind: 'linkedin-messaging',
      person: { name: 'Priya Raman', linkedinSlug: 'priya-raman-northwind', headline: 'VP Operations at Northwind Logistics' },
      thread: { id: '2-ZmJiYzQ3NjEtNGQ5ZC00YmE1LWI4YWQtMWYyNzY0NzdlNmQ1XzAxMA==' },
    });
    expect(context.participants).toBeUndefined();
    expect(context.messages?.map((message) => [message.from.linkedinSlug, message.fromUser])).toEqual([
      ['priya-raman-northwind', false],
      ['priya-raman-northwind', false],
      ['alex-morgan-acme', true],
      ['priya-raman-northwind', false],
    ]);
    expect(context.messages?.[0]?.id).toBe(
      'urn:li:msg_message:(urn:li:fsd_profile:ACoAAC7pRiYBq3NwLgTx9aM0KjE5vHd2Ls8Yz4U,2-MTcxNTUwNjk0MjAwMWI5MTQ5Mi0wMDQmZjViNGRk)',
    );
  });

  it('never offers the viewer, a profile linked in a message, the conversation list or the aside', () => {
    const found = everyoneIn(recognise(html, ONE_TO_ONE));
    for (const slug of ['jonas-becker-sec', 'lena-vogel-ops', 'hugo-laurent']) expect(found).not.toContain(slug);
    expect(JSON.stringify([recognise(html, ONE_TO_ONE).person, recognise(html, ONE_TO_ONE).participants])).not.toContain('alex-morgan-acme');
  });

  it('is stale (no person) when the conversation list marks another conversation as open than the URL names', () => {
    expect(recognise(html, GROUP)).toEqual({
      site: 'linkedin',
      url: GROUP,
      pageKind: 'linkedin-messaging',
      person: null,
      thread: { id: '2-OTg3NjU0MzItMWEyYi0zYzRkLTVlNmYtN2E4YjljMGQxZTJmXzAxMA==' },
      noPersonReason: 'stale-page',
    });
  });
});

describe('LinkedIn messaging, group (hand-written)', () => {
  const html = readOwnFixture('linkedin/messaging-group-kickoff.html');

  it('forces no person and lists everyone who wrote, newest first, never the viewer', () => {
    const context = recognise(html, GROUP);
    expect(context.person).toBeNull();
    expect(context.participants).toEqual([
      { name: 'Maya Okafor', linkedinSlug: 'maya-okafor-fabrikam' },
      { name: 'Jonas Becker', linkedinSlug: 'jonas-becker-sec' },
      { name: 'Priya Raman', linkedinSlug: 'priya-raman-northwind' },
    ]);
    expect(context.messages?.filter((message) => message.fromUser)).toHaveLength(1);
    expect(context.messages).toHaveLength(5);
  });
});

describe('LinkedIn chat overlay over the feed (hand-written)', () => {
  it('reads the open bubble, not the minimised one nor the posts', () => {
    const url = 'https://www.linkedin.com/feed/';
    const context = recognise(readOwnFixture('linkedin/feed-chat-overlay.html'), url);
    expect(context).toMatchObject({ pageKind: 'linkedin-messaging', person: { name: 'Sam Lee', linkedinSlug: 'sam-lee-fabrikam' } });
    expect(context.messages?.map((message) => message.fromUser)).toEqual([false, true]);
    const found = everyoneIn(context);
    for (const slug of ['kim-novak-contoso', 'priya-raman-northwind', 'lena-vogel-ops']) expect(found).not.toContain(slug);
  });

  it('a profile page wins over an open chat bubble', () => {
    const document = parsePage(readOwnFixture('linkedin/profile-2026-priya-raman.html'), 'https://www.linkedin.com/in/priya-raman-northwind/');
    const bubble = parsePage(readOwnFixture('linkedin/feed-chat-overlay.html')).getElementById('msg-overlay');
    if (bubble) document.body.append(document.importNode(bubble, true));
    expect(recogniseDocument(document, 'https://www.linkedin.com/in/priya-raman-northwind/').person?.name).toBe('Priya Raman');
  });
});

describe('Sales Navigator lead (hand-written)', () => {
  const html = readOwnFixture('linkedin/sales-lead-priya.html');

  it('reads the lead’s header only: name, headline, company, location and the lead id', () => {
    expect(recognise(html, LEAD)).toEqual({
      site: 'linkedin',
      url: LEAD,
      pageKind: 'linkedin-sales-lead',
      person: {
        name: 'Priya Raman',
        linkedinSalesId: 'ACwAAC7pRiYBq3NwLgTx9aM0KjE5vHd2Ls8Yz4U',
        headline: 'VP Operations at Northwind Logistics',
        company: 'Northwind Logistics',
        location: 'Rotterdam, South Holland, Netherlands',
      },
    });
  });

  it('is stale (no person) when the header links to another lead than the URL', () => {
    const url = 'https://www.linkedin.com/sales/lead/ACwAAD9jOnasBecker000Sec1xq,NAME_SEARCH,aa11';
    expect(recognise(html, url)).toMatchObject({ pageKind: 'linkedin-sales-lead', person: null, noPersonReason: 'stale-page' });
  });

  it('says plainly that nobody was found when the markup has no lead header', () => {
    const page = '<!DOCTYPE html><html><body><main><aside><span data-anonymize="person-name">Jonas</span></aside></main></body></html>';
    expect(recognise(page, LEAD)).toMatchObject({ person: null, noPersonReason: 'not-found' });
  });
});

describe('LinkedIn contact-info overlay over the profile (hand-written)', () => {
  const html = readOwnFixture('linkedin/profile-2026-priya-raman-contact-info.html');

  it('links the address the overlay shows to the profile: one person with both identities', () => {
    expect(recognise(html, CONTACT_INFO)).toEqual({
      site: 'linkedin',
      url: CONTACT_INFO,
      pageKind: 'linkedin-contact-info',
      person: {
        name: 'Priya Raman',
        email: 'priya.raman+li@gmail.com',
        linkedinSlug: 'priya-raman-northwind',
        linkedinUrn: 'ACoAAC7pRiYBq3NwLgTx9aM0KjE5vHd2Ls8Yz4U',
        headline: 'VP Operations at Northwind Logistics',
        company: 'Northwind Logistics',
        location: 'Rotterdam, South Holland, Netherlands',
      },
    });
  });

  it('on the plain profile URL (overlay closed by navigation) the address is not read', () => {
    const url = 'https://www.linkedin.com/in/priya-raman-northwind/';
    expect(recognise(html, url).person?.email).toBeUndefined();
  });

  it('reads the 2018–2025 class-era overlay (section.pv-contact-info) too', () => {
    const page =
      '<!DOCTYPE html><html><body><main><section class="pv-top-card"><div class="pv-text-details__left-panel"><h1 class="text-heading-xlarge">Priya Raman</h1></div></section></main>' +
      '<div class="artdeco-modal"><section class="pv-profile-section pv-contact-info"><section class="ci-vanity-url"><a href="https://www.linkedin.com/in/priya-raman-northwind/">linkedin.com/in/priya-raman-northwind</a></section>' +
      '<section class="ci-email"><a href="mailto:priya@northwind-logistics.example">priya@northwind-logistics.example</a></section></section></div></body></html>';
    expect(recognise(page, CONTACT_INFO).person).toEqual({
      name: 'Priya Raman',
      email: 'priya@northwind-logistics.example',
      linkedinSlug: 'priya-raman-northwind',
    });
  });

  it('never reads an overlay with two addresses, or one linking to another profile', () => {
    const two = html.replace('</a></p></div></div>\n    <div class="_4cd5ec1b _77fffb56"><div class="_0b3200fc"><p class="_6a6de872 _563238ea">Connected since', '</a> <a href="mailto:other@northwind-logistics.example">other</a></p></div></div>\n    <div class="_4cd5ec1b _77fffb56"><div class="_0b3200fc"><p class="_6a6de872 _563238ea">Connected since');
    expect(two).not.toBe(html);
    expect(recognise(two, CONTACT_INFO).person?.email).toBeUndefined();
  });
});
