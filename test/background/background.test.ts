import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import { openDb } from '../../src/background/background-db';
import { getTabContext, setTabContext } from '../../src/background/tab-contexts';
import { createContactFromPerson } from '../../src/db/contacts-repository';
import type { MessageSender } from '../../src/messaging/senders';
import { contentScriptSender, gmailContext, sidebarSender } from '../messaging/senders-fixtures';

/*
 * The fake's runtime.sendMessage always reports an empty sender, so messages are delivered through
 * onMessage.trigger with the sender the real browser would describe.
 */
async function deliver(raw: unknown, sender: MessageSender): Promise<unknown> {
  let answer: (value: unknown) => void = () => undefined;
  const answered = new Promise((resolve) => {
    answer = resolve;
  });
  const returned: unknown[] = await fakeBrowser.runtime.onMessage.trigger(raw, sender, answer);
  return returned.includes(true) ? answered : undefined;
}

async function storedContexts(): Promise<Record<string, unknown>> {
  return fakeBrowser.storage.session.get(null);
}

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  // WXT's fake browser has no commands API; the shortcut's listener is tested on its own.
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => undefined);
  background.main();
});

describe('background: page/context', () => {
  it("stores a Gmail content script's context for its tab and answers", async () => {
    const response = await deliver({ type: 'page/context', context: gmailContext() }, contentScriptSender());

    expect(response).toEqual({ stored: true });
    expect(await getTabContext(7)).toEqual(gmailContext());
    expect(warn).not.toHaveBeenCalled();
  });

  it('marks the capture from a report finished, for its tab, once it has answered', async () => {
    const before = Date.now();
    await deliver({ type: 'page/context', context: gmailContext() }, contentScriptSender());

    const { 'tabCaptured:7': finished } = await storedContexts();
    expect(finished).toEqual({ url: gmailContext().url, reportedAt: expect.any(Number) });
    expect((finished as { reportedAt: number }).reportedAt).toBeGreaterThanOrEqual(before);
  });

  it.each([
    ['another origin', contentScriptSender({ url: 'https://evil.example/', origin: 'https://evil.example' })],
    ['a sub-frame', contentScriptSender({ frameId: 4 })],
    ['another extension', contentScriptSender({ id: 'other-extension' })],
    ['an extension page', sidebarSender()],
    [
      'a LinkedIn tab claiming a Gmail page',
      contentScriptSender({ url: 'https://www.linkedin.com/feed/', origin: 'https://www.linkedin.com' }),
    ],
  ])('rejects a context from %s: nothing stored, a warning logged', async (_label, sender) => {
    const response = await deliver({ type: 'page/context', context: gmailContext() }, sender);

    expect(response).toBeUndefined();
    expect(await storedContexts()).toEqual({});
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('[margin] rejected message'));
  });

  it('rejects a context whose claimed site or url does not match the sender', async () => {
    const wrongSite = gmailContext({ site: 'linkedin' });
    const wrongUrl = gmailContext({ url: 'https://www.linkedin.com/in/jane-doe/' });

    expect(await deliver({ type: 'page/context', context: wrongSite }, contentScriptSender())).toBeUndefined();
    expect(await deliver({ type: 'page/context', context: wrongUrl }, contentScriptSender())).toBeUndefined();
    expect(await storedContexts()).toEqual({});
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('rejects a malformed message', async () => {
    const response = await deliver({ type: 'page/context', context: { ...gmailContext(), person: 'Jane' } }, contentScriptSender());

    expect(response).toBeUndefined();
    expect(await storedContexts()).toEqual({});
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('[margin] rejected message: malformed'));
  });
});

describe('background: sidebar/get-context', () => {
  beforeEach(async () => {
    const db = openDb();
    await Promise.all(db.tables.map((table) => table.clear()));
  });

  it("answers the sidebar with its own tab's context and what its first screen shows for it", async () => {
    await setTabContext(7, gmailContext());
    await setTabContext(8, gmailContext({ person: null }));

    expect(await deliver({ type: 'sidebar/get-context' }, sidebarSender())).toEqual({
      tabId: 7,
      context: gmailContext(),
      firstScreen: [
        { key: ['own-addresses'], data: [] },
        { key: ['contact-by-identity', { emails: ['jane@acme.com'], linkedinIds: [] }], data: null },
      ],
    });
  });

  it('answers a known person with their contact and latest items, read from the database', async () => {
    const jane = await createContactFromPerson(openDb(), { name: 'Jane Doe', email: 'jane@acme.com' }, Date.now());
    await setTabContext(7, gmailContext());

    const answer = (await deliver({ type: 'sidebar/get-context' }, sidebarSender())) as { firstScreen: Array<{ key: unknown[]; data: unknown }> };

    expect(answer.firstScreen.find((entry) => entry.key[0] === 'contact-by-identity')?.data).toEqual(jane);
    expect(answer.firstScreen.find((entry) => entry.key[0] === 'recent-activity')).toEqual({ key: ['recent-activity', jane.id], data: [] });
  });

  it('answers null, and no first screen, for a tab that reported nothing yet', async () => {
    expect(await deliver({ type: 'sidebar/get-context' }, sidebarSender({ tab: { id: 12 } as MessageSender['tab'] }))).toEqual({
      tabId: 12,
      context: null,
      firstScreen: [],
    });
  });

  it('rejects a content script asking for contexts', async () => {
    await setTabContext(7, gmailContext());

    expect(await deliver({ type: 'sidebar/get-context' }, contentScriptSender())).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('[margin] rejected message: sidebar/get-context'));
  });

  it('rejects an extension page outside any tab', async () => {
    expect(await deliver({ type: 'sidebar/get-context' }, sidebarSender({ tab: undefined }))).toBeUndefined();
  });
});

describe('background: tabs and toolbar button', () => {
  it('forgets the context of a closed tab', async () => {
    await setTabContext(7, gmailContext());
    await setTabContext(8, gmailContext());

    // Triggered directly: the fake's tabs.remove looks up the window by the tab's id and throws.
    await fakeBrowser.tabs.onRemoved.trigger(7, { windowId: 1, isWindowClosing: false });

    await vi.waitFor(async () => expect(await getTabContext(7)).toBeUndefined());
    expect(await getTabContext(8)).toEqual(gmailContext());
  });

  it('opens the dashboard in a new tab from the toolbar button', async () => {
    await fakeBrowser.action.onClicked.trigger({} as Parameters<typeof fakeBrowser.action.onClicked.trigger>[0]);

    await vi.waitFor(async () => {
      const tabs = await fakeBrowser.tabs.query({});
      expect(tabs.map((tab) => tab.url)).toContain('chrome-extension://test-extension-id/dashboard.html');
    });
  });
});
