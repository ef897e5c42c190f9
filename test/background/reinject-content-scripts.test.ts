import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser, type Browser } from 'wxt/browser';
import { reinjectContentScripts } from '../../src/background/reinject-content-scripts';

const MANIFEST = {
  content_scripts: [
    { matches: ['https://mail.google.com/*'], js: ['content-scripts/gmail.js'] },
    { matches: ['https://www.linkedin.com/*'], js: ['content-scripts/linkedin.js'] },
  ],
} as unknown as Browser.runtime.Manifest;

function tabsOn(url: string, ids: number[]): Browser.tabs.Tab[] {
  return ids.map((id) => ({ id, url, discarded: false }) as Browser.tabs.Tab);
}

describe('after an install, update or reload (issue 13 fault suite)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('puts each site’s content script into its open tabs once, retrying a tab Chrome refuses for a moment', async () => {
    vi.spyOn(browser.runtime, 'getManifest').mockReturnValue(MANIFEST);
    vi.spyOn(browser.tabs, 'query').mockImplementation((async (query: { url: string[] }) =>
      query.url[0]!.includes('mail.google.com') ? tabsOn('https://mail.google.com/mail/u/0/', [1, 2]) : tabsOn('https://www.linkedin.com/in/x/', [3])) as never);
    let refusals = 1;
    const injected: Array<[number, string[]]> = [];
    (browser as unknown as { scripting: unknown }).scripting = {
      executeScript: vi.fn(async ({ target, files }: { target: { tabId: number }; files: string[] }) => {
        if (target.tabId === 2 && refusals-- > 0) throw new Error('Cannot access contents of the page.');
        injected.push([target.tabId, files]);
        return [];
      }),
    };
    const waits: number[] = [];
    await reinjectContentScripts(async (ms) => void waits.push(ms));
    expect(injected).toEqual([
      [1, ['content-scripts/gmail.js']],
      [3, ['content-scripts/linkedin.js']],
      [2, ['content-scripts/gmail.js']],
    ]);
    expect(waits).toEqual([1_000]);
  });
});
