import { browser } from 'wxt/browser';
import type { Message } from '../messaging/protocol';
import type { PageContext } from '../model/page-context';

/**
 * Tells the extension what the page shows. The background keeps it for the tab; the sidebar in
 * this tab receives it too. Both validate it: nothing the page says is trusted.
 */
export async function reportPageContext(context: PageContext): Promise<void> {
  const message: Message = { type: 'page/context', context };
  try {
    // Chrome's own API (content scripts carry no polyfill, see wxt.config.ts) throws rather than
    // rejects when the extension was reloaded under the page: both end here.
    await browser.runtime.sendMessage(message);
  } catch (error) {
    // The extension was reloaded or updated under this page: nothing to tell any more.
    console.debug('[margin] could not report the page context', error);
  }
}
