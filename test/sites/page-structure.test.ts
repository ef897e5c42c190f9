import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backgroundSenderChecks } from '../../src/background/sender-checks';
import { pageSkeletonSchema } from '../../src/messaging/protocol';
import { classShape, describePageStructure, describeSkeleton, maskValue, PAGE_WALK, readPageSkeleton, titleShape, urlShape } from '../../src/sites/page-structure';
import { contentScriptSender, sidebarSender } from '../messaging/senders-fixtures';
import { parsePage, readOwnFixture, SAVED_PAGE_TIMEOUT_MS, sharedFixturesDir, sharedFixturesPresent } from '../support/fixtures';

describe('the redacted page structure', () => {
  it('keeps LinkedIn’s class words and shapes hashed classes', () => {
    expect(classShape('text-heading-xlarge')).toBe('text-heading-xlarge');
    expect(classShape('msg-s-message-group__name')).toBe('msg-s-message-group__name');
    expect(classShape('xdgwJpxSwCguXlQGuBYbenSrrWZDsWKPYsirU')).toBe('~37');
  });

  it('keeps route words of links and masks every other path segment, query values and hashes', () => {
    expect(urlShape('https://www.linkedin.com/in/eugenemann/overlay/contact-info/')).toBe('linkedin.com/in/:/overlay/contact-info/');
    expect(urlShape('/messaging/compose/?profileUrn=urn%3Ali%3Afsd_profile%3AACoAAA&recipient=ACoAAA')).toBe('linkedin.com/messaging/compose/?profileUrn&recipient');
    expect(urlShape('mailto:renewals@pagerduty.com')).toBe('mailto:');
    expect(urlShape('https://mail.google.com/mail/u/0/#inbox/196195b51bdb9ff3')).toBe('google.com/mail/u/:/#');
    expect(urlShape('https://evil.example/x')).toBe('other/:');
  });

  it('keeps structural attribute values with ids, addresses and numbers masked', () => {
    expect(maskValue('com.linkedin.sdui.profile.card.refACoAAAq_vXIB7ddQiLbkdzTDNjlHLlc3eQ7DOR4Topcard')).toBe('com.linkedin.sdui.profile.card.ref<member-id>Topcard');
    expect(maskValue('ember3298')).toBe('ember#');
    expect(maskValue('jane@acme.com')).toBe('<address>');
    expect(maskValue('thread-f:1594506202591635145')).toBe('thread-f:<id>');
  });

  it('says the title’s shape, never its words', () => {
    expect(titleShape('(3) Eugene Mann | LinkedIn')).toBe('(n) … | LinkedIn');
    expect(titleShape('Inbox (14) - ben@substrate.run - Substrate Labs Mail')).toBe('…');
    expect(titleShape('')).toBe('(none)');
  });

  it('describes a hand-written profile with no name, headline, slug or member id in it', () => {
    const html = readOwnFixture('linkedin/profile-2026-priya-raman.html');
    const description = describePageStructure(parsePage(html, 'https://www.linkedin.com/in/priya-raman-northwind/'));
    expect(description).toContain('section');
    expect(description).toMatch(/\[componentkey=com\.linkedin\.sdui\.profile\.card\.ref<member-id>Topcard\]/);
    for (const secret of ['Priya', 'Raman', 'priya-raman-northwind', 'ACoAAC7pRiYBq3NwLgTx9aM0KjE5vHd2Ls8Yz4U', 'Northwind', 'Rotterdam']) {
      expect(description).not.toContain(secret);
    }
  });

  it('skips what the caller leaves out (Margin’s own sidebar)', () => {
    const document = parsePage('<html><body><main class="page"></main><div id="margin-root"><p class="inside-margin"></p></div></body></html>');
    const description = describePageStructure(document);
    expect(description).toContain('main.page');
    expect(description).not.toContain('inside-margin');
  });

  it('walks from its own source alone, as scripting.executeScript sends it to the tab', () => {
    const document = parsePage('<html><body><main class="page"><p>Hi</p></main><div id="margin-root"></div></body></html>');
    // executeScript serialises the function: a name from its module would be undefined in the page.
    const sentToTheTab = new Function(`return (${readPageSkeleton.toString()})`)() as typeof readPageSkeleton;
    expect(sentToTheTab(PAGE_WALK, document)).toEqual(readPageSkeleton(PAGE_WALK, document));
    expect(sentToTheTab(PAGE_WALK, document).nodes.map(([, tag]) => tag)).toEqual(['BODY', 'MAIN', 'P']);
  });

  it('only the sidebar in a tab may ask for it, never a content script or a page outside a tab', () => {
    const check = backgroundSenderChecks['page/describe-structure'];
    expect(check(sidebarSender(), { type: 'page/describe-structure' })).toBe(true);
    expect(check(contentScriptSender(), { type: 'page/describe-structure' })).toBe(false);
    expect(check(sidebarSender({ tab: undefined }), { type: 'page/describe-structure' })).toBe(false);
  });
});

describe.skipIf(!sharedFixturesPresent)('the redacted structure of the real pages', { timeout: SAVED_PAGE_TIMEOUT_MS }, () => {
  it.each([
    ['linkedin-2025-04-profile-eugenemann.html', 'https://www.linkedin.com/in/eugenemann/', ['Eugene', 'eugenemann', 'MavenAGI', 'Boston', 'ACoAA', 'Ben Guo']],
    ['gmail-2025-04-thread-own-reply-last.html', 'https://mail.google.com/mail/u/0/#inbox/196195b51bdb9ff3', ['@', 'PagerDuty', 'substrate', '196195b51bdb9ff3', 'Ben Guo']],
    ['linkedin-2025-04-messaging-thread.html', 'https://www.linkedin.com/messaging/thread/2-ZjQ4/', ['Talha', 'ACoAA', 'Ben Guo']],
  ])('%s: the walk passes the background’s check; the description has no names, addresses or ids', (file, url, secrets) => {
    const skeleton = readPageSkeleton(PAGE_WALK, parsePage(readFileSync(path.join(sharedFixturesDir, 'real', file), 'utf8'), url));
    expect(pageSkeletonSchema.safeParse(skeleton).success).toBe(true);
    const description = describeSkeleton(skeleton);
    expect(description.split('\n').length).toBeGreaterThan(100);
    for (const secret of secrets) expect(description).not.toContain(secret);
  });
});
