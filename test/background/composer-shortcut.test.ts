import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openSidebarComposer } from '../../src/background/composer-shortcut';

describe('the "write a note" shortcut', () => {
  it('asks the tab to show its sidebar, then tells that tab’s sidebar to focus the note', async () => {
    const calls: string[] = [];
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (tabId: number, message: unknown) => {
      calls.push(`tab ${tabId}: ${JSON.stringify(message)}`);
      return { revealed: true };
    });
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
      calls.push(`pages: ${JSON.stringify(message)}`);
      return undefined;
    });

    await openSidebarComposer(42);

    expect(calls).toEqual([
      'tab 42: {"type":"sidebar/reveal"}',
      'pages: {"type":"sidebar/focus-composer","tabId":42}',
    ]);
  });
});
