import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageContext } from '../../src/model/page-context';
import type { MessageSender } from '../../src/messaging/senders';

/** Senders as the browser describes them, built from the fake browser's extension id. */

export const GMAIL_THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmvNcLZkWwFbnhKVnqjM';

/** Fields to change in a sender; a field given as undefined is left out, as the browser leaves it out. */
export type SenderOverrides = { [K in keyof MessageSender]?: MessageSender[K] | undefined };

function withOverrides(sender: MessageSender, overrides: SenderOverrides): MessageSender {
  const merged: Record<string, unknown> = { ...sender, ...overrides };
  for (const [key, value] of Object.entries(merged)) if (value === undefined) delete merged[key];
  return merged as MessageSender;
}

export function contentScriptSender(overrides: SenderOverrides = {}): MessageSender {
  return withOverrides(
    {
      id: fakeBrowser.runtime.id,
      tab: { id: 7 } as NonNullable<MessageSender['tab']>,
      frameId: 0,
      url: GMAIL_THREAD_URL,
      origin: 'https://mail.google.com',
    },
    overrides,
  );
}

export function sidebarSender(overrides: SenderOverrides = {}): MessageSender {
  const url = fakeBrowser.runtime.getURL('/sidebar.html');
  return withOverrides(
    {
      id: fakeBrowser.runtime.id,
      tab: { id: 7 } as NonNullable<MessageSender['tab']>,
      frameId: 3,
      url,
      origin: new URL(url).origin,
    },
    overrides,
  );
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
