import { browser } from 'wxt/browser';
import { createMessageListener } from '../messaging/listen';
import { backgroundHandlers } from './handlers';
import { backgroundSenderChecks } from './sender-checks';
import { clearTabContext } from './tab-contexts';

/**
 * Wires the background's listeners. Called from `defineBackground`'s main, synchronously on every
 * service-worker start: Chrome only delivers the event that woke the worker to listeners added in
 * its first turn.
 */
export function registerBackground(): void {
  browser.runtime.onMessage.addListener(createMessageListener(backgroundHandlers, backgroundSenderChecks));

  browser.tabs.onRemoved.addListener((tabId) => {
    clearTabContext(tabId).catch((error: unknown) => {
      console.warn(`[margin] could not forget the context of closed tab ${tabId}:`, error);
    });
  });

  // MV3 has `action`; Firefox's MV2 build only has `browserAction`.
  const toolbarButton = browser.action ?? browser.browserAction;
  toolbarButton.onClicked.addListener(() => {
    browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') }).catch((error: unknown) => {
      console.warn('[margin] could not open the dashboard:', error);
    });
  });
}
