import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from '../../src/content/content-script-context';
import { COLLAPSED_TAB_WIDTH_PX, MIN_SIDEBAR_WIDTH_PX, mountSidebarFrame, SIDEBAR_HOST_ID } from '../../src/content/sidebar-frame';
import {
  COLLAPSE_BELOW_STORAGE_KEY,
  COLLAPSED_STORAGE_KEY,
  DEFAULT_SIDEBAR_WIDTH_PX,
  WIDTH_STORAGE_KEY,
} from '../../src/settings/sidebar-layout';

function setWindowWidth(width: number): void {
  Object.defineProperty(window, 'innerWidth', { value: width, configurable: true });
}

function marginRight(): string {
  return document.documentElement.style.getPropertyValue('margin-right');
}

function resizeHandle(): HTMLElement {
  const element = shadow().querySelector<HTMLElement>('[role="separator"]');
  if (!element) throw new Error('no resize handle in the sidebar host');
  return element;
}

let lastShadow: ShadowRoot | undefined;

/** Mounts the sidebar and keeps its shadow root: closed, it is reachable only through what mounting returns. */
function mount(...args: Parameters<typeof mountSidebarFrame>): ReturnType<typeof mountSidebarFrame> {
  const mounted = mountSidebarFrame(...args);
  lastShadow = mounted.shadow;
  return mounted;
}

function shadow(): ShadowRoot {
  if (!lastShadow) throw new Error('the sidebar was not mounted');
  return lastShadow;
}

function host(): HTMLElement {
  const element = document.getElementById(SIDEBAR_HOST_ID);
  if (!element) throw new Error('no sidebar host on the page');
  return element;
}

function toggle(): HTMLButtonElement {
  const button = shadow().querySelector('button');
  if (!button) throw new Error('no toggle in the sidebar host');
  return button;
}

async function flush(): Promise<void> {
  for (let index = 0; index < 5; index += 1) await Promise.resolve();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('mountSidebarFrame', () => {
  let ctx: ContentScriptContext;
  beforeEach(() => {
    ctx = new ContentScriptContext('test');
    document.documentElement.style.removeProperty('margin-right');
    setWindowWidth(1440);
    // happy-dom does not load iframes and says so on console.error; the frame's src is what counts here.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => ctx.abort());

  it('puts the sidebar page in an iframe inside a closed shadow root, open on first use', async () => {
    mount(ctx);
    await flush();
    // The page's scripts see the host and nothing inside it (issue 13, finding 8).
    expect(host().shadowRoot).toBeNull();
    const frame = shadow().querySelector('iframe');
    expect(frame?.getAttribute('src')).toContain('sidebar.html');
    expect(frame?.title).toBe('Margin sidebar');
    expect(host().dataset.state).toBe('open');
    expect(toggle().getAttribute('aria-label')).toBe('Collapse Margin sidebar');
  });

  it('narrows the page by its width instead of covering it', () => {
    mount(ctx);
    expect(document.documentElement.style.getPropertyValue('margin-right')).toBe(`${DEFAULT_SIDEBAR_WIDTH_PX}px`);
  });

  it('collapses to a small tab, remembers it, and reopens', async () => {
    mount(ctx);
    toggle().click();
    expect(host().dataset.state).toBe('collapsed');
    expect(toggle().getAttribute('aria-label')).toBe('Open Margin sidebar');
    expect(document.documentElement.style.getPropertyValue('margin-right')).toBe(`${COLLAPSED_TAB_WIDTH_PX}px`);
    await flush();
    expect(await fakeBrowser.storage.local.get(COLLAPSED_STORAGE_KEY)).toEqual({ [COLLAPSED_STORAGE_KEY]: true });

    // The next page (a reload, another tab) starts collapsed.
    ctx.abort();
    ctx = new ContentScriptContext('test');
    mount(ctx);
    await flush();
    expect(host().dataset.state).toBe('collapsed');

    toggle().click();
    expect(host().dataset.state).toBe('open');
  });

  it('follows a choice made in another tab', async () => {
    mount(ctx);
    await fakeBrowser.storage.local.set({ [COLLAPSED_STORAGE_KEY]: true });
    await flush();
    expect(host().dataset.state).toBe('collapsed');
  });

  it('removes itself and gives the page its width back when the extension goes away', () => {
    document.documentElement.style.setProperty('margin-right', '5px');
    mount(ctx);
    ctx.abort();
    expect(document.getElementById(SIDEBAR_HOST_ID)).toBeNull();
    expect(document.documentElement.style.getPropertyValue('margin-right')).toBe('5px');
  });

  it('opens when the background relays the shortcut, and ignores the same request from anyone else', async () => {
    await fakeBrowser.storage.local.set({ [COLLAPSED_STORAGE_KEY]: true });
    mount(ctx);
    await flush();
    expect(host().dataset.state).toBe('collapsed');

    const answer = vi.fn();
    // A content script or page in some tab cannot open it: messages from tabs carry `tab`.
    await fakeBrowser.runtime.onMessage.trigger({ type: 'sidebar/reveal' }, { id: fakeBrowser.runtime.id, tab: { id: 3 } as Browser.tabs.Tab }, answer);
    expect(host().dataset.state).toBe('collapsed');
    await fakeBrowser.runtime.onMessage.trigger({ type: 'sidebar/reveal' }, { id: 'another-extension' }, answer);
    expect(host().dataset.state).toBe('collapsed');

    await fakeBrowser.runtime.onMessage.trigger({ type: 'sidebar/reveal' }, { id: fakeBrowser.runtime.id }, answer);
    expect(host().dataset.state).toBe('open');
    expect(answer).toHaveBeenCalledWith({ revealed: true });
  });
  it('starts collapsed in a window narrower than the user\'s width, and opens on demand', async () => {
    setWindowWidth(1024);
    mount(ctx);
    await flush();
    expect(host().dataset.state).toBe('collapsed');
    expect(host().dataset.collapsedBecause).toBe('narrow-window');
    expect(marginRight()).toBe(`${COLLAPSED_TAB_WIDTH_PX}px`);
    expect(toggle().title).toContain('narrower than 1,200 px');

    toggle().click();
    expect(host().dataset.state).toBe('open');
    // Opening it here is not a wish to have it open in every narrow window.
    ctx.abort();
    ctx = new ContentScriptContext('test');
    mount(ctx);
    await flush();
    expect(host().dataset.state).toBe('collapsed');
  });

  it('takes the collapse width from the options page, at once', async () => {
    setWindowWidth(1024);
    await fakeBrowser.storage.local.set({ [COLLAPSE_BELOW_STORAGE_KEY]: 900 });
    mount(ctx);
    await flush();
    expect(host().dataset.state).toBe('open');
    await fakeBrowser.storage.local.set({ [COLLAPSE_BELOW_STORAGE_KEY]: 1_100 });
    await flush();
    expect(host().dataset.state).toBe('collapsed');
  });

  it('is resized from the keyboard on its edge, within limits, and remembers the width', async () => {
    mount(ctx);
    await flush();
    resizeHandle().dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    expect(marginRight()).toBe(`${DEFAULT_SIDEBAR_WIDTH_PX + 16}px`);
    await flush();
    expect(await fakeBrowser.storage.local.get(WIDTH_STORAGE_KEY)).toEqual({ [WIDTH_STORAGE_KEY]: DEFAULT_SIDEBAR_WIDTH_PX + 16 });
    for (let press = 0; press < 20; press += 1) resizeHandle().dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    expect(marginRight()).toBe(`${MIN_SIDEBAR_WIDTH_PX}px`);
    expect(resizeHandle().getAttribute('aria-valuenow')).toBe(String(MIN_SIDEBAR_WIDTH_PX));

    ctx.abort();
    ctx = new ContentScriptContext('test');
    await fakeBrowser.storage.local.set({ [WIDTH_STORAGE_KEY]: 500 });
    mount(ctx);
    await flush();
    expect(marginRight()).toBe('500px');
  });

  it('on a page that keeps its width, narrows until no text is under it, or collapses', async () => {
    // A page whose text ends 1,100 px from the left: the default 360 px covers it, 280 px does not.
    const textEnd = { right: 1_100 };
    const textRightOf = (left: number) => textEnd.right > left;
    mount(ctx, { layout: 'follows-window', textRightOf });
    await flush();
    expect(host().dataset.state).toBe('open');
    expect(marginRight()).toBe(`${MIN_SIDEBAR_WIDTH_PX}px`);

    textEnd.right = 1_300;
    ctx.abort();
    ctx = new ContentScriptContext('test');
    mount(ctx, { layout: 'follows-window', textRightOf });
    await flush();
    expect(host().dataset.state).toBe('collapsed');
    expect(host().dataset.collapsedBecause).toBe('page-does-not-fit');
  });

  it('never measures a page that reflows', async () => {
    const textRightOf = vi.fn(() => true);
    mount(ctx, { layout: 'reflows', textRightOf });
    await flush();
    expect(host().dataset.state).toBe('open');
    expect(textRightOf).not.toHaveBeenCalled();
  });
  it('comes back when the page removes it, with its state and the page width (issue 13, finding 8)', async () => {
    mount(ctx);
    toggle().click();
    host().remove();
    await flush();
    expect(host().dataset.state).toBe('collapsed');
    expect(document.querySelectorAll(`#${SIDEBAR_HOST_ID}`)).toHaveLength(1);
    expect(document.documentElement.style.getPropertyValue('margin-right')).toBe(`${COLLAPSED_TAB_WIDTH_PX}px`);
  });

  it('does not come back once the extension is gone, and leaves a newer copy’s sidebar and width alone', async () => {
    const older = mount(ctx);
    const newerCtx = new ContentScriptContext('test');
    const newer = mount(newerCtx); // a newer copy after a reload replaces the older host
    ctx.abort();
    await flush();
    expect(older.host.isConnected).toBe(false);
    expect(document.querySelectorAll(`#${SIDEBAR_HOST_ID}`)).toHaveLength(1);
    expect(host()).toBe(newer.host);
    expect(document.documentElement.style.getPropertyValue('margin-right')).toBe(`${DEFAULT_SIDEBAR_WIDTH_PX}px`);
    newerCtx.abort();
  });
});
