import { browser } from 'wxt/browser';
import type { MessageOf } from '../messaging/protocol';

/**
 * The "write a note" shortcut: the tab's content script opens the sidebar if it is collapsed and
 * gives the frame the keyboard, then the sidebar of that tab focuses its Note field.
 */
export async function openSidebarComposer(tabId: number): Promise<void> {
  const reveal: MessageOf<'sidebar/reveal'> = { type: 'sidebar/reveal' };
  await browser.tabs.sendMessage(tabId, reveal);
  const focus: MessageOf<'sidebar/focus-composer'> = { type: 'sidebar/focus-composer', tabId };
  await browser.runtime.sendMessage(focus);
}
