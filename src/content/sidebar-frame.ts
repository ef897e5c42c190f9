import { browser, type Browser } from 'wxt/browser';
import type { MessageOf } from '../messaging/protocol';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * The sidebar's place on the page: a host element with a shadow root that holds the sidebar
 * iframe (an extension page, so the page can neither read nor restyle it) and a toggle. Removed
 * by the page, the host puts itself back.
 *
 * The root stays open: Playwright, which the end-to-end suite drives the sidebar with, cannot
 * reach into a closed one. The page can therefore read the extension's id from the frame's
 * address; what that id used to allow (stopping Margin with WXT's "script started" event) is
 * handled in startContentScript.
 *
 * Rather than float over the page, the open sidebar narrows the page by its width, so it hides
 * neither the thread nor Gmail's own right-hand side panel. Collapsed, it is a small tab that
 * narrows the page by the tab's width only. Everything is built with DOM APIs and styled through
 * the CSSOM: Gmail enforces Trusted Types and a strict CSP, and both leave these alone.
 */

export const SIDEBAR_HOST_ID = 'margin-root';
export const SIDEBAR_WIDTH_PX = 360;
export const COLLAPSED_TAB_WIDTH_PX = 28;
/** Remembered across pages and tabs in the extension's own storage, never the page's. */
export const COLLAPSED_STORAGE_KEY = 'sidebar.collapsed';

type SidebarState = 'open' | 'collapsed';

const TOGGLE_LABEL: Record<SidebarState, string> = {
  open: 'Collapse Margin sidebar',
  collapsed: 'Open Margin sidebar',
};

/** What was mounted, for tests. */
export interface MountedSidebar {
  host: HTMLElement;
  shadow: ShadowRoot;
}

export function mountSidebarFrame(ctx: ContentScriptContext, document: Document = window.document): MountedSidebar {
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
  const shadow = host.attachShadow({ mode: 'open' });

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
    width: `${SIDEBAR_WIDTH_PX}px`,
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
    'z-index': '1',
    border: '1px solid rgba(128,128,128,0.45)',
    'border-right': '0',
    'border-radius': '8px 0 0 8px',
    background: '#1f6f5c',
    color: '#ffffff',
    font: '600 12px/1 system-ui, sans-serif',
    cursor: 'pointer',
    'letter-spacing': '0.04em',
  });

  shadow.append(frame, toggle);
  document.documentElement.append(host);

  const root = document.documentElement;
  const previousMargin = root.style.getPropertyValue('margin-right');
  const previousPriority = root.style.getPropertyPriority('margin-right');

  let state: SidebarState = 'open';
  const render = (next: SidebarState): void => {
    state = next;
    const open = next === 'open';
    const width = open ? SIDEBAR_WIDTH_PX : COLLAPSED_TAB_WIDTH_PX;
    host.dataset.state = next;
    host.style.setProperty('width', `${width}px`, 'important');
    frame.style.setProperty('display', open ? 'block' : 'none', 'important');
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
    toggle.title = TOGGLE_LABEL[next];
    root.style.setProperty('margin-right', `${width}px`, 'important');
  };

  toggle.addEventListener('click', () => {
    const next: SidebarState = state === 'open' ? 'collapsed' : 'open';
    render(next);
    void browser.storage.local.set({ [COLLAPSED_STORAGE_KEY]: next === 'collapsed' });
  });

  // First use: open. Afterwards: what the user chose last, in any tab.
  render('open');
  void browser.storage.local.get(COLLAPSED_STORAGE_KEY).then((stored) => {
    if (ctx.isValid && stored[COLLAPSED_STORAGE_KEY] === true) render('collapsed');
  });
  const onStorageChanged = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    const change = changes[COLLAPSED_STORAGE_KEY];
    if (area !== 'local' || !change) return;
    render(change.newValue === true ? 'collapsed' : 'open');
  };
  browser.storage.onChanged.addListener(onStorageChanged);

  // The "write a note" shortcut: the background asks this tab to show the sidebar and focus it.
  const onMessage = (message: unknown, sender: Browser.runtime.MessageSender, sendResponse: (response: unknown) => void): undefined => {
    if (!isRevealRequest(message) || sender.id !== browser.runtime.id || sender.tab !== undefined) return undefined;
    if (state !== 'open') {
      render('open');
      void browser.storage.local.set({ [COLLAPSED_STORAGE_KEY]: false });
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
    render(state);
  });
  comeBack.observe(document.documentElement, { childList: true });

  ctx.onInvalidated(() => {
    comeBack.disconnect();
    browser.runtime.onMessage.removeListener(onMessage);
    browser.storage.onChanged.removeListener(onStorageChanged);
    host.remove();
    // A newer copy already mounted its own sidebar: its page width stays.
    if (!document.getElementById(SIDEBAR_HOST_ID)) root.style.setProperty('margin-right', previousMargin, previousPriority);
  });
  return { host, shadow };
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
