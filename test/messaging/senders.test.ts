import { describe, expect, it } from 'vitest';
import { isOwnContentScript, isOwnExtensionPage } from '../../src/messaging/senders';
import { contentScriptSender, gmailContext, sidebarSender } from './senders-fixtures';

describe('isOwnContentScript', () => {
  it("accepts this extension's script in the top frame of a Gmail or LinkedIn tab", () => {
    expect(isOwnContentScript(contentScriptSender())).toBe(true);
    expect(isOwnContentScript(contentScriptSender(), 'gmail')).toBe(true);
    expect(isOwnContentScript(contentScriptSender(), gmailContext())).toBe(true);
    expect(
      isOwnContentScript(
        contentScriptSender({ url: 'https://www.linkedin.com/in/jane-doe/', origin: 'https://www.linkedin.com' }),
        'linkedin',
      ),
    ).toBe(true);
  });

  it.each([
    ['another extension', { id: 'someone-else' }],
    ['no tab', { tab: undefined }],
    ['a sub-frame', { frameId: 2 }],
    ['another origin', { url: 'https://evil.example/mail.google.com', origin: 'https://evil.example' }],
    ['http instead of https', { url: 'http://mail.google.com/mail/u/0/', origin: 'http://mail.google.com' }],
    ['an opaque origin', { origin: 'null' }],
    ['no url', { url: undefined }],
    ['an unparsable url', { url: 'not a url', origin: undefined }],
  ])('refuses %s', (_label, overrides) => {
    expect(isOwnContentScript(contentScriptSender(overrides))).toBe(false);
  });

  it('refuses a claim about another site or another origin', () => {
    expect(isOwnContentScript(contentScriptSender(), 'linkedin')).toBe(false);
    expect(isOwnContentScript(contentScriptSender(), gmailContext({ site: 'linkedin' }))).toBe(false);
    expect(
      isOwnContentScript(contentScriptSender(), gmailContext({ url: 'https://www.linkedin.com/in/jane-doe/' })),
    ).toBe(false);
  });

  it('refuses an extension page', () => {
    expect(isOwnContentScript(sidebarSender({ frameId: 0 }))).toBe(false);
  });
});

describe('isOwnExtensionPage', () => {
  it("accepts this extension's pages", () => {
    expect(isOwnExtensionPage(sidebarSender())).toBe(true);
  });

  it.each([
    ['a content script', contentScriptSender()],
    ['another extension', sidebarSender({ id: 'someone-else', url: 'chrome-extension://someone-else/sidebar.html' })],
    ['a page of another extension claiming our id', sidebarSender({ url: 'chrome-extension://someone-else/sidebar.html' })],
    ['no url', sidebarSender({ url: undefined })],
  ])('refuses %s', (_label, sender) => {
    expect(isOwnExtensionPage(sender)).toBe(false);
  });
});
