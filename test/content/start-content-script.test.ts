import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from '../../src/content/content-script-context';
import { SIDEBAR_HOST_ID } from '../../src/content/sidebar-frame';
import { startContentScript } from '../../src/content/start-content-script';
import type { PageContext } from '../../src/model/page-context';

const nobody = (): PageContext => ({ site: 'gmail', url: 'https://mail.google.com/mail/u/0/#inbox', pageKind: 'gmail-list', person: null });

/** The event WXT's own context listens for to stop an older copy of a content script (its id, the script's name). */
function scriptStartedEventType(name: string): string {
  return `${fakeBrowser.runtime.id}:${name}:wxt:content-script-started`;
}

async function flush(): Promise<void> {
  for (let index = 0; index < 5; index += 1) await Promise.resolve();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('the page cannot switch Margin off (issue 13, finding 8)', () => {
  afterEach(() => {
    document.getElementById(SIDEBAR_HOST_ID)?.remove();
    vi.restoreAllMocks();
  });

  it('a forged "content script started" event leaves one sidebar on the page', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
    const ctx = new ContentScriptContext('gmail');
    startContentScript(ctx, 'gmail', nobody);
    const type = scriptStartedEventType('gmail');

    // What the Gmail page's own script can do once it knows the extension id.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'gmail', messageId: `forged-${attempt}` } }));
      await flush();
      expect(document.querySelectorAll(`#${SIDEBAR_HOST_ID}`), `after forgery ${attempt + 1}`).toHaveLength(1);
    }
    expect(ctx.isValid, 'Margin’s context ends only with the extension').toBe(true);
  });

  it('once the extension itself is gone, the script stops for good', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
    const ctx = new ContentScriptContext('gmail');
    startContentScript(ctx, 'gmail', nobody);
    vi.spyOn(fakeBrowser.runtime, 'id', 'get').mockReturnValue(undefined as never);
    expect(ctx.isValid).toBe(false);
    await flush();
    expect(document.getElementById(SIDEBAR_HOST_ID)).toBeNull();
  });
});
