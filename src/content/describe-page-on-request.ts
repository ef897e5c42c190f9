import { browser, type Browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { MessageOf } from '../messaging/protocol';
import { readPageSkeleton, type PageSkeleton } from '../sites/page-skeleton';
import { SIDEBAR_HOST_ID } from './sidebar-frame';

/**
 * Answers the background's request for this page's structure (the sidebar's "Copy a description
 * of this page"). Only the background may ask (a message from this extension that comes from no
 * tab), and only then is the page walked. The walk is all this script does: the background parses
 * the answer with zod and redacts it (src/sites/page-structure.ts), which keeps this script small.
 * Content scripts carry no zod: the request has no payload, so its type is all there is to check.
 */
export function answerStructureRequests(ctx: ContentScriptContext): void {
  const request: MessageOf<'page/describe-structure'>['type'] = 'page/describe-structure';
  const onMessage = (message: unknown, sender: Browser.runtime.MessageSender, sendResponse: (response: unknown) => void): undefined => {
    if (typeof message !== 'object' || message === null || (message as { type?: unknown }).type !== request) return undefined;
    if (sender.id !== browser.runtime.id || sender.tab !== undefined) return undefined;
    const skeleton: PageSkeleton = readPageSkeleton(document, (element) => element.id === SIDEBAR_HOST_ID);
    sendResponse(skeleton);
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}
