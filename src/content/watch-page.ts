import type { ContentScriptContext } from './content-script-context';
import type { PageContext } from '../model/page-context';
import { samePageContext } from '../model/same-page-context';

export type Recogniser = (document: Document, url: URL) => PageContext;

/**
 * Unrelated churn (Gmail rewrites timestamps, counters and lists all the time) is read once it
 * has been quiet for one tick of this length...
 */
export const QUIET_TICK_MS = 150;
/** ...and a page that never stops changing is still read at least this often. */
export const MAX_WAIT_MS = 1_000;
/**
 * After a URL change the page gets this long to show what the URL names; until it does, every
 * animation frame with DOM changes is read (one read per frame, however many changes).
 */
export const NAVIGATION_WINDOW_MS = 3_000;

/**
 * Runs the site's recogniser at start, at once on every SPA navigation, and after DOM changes,
 * and reports the result only when it differs from the last report.
 *
 * Navigation is the moment the user waits for: the URL change is read in the same task, so a
 * page that already shows the thread or profile the URL names is reported at once. When the DOM
 * still shows the previous one (the recogniser's thread-id and slug checks answer `stale-page`,
 * never the old person under the new URL), the next animation frames that change the DOM are
 * read until it catches up.
 *
 * Everything else is cheap by design (sidebars that slowed Gmail did heavy work per mutation):
 * the observer callback sets a flag and arms at most one timer; the recogniser runs once per
 * quiet period; the result is compared field by field, without serialising it.
 */
export function watchPage(
  ctx: ContentScriptContext,
  recognise: Recogniser,
  report: (context: PageContext) => void,
  {
    watchedAttributes,
    document = window.document,
  }: {
    /** Attributes whose change can change who is on the page (the site table's row). */
    watchedAttributes: readonly string[];
    document?: Document;
  },
): void {
  const window = document.defaultView ?? globalThis.window;
  let lastReported: PageContext | undefined;
  /** The URL the last reading was made for. */
  let lastReadUrl = '';
  // The Navigation API's navigate event fires before location.href changes, so the URL it
  // announces wins until the document's own URL catches up.
  let announcedUrl: URL | undefined;

  /** DOM changes since the last read (the only thing the observer callback records). */
  let dirty = false;
  /** DOM changes since the quiet timer was last armed. */
  let changedThisTick = false;
  let quietTimer: number | undefined;
  let firstDirtyAt = 0;
  let frameRequest: number | undefined;
  /** Until when a navigation still waits for the page to show what the URL names (0: none). */
  let awaitingUntil = 0;

  const currentUrl = (): URL => {
    const documentUrl = new URL(document.location.href);
    if (announcedUrl && announcedUrl.href !== documentUrl.href) return announcedUrl;
    announcedUrl = undefined;
    return documentUrl;
  };

  const cancelPending = (): void => {
    if (quietTimer !== undefined) window.clearTimeout(quietTimer);
    if (frameRequest !== undefined) window.cancelAnimationFrame(frameRequest);
    quietTimer = undefined;
    frameRequest = undefined;
  };

  /**
   * Reads the page and reports what changed. A reading made the moment of a navigation, or on
   * the frames after it, that does not show the new page yet is held back: the next frame
   * usually does, and the sidebar is spared a "still loading" flash. The quiet tick reports it.
   */
  const read = (trigger: 'start' | 'navigation' | 'frame' | 'quiet'): void => {
    cancelPending();
    dirty = false;
    if (ctx.isInvalid) return;
    let context: PageContext;
    const url = currentUrl();
    lastReadUrl = url.href;
    try {
      context = recognise(document, url);
    } catch (error) {
      // A recogniser must never break the page; an unreadable page is "nobody here".
      console.warn('[margin] could not read this page', error);
      return;
    }
    const caughtUp = showsWhatTheUrlNames(context);
    if (awaitingUntil !== 0 && (caughtUp || Date.now() > awaitingUntil)) awaitingUntil = 0;
    if (!caughtUp && (trigger === 'navigation' || trigger === 'frame')) {
      armQuietTimer();
      return;
    }
    if (lastReported && samePageContext(context, lastReported)) return;
    lastReported = context;
    report(context);
  };

  const onQuietTick = (): void => {
    quietTimer = undefined;
    if (!dirty) return;
    if (changedThisTick && Date.now() - firstDirtyAt < MAX_WAIT_MS) {
      changedThisTick = false;
      quietTimer = ctx.setTimeout(onQuietTick, QUIET_TICK_MS);
      return;
    }
    read('quiet');
  };

  const armQuietTimer = (): void => {
    dirty = true;
    if (quietTimer !== undefined) return;
    firstDirtyAt = Date.now();
    changedThisTick = false;
    quietTimer = ctx.setTimeout(onQuietTick, QUIET_TICK_MS);
  };

  const onMutations = (): void => {
    // A history navigation no event told of (pushState where the Navigation API is missing,
    // Firefox): the page draws the new URL's content, and this sees the URL with it.
    if (document.location.href !== lastReadUrl && !announcedUrl) {
      onNavigation(new URL(document.location.href));
      return;
    }
    changedThisTick = true;
    // The fallback read, also for hidden tabs where animation frames do not run.
    armQuietTimer();
    if (awaitingUntil !== 0 && frameRequest === undefined) {
      frameRequest = ctx.requestAnimationFrame(() => {
        frameRequest = undefined;
        if (dirty) read('frame');
      });
    }
  };

  const onNavigation = (url: URL): void => {
    // One navigation can be announced twice (the navigate event, then popstate): read it once.
    if (url.href === lastReadUrl) return;
    announcedUrl = url;
    awaitingUntil = Date.now() + NAVIGATION_WINDOW_MS;
    read('navigation');
  };

  const navigation = (window as { navigation?: Navigation }).navigation;
  if (navigation) {
    ctx.addEventListener(navigation, 'navigate', (event) => {
      const destination = (event as NavigateEvent).destination;
      if (destination.sameDocument) onNavigation(new URL(destination.url));
    });
  }
  // Where the Navigation API is missing (Firefox) these two tell of hash and back/forward
  // navigations at once, and a pushState shows with the DOM changes it brings (onMutations).
  const onHistoryEvent = (): void => onNavigation(new URL(document.location.href));
  ctx.addEventListener(window, 'hashchange', onHistoryEvent);
  ctx.addEventListener(window, 'popstate', onHistoryEvent);

  const observer = new MutationObserver(onMutations);
  if (document.body) {
    // Margin's own sidebar lives in a shadow root, which a subtree observer does not see.
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      characterData: true,
      // Identity attributes change in place (a compose chip resolving its address, a thread id
      // swapped on a reused node); other attribute churn (classes, styles) is not watched.
      attributes: true,
      attributeFilter: [...watchedAttributes],
    });
  }
  // The tab's title is one of the signals a profile is read by ("(3) Eugene Mann | LinkedIn"), and
  // LinkedIn updates it after the page: a title change alone must trigger a new reading.
  if (document.head) observer.observe(document.head, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(() => {
    observer.disconnect();
    cancelPending();
  });

  read('start');
}

/**
 * Whether a reading shows the thread or profile the URL names (or a page without one). Until it
 * does, the DOM still shows the previous page (`stale-page`) or has not drawn the new one yet.
 */
function showsWhatTheUrlNames(context: PageContext): boolean {
  // A title that still names the previous person while the page shows the new one disagrees for a moment.
  if (context.noPersonReason === 'stale-page' || context.noPersonReason === 'signals-disagree') return false;
  return !(context.person === null && context.noPersonReason === 'not-found');
}
