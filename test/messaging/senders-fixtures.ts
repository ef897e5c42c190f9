import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageContext } from '../../src/model/page-context';
import type { MessageSender } from '../../src/messaging/senders';

/** Senders as the browser describes them, built from the fake browser's extension id. */

export const GMAIL_THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmvNcLZkWwFbnhKVnqjM';

export function contentScriptSender(overrides: Partial<MessageSender> = {}): MessageSender {
  return {
    id: fakeBrowser.runtime.id,
    tab: { id: 7 } as MessageSender['tab'],
    frameId: 0,
    url: GMAIL_THREAD_URL,
    origin: 'https://mail.google.com',
    ...overrides,
  };
}

export function sidebarSender(overrides: Partial<MessageSender> = {}): MessageSender {
  const url = fakeBrowser.runtime.getURL('/sidebar.html');
  return {
    id: fakeBrowser.runtime.id,
    tab: { id: 7 } as MessageSender['tab'],
    frameId: 3,
    url,
    origin: new URL(url).origin,
    ...overrides,
  };
}

export function gmailContext(overrides: Partial<PageContext> = {}): PageContext {
  return {
    site: 'gmail',
    url: GMAIL_THREAD_URL,
    pageKind: 'gmail-thread',
    person: { name: 'Jane Doe', email: 'jane@acme.com' },
    thread: { id: 'FMfcgzQXJWDsKmvNcLZkWwFbnhKVnqjM', subject: 'Pricing' },
    ...overrides,
  };
}
