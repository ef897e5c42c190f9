import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageContext } from '../page-context/page-context';

export type Recogniser = (document: Document, url: URL) => PageContext;

/** Attributes whose change can change who is on the page. */
const WATCHED_ATTRIBUTES = ['email', 'data-hovercard-id', 'data-name', 'data-thread-perm-id', 'data-legacy-thread-id', 'href'];

/** Quiet time after the last relevant DOM change before the page is read again. */
const SETTLE_MS = 200;
/** A page that never stops changing is still read at least this often. */
const MAX_WAIT_MS = 1_000;

/**
 * Runs the site's recogniser when the page first settles, after every SPA navigation and after
 * DOM changes, and reports the result only when it differs from the last report.
 *
 * Cheap by design (sidebars that slowed Gmail did heavy work per mutation): the observer
 * callback only arms a timer; the recogniser runs once per quiet period; mutations inside
 * Margin's own host element are ignored.
 */
export function watchPage(
  ctx: ContentScriptContext,
  recognise: Recogniser,
  report: (context: PageContext) => void,
  document: Document = window.document,
): void {
  let lastReported = '';
  let settleTimer: number | undefined;
  let firstPendingAt: number | undefined;
  // wxt:locationchange fires before location.href changes, so the URL it announces wins until
  // the document's own URL catches up.
  let announcedUrl: URL | undefined;

  const currentUrl = (): URL => {
    const documentUrl = new URL(document.location.href);
    if (announcedUrl && announcedUrl.href !== documentUrl.href) return announcedUrl;
    announcedUrl = undefined;
    return documentUrl;
  };

  const run = (): void => {
    settleTimer = undefined;
    firstPendingAt = undefined;
    if (ctx.isInvalid) return;
    let context: PageContext;
    try {
      context = recognise(document, currentUrl());
    } catch (error) {
      // A recogniser must never break the page; an unreadable page is "nobody here".
      console.warn('[margin] could not read this page', error);
      return;
    }
    const key = JSON.stringify(context);
    if (key === lastReported) return;
    lastReported = key;
    report(context);
  };

  const schedule = (): void => {
    const now = Date.now();
    firstPendingAt ??= now;
    if (settleTimer !== undefined) window.clearTimeout(settleTimer);
    const waitedSoFar = now - firstPendingAt;
    settleTimer = ctx.setTimeout(run, Math.max(0, Math.min(SETTLE_MS, MAX_WAIT_MS - waitedSoFar)));
  };

  ctx.addEventListener(window, 'wxt:locationchange', (event) => {
    announcedUrl = event.newUrl;
    schedule();
  });

  const observer = new MutationObserver((records) => {
    if (records.some((record) => !isInsideMargin(record.target))) schedule();
  });
  if (document.body) {
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      characterData: true,
      // Identity attributes change in place (a compose chip resolving its address, a thread id
      // swapped on a reused node); other attribute churn (classes, styles) is not watched.
      attributes: true,
      attributeFilter: WATCHED_ATTRIBUTES,
    });
  }
  ctx.onInvalidated(() => observer.disconnect());

  run();
}

function isInsideMargin(node: Node): boolean {
  const element = node instanceof Element ? node : node.parentElement;
  return Boolean(element?.closest('#margin-root'));
}
