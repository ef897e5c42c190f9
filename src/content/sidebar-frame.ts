import { browser, type Browser } from 'wxt/browser';
import type { MessageOf } from '../messaging/protocol';
import type { ContentScriptContext } from './content-script-context';
import {
  COLLAPSE_BELOW_STORAGE_KEY,
  COLLAPSED_STORAGE_KEY,
  DEFAULT_COLLAPSE_BELOW_PX,
  DEFAULT_SIDEBAR_WIDTH_PX,
  WIDTH_STORAGE_KEY,
} from '../settings/sidebar-layout';
import type { PageLayout } from '../model/sites';
import { pageTextRightOf } from './page-text-under';

/**
 * The sidebar's place on the page: a host element with a shadow root that holds the sidebar
 * iframe (an extension page, so the page can neither read nor restyle it), a toggle and a drag
 * handle for its width. Removed by the page, the host puts itself back.
 *
 * The root is closed, so the page's scripts see the host and nothing inside it: not the frame's
 * address, which would tell them the extension's id (issue 13, finding 8). A store install's id
 * is public anyway; what it used to allow (stopping Margin with WXT's "script started" event) no
 * longer exists, since Margin's content scripts have their own context (content-script-context.ts). The end-to-end tests reach the sidebar by its frame's
 * address and the controls through the DevTools protocol (test/e2e/support/margin-on-page.ts).
 *
 * Rather than float over the page, the open sidebar narrows the page by its width, so it hides
 * neither the thread nor Gmail's own right-hand side panel. Collapsed, it is a small tab that
 * narrows the page by the tab's width only. It starts collapsed in a window narrower than the
 * user's "collapse below" width, and on a page whose layout follows the window rather than the
 * space it is given (LinkedIn) it measures: if page text would still lie under it, it narrows,
 * and if even its narrowest width covers text, it collapses. A click on the tab always opens it.
 *
 * Everything is built with DOM APIs and styled through the CSSOM: Gmail enforces Trusted Types
 * and a strict CSP, and both leave these alone.
 */

export const SIDEBAR_HOST_ID = 'margin-root';
export const MIN_SIDEBAR_WIDTH_PX = 280;
export const MAX_SIDEBAR_WIDTH_PX = 640;
export const COLLAPSED_TAB_WIDTH_PX = 28;
/** The page keeps at least this much when the sidebar is dragged wider. */
const MIN_PAGE_WIDTH_PX = 320;
/** One arrow key press on the resize handle. */
const KEYBOARD_STEP_PX = 16;


export interface SidebarFrameOptions {
  layout?: PageLayout;
  /** Whether page text lies right of `left`; measured in the page unless a test says otherwise. */
  textRightOf?: (left: number) => boolean;
}

type SidebarState = 'open' | 'collapsed';
/** Why the sidebar is collapsed, for its tab's tooltip and for tests (`data-collapsed-because`). */
type CollapseReason = 'you' | 'narrow-window' | 'page-does-not-fit';

const TOGGLE_LABEL: Record<SidebarState, string> = {
  open: 'Collapse Margin sidebar',
  collapsed: 'Open Margin sidebar',
};

export function clampSidebarWidth(width: number, windowWidth: number): number {
  const max = Math.max(MIN_SIDEBAR_WIDTH_PX, Math.min(MAX_SIDEBAR_WIDTH_PX, windowWidth - MIN_PAGE_WIDTH_PX));
  return Math.round(Math.min(max, Math.max(MIN_SIDEBAR_WIDTH_PX, width)));
}

/** What was mounted, for tests. */
export interface MountedSidebar {
  host: HTMLElement;
  shadow: ShadowRoot;
}

export function mountSidebarFrame(
  ctx: ContentScriptContext,
  options: SidebarFrameOptions = {},
  document: Document = window.document,
): MountedSidebar {
  const view = document.defaultView ?? window;
  const layout = options.layout ?? 'reflows';
  const textRightOf = options.textRightOf ?? ((left: number) => pageTextRightOf(left, document));
  document.getElementById(SIDEBAR_HOST_ID)?.remove();

  const host = document.createElement('div');
  host.id = SIDEBAR_HOST_ID;
  setStyles(host, {
    position: 'fixed',
    top: '0',
    right: '0',
    height: '100vh',
    'z-index': '2147483646',
    display: 'block',
  });
  const shadow = host.attachShadow({ mode: 'closed' });

  const frame = document.createElement('iframe');
  frame.src = browser.runtime.getURL('/sidebar.html');
  frame.title = 'Margin sidebar';
  // Keep the frame out of the page's referrer and permission reach.
  frame.referrerPolicy = 'no-referrer';
  // Clipboard: the sidebar's "Copy snapshot" button. Nothing else is delegated to the frame.
  frame.allow = 'clipboard-write';
  setStyles(frame, {
    position: 'absolute',
    top: '0',
    right: '0',
    width: '100%',
    height: '100%',
    border: '0',
    'border-left': '1px solid rgba(128,128,128,0.35)',
    'color-scheme': 'normal',
    background: 'Canvas',
  });

  const toggle = document.createElement('button');
  toggle.type = 'button';
  const toggleText = document.createElement('span');
  toggle.append(toggleText);
  setStyles(toggle, {
    position: 'absolute',
    padding: '0',
    'z-index': '2',
    border: '1px solid rgba(128,128,128,0.45)',
    'border-right': '0',
    'border-radius': '8px 0 0 8px',
    background: '#1f6f5c',
    color: '#ffffff',
    font: '600 12px/1 system-ui, sans-serif',
    cursor: 'pointer',
    'letter-spacing': '0.04em',
  });

  // The left edge below the toggle: drag it, or focus it and use the arrow keys.
  const handle = document.createElement('div');
  handle.setAttribute('role', 'separator');
  handle.setAttribute('aria-orientation', 'vertical');
  handle.setAttribute('aria-label', 'Resize Margin sidebar');
  handle.setAttribute('aria-valuemin', String(MIN_SIDEBAR_WIDTH_PX));
  handle.tabIndex = 0;
  handle.title = 'Drag to resize Margin (arrow keys work too)';
  setStyles(handle, {
    position: 'absolute',
    top: '56px',
    bottom: '0',
    left: '-3px',
    width: '8px',
    'z-index': '1',
    cursor: 'col-resize',
    background: 'transparent',
    'touch-action': 'none',
  });

  shadow.append(frame, handle, toggle);
  document.documentElement.append(host);

  const root = document.documentElement;
  const previousMargin = root.style.getPropertyValue('margin-right');
  const previousPriority = root.style.getPropertyPriority('margin-right');

  let preferredWidth = DEFAULT_SIDEBAR_WIDTH_PX;
  let collapseBelow = DEFAULT_COLLAPSE_BELOW_PX;
  let userCollapsed = false;
  // A click on the tab opens the sidebar for this page even where it would start collapsed.
  let openedOnDemand = false;
  let state: SidebarState = 'open';
  let width = preferredWidth;

  const apply = (next: SidebarState, nextWidth: number, reason?: CollapseReason): void => {
    state = next;
    width = nextWidth;
    const open = next === 'open';
    const shown = open ? nextWidth : COLLAPSED_TAB_WIDTH_PX;
    host.dataset.state = next;
    if (reason && !open) host.dataset.collapsedBecause = reason;
    else delete host.dataset.collapsedBecause;
    host.style.setProperty('width', `${shown}px`, 'important');
    frame.style.setProperty('display', open ? 'block' : 'none', 'important');
    handle.style.setProperty('display', open ? 'block' : 'none', 'important');
    handle.setAttribute('aria-valuenow', String(nextWidth));
    handle.setAttribute('aria-valuemax', String(clampSidebarWidth(MAX_SIDEBAR_WIDTH_PX, view.innerWidth)));
    // Open: a slim handle over the sidebar header's left padding (kept free for it).
    // Collapsed: a labelled tab filling the strip the page gave up, so it hides nothing.
    setStyles(
      toggle,
      open
        ? { top: '10px', left: '0', width: '18px', height: '40px', 'writing-mode': 'horizontal-tb', 'font-size': '16px' }
        : { top: '72px', left: '0', width: `${COLLAPSED_TAB_WIDTH_PX}px`, height: '88px', 'writing-mode': 'vertical-rl', 'font-size': '12px' },
    );
    toggleText.textContent = open ? '›' : 'Margin';
    toggle.setAttribute('aria-label', TOGGLE_LABEL[next]);
    toggle.setAttribute('aria-expanded', String(open));
    toggle.title = open ? TOGGLE_LABEL.open : `${TOGGLE_LABEL.collapsed}${reason ? ` (${describeReason(reason, collapseBelow)})` : ''}`;
    root.style.setProperty('margin-right', `${shown}px`, 'important');
  };

  const coversText = (): boolean => layout === 'follows-window' && state === 'open' && textRightOf(view.innerWidth - width);

  /** Works out the state from the user's choices, the window and (where needed) the page. */
  const render = (): void => {
    const fullWidth = clampSidebarWidth(preferredWidth, view.innerWidth);
    if (openedOnDemand) {
      apply('open', fullWidth);
      fitByNarrowing();
      return;
    }
    if (userCollapsed) return apply('collapsed', width, 'you');
    if (view.innerWidth < collapseBelow) return apply('collapsed', width, 'narrow-window');
    apply('open', fullWidth);
    if (!fitByNarrowing()) apply('collapsed', fullWidth, 'page-does-not-fit');
  };

  /** Narrows the open sidebar until no page text is under it; false if even the narrowest does. */
  const fitByNarrowing = (): boolean => {
    if (!coversText()) return true;
    if (width > MIN_SIDEBAR_WIDTH_PX) {
      apply('open', MIN_SIDEBAR_WIDTH_PX);
      if (!coversText()) return true;
    }
    return false;
  };

  toggle.addEventListener('click', () => {
    if (state === 'open') {
      openedOnDemand = false;
      userCollapsed = true;
    } else {
      openedOnDemand = true;
      userCollapsed = false;
    }
    render();
    void browser.storage.local.set({ [COLLAPSED_STORAGE_KEY]: userCollapsed });
  });

  const resizeTo = (requested: number, remember: boolean): void => {
    preferredWidth = clampSidebarWidth(requested, view.innerWidth);
    apply('open', preferredWidth);
    if (remember) void browser.storage.local.set({ [WIDTH_STORAGE_KEY]: preferredWidth });
  };
  handle.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    event.preventDefault();
    handle.setPointerCapture(event.pointerId);
    // The iframe would swallow the moves that leave the handle; capture keeps them here.
    const onMove = (move: PointerEvent): void => resizeTo(view.innerWidth - move.clientX, false);
    const onUp = (up: PointerEvent): void => {
      handle.removeEventListener('pointermove', onMove);
      handle.removeEventListener('pointerup', onUp);
      handle.removeEventListener('pointercancel', onUp);
      resizeTo(view.innerWidth - up.clientX, true);
    };
    handle.addEventListener('pointermove', onMove);
    handle.addEventListener('pointerup', onUp);
    handle.addEventListener('pointercancel', onUp);
  });
  handle.addEventListener('keydown', (event) => {
    const step = event.key === 'ArrowLeft' ? KEYBOARD_STEP_PX : event.key === 'ArrowRight' ? -KEYBOARD_STEP_PX : 0;
    if (!step) return;
    event.preventDefault();
    resizeTo(width + step, true);
  });

  // First use: open. Afterwards: what the user chose last, in any tab.
  render();
  void browser.storage.local.get([COLLAPSED_STORAGE_KEY, WIDTH_STORAGE_KEY, COLLAPSE_BELOW_STORAGE_KEY]).then((stored) => {
    if (!ctx.isValid) return;
    readStored(stored);
    render();
  });
  const readStored = (stored: Record<string, unknown>): void => {
    if (COLLAPSED_STORAGE_KEY in stored) userCollapsed = stored[COLLAPSED_STORAGE_KEY] === true;
    const storedWidth = stored[WIDTH_STORAGE_KEY];
    if (typeof storedWidth === 'number' && Number.isFinite(storedWidth)) preferredWidth = storedWidth;
    const storedBelow = stored[COLLAPSE_BELOW_STORAGE_KEY];
    if (typeof storedBelow === 'number' && Number.isFinite(storedBelow) && storedBelow >= 0) collapseBelow = storedBelow;
  };
  const onStorageChanged = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area !== 'local') return;
    const relevant = [COLLAPSED_STORAGE_KEY, WIDTH_STORAGE_KEY, COLLAPSE_BELOW_STORAGE_KEY].filter((key) => key in changes);
    if (relevant.length === 0) return;
    readStored(Object.fromEntries(relevant.map((key) => [key, changes[key]?.newValue])));
    // Collapsing it in any tab collapses it here too (our own "open" echoes back: no change).
    if (changes[COLLAPSED_STORAGE_KEY]?.newValue === true) openedOnDemand = false;
    render();
  };
  browser.storage.onChanged.addListener(onStorageChanged);

  // A new window size: decide again from the user's choices.
  let resizeTimer: ReturnType<typeof setTimeout> | undefined;
  const onWindowResize = (): void => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(render, 150);
  };
  view.addEventListener('resize', onWindowResize);
  // Content that arrives later (a single-page navigation, a lazy card) can reach under the
  // sidebar: check again when the page's size changes, stepping down only if it does.
  let pageObserver: ResizeObserver | undefined;
  if (layout === 'follows-window' && typeof ResizeObserver === 'function' && document.body) {
    let checkTimer: ReturnType<typeof setTimeout> | undefined;
    pageObserver = new ResizeObserver(() => {
      clearTimeout(checkTimer);
      checkTimer = setTimeout(() => {
        if (coversText()) render();
      }, 200);
    });
    pageObserver.observe(document.body);
  }

  // The "write a note" shortcut: the background asks this tab to show the sidebar and focus it.
  const onMessage = (message: unknown, sender: Browser.runtime.MessageSender, sendResponse: (response: unknown) => void): undefined => {
    if (!isRevealRequest(message) || sender.id !== browser.runtime.id || sender.tab !== undefined) return undefined;
    if (state !== 'open') {
      openedOnDemand = true;
      if (userCollapsed) {
        userCollapsed = false;
        void browser.storage.local.set({ [COLLAPSED_STORAGE_KEY]: false });
      }
      render();
    }
    frame.focus();
    sendResponse({ revealed: true });
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);

  // Removed by the page (its script, or a framework re-rendering the document), the sidebar comes
  // back at once. Not once the extension is gone (reloaded, updated, removed: the context is invalid
  // then): a newer copy of this script mounts its own, so the sidebar comes back once, never twice.
  const comeBack = new MutationObserver(() => {
    if (host.isConnected || ctx.isInvalid || document.getElementById(SIDEBAR_HOST_ID)) return;
    document.documentElement.append(host);
    apply(state, width, host.dataset.collapsedBecause as CollapseReason | undefined);
  });
  comeBack.observe(document.documentElement, { childList: true });

  ctx.onInvalidated(() => {
    comeBack.disconnect();
    browser.runtime.onMessage.removeListener(onMessage);
    browser.storage.onChanged.removeListener(onStorageChanged);
    view.removeEventListener('resize', onWindowResize);
    clearTimeout(resizeTimer);
    pageObserver?.disconnect();
    host.remove();
    // A newer copy already mounted its own sidebar: its page width stays.
    if (!document.getElementById(SIDEBAR_HOST_ID)) root.style.setProperty('margin-right', previousMargin, previousPriority);
  });
  return { host, shadow };
}

function describeReason(reason: CollapseReason, collapseBelow: number): string {
  if (reason === 'narrow-window') return `this window is narrower than ${collapseBelow.toLocaleString('en')} px`;
  if (reason === 'page-does-not-fit') return 'this page keeps its width, so Margin would cover it';
  return 'you collapsed it';
}

/** Content scripts carry no zod: this one message has no payload, so its type is all to check. */
function isRevealRequest(message: unknown): boolean {
  const reveal: Pick<MessageOf<'sidebar/reveal'>, 'type'> = { type: 'sidebar/reveal' };
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === reveal.type;
}

function setStyles(element: HTMLElement, styles: Record<string, string>): void {
  for (const [property, value] of Object.entries(styles)) {
    element.style.setProperty(property, value, 'important');
  }
}
