import { browser } from 'wxt/browser';
import type { Message } from '../messaging/protocol';
import type { PageContext } from '../page-context/page-context';

/**
 * Tells the extension what the page shows. The background keeps it for the tab; the sidebar in
 * this tab receives it too. Both validate it: nothing the page says is trusted.
 */
export function reportPageContext(context: PageContext): void {
  const message: Message = { type: 'page/context', context };
  browser.runtime.sendMessage(message).catch((error: unknown) => {
    // The extension was reloaded or updated under this page: nothing to tell any more.
    console.debug('[margin] could not report the page context', error);
  });
}
