import { browser, type Browser } from 'wxt/browser';
import type { PageContext } from '../model/page-context';
import { originOfSite, siteOfOrigin, type Site } from '../model/sites';

export type MessageSender = Browser.runtime.MessageSender;

/** What a content script claims about its page: the site alone, or the whole context. */
export type PageClaim = Site | Pick<PageContext, 'site' | 'url'>;

/**
 * A content script of this extension, in the top frame of a tab on one of Margin's sites. With a
 * claim, the sender's origin must also be the claimed site's, and a claimed page url must be on
 * that same origin: a script on linkedin.com cannot report a Gmail thread.
 */
export function isOwnContentScript(sender: MessageSender, claim?: PageClaim): boolean {
  if (sender.id !== browser.runtime.id) return false;
  if (sender.tab?.id === undefined || sender.frameId !== 0) return false;
  const origin = senderOrigin(sender);
  if (origin === undefined) return false;
  const site = siteOfOrigin(origin);
  if (site === undefined) return false;
  if (claim === undefined) return true;
  if (typeof claim === 'string') return claim === site;
  return claim.site === site && originOfUrl(claim.url) === originOfSite(site);
}

/** One of this extension's own pages (sidebar, dashboard), wherever it is shown. */
export function isOwnExtensionPage(sender: MessageSender): boolean {
  if (sender.id !== browser.runtime.id || sender.url === undefined) return false;
  return sender.url.startsWith(browser.runtime.getURL('/'));
}

/**
 * The sender's origin from its url; when the browser also reports `origin` (Chrome 80+), both must
 * agree, so an opaque-origin frame (sandboxed, about:blank) does not pass as the site.
 */
function senderOrigin(sender: MessageSender): string | undefined {
  const fromUrl = originOfUrl(sender.url);
  if (fromUrl === undefined) return undefined;
  if (sender.origin !== undefined && sender.origin !== fromUrl) return undefined;
  return fromUrl;
}

function originOfUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
