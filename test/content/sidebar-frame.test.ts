import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  COLLAPSED_STORAGE_KEY,
  COLLAPSED_TAB_WIDTH_PX,
  mountSidebarFrame,
  type MountedSidebar,
  SIDEBAR_HOST_ID,
  SIDEBAR_WIDTH_PX,
} from '../../src/content/sidebar-frame';

function host(): HTMLElement {
  const element = document.getElementById(SIDEBAR_HOST_ID);
  if (!element) throw new Error('no sidebar host on the page');
  return element;
}

let mounted: MountedSidebar | undefined;
function mount(ctx: ContentScriptContext): MountedSidebar {
  mounted = mountSidebarFrame(ctx);
  return mounted;
}

function toggle(): HTMLButtonElement {
  const button = mounted?.shadow.querySelector('button');
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
    // happy-dom does not load iframes and says so on console.error; the frame's src is what counts here.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => ctx.abort());

  it('puts the sidebar page in an iframe inside a shadow root, open on first use', async () => {
    const { shadow } = mount(ctx);
    await flush();
    const frame = shadow.querySelector('iframe');
    expect(frame?.getAttribute('src')).toContain('sidebar.html');
    expect(frame?.title).toBe('Margin sidebar');
    expect(host().dataset.state).toBe('open');
    expect(toggle().getAttribute('aria-label')).toBe('Collapse Margin sidebar');
  });

  it('narrows the page by its width instead of covering it', () => {
    mount(ctx);
    expect(document.documentElement.style.getPropertyValue('margin-right')).toBe(`${SIDEBAR_WIDTH_PX}px`);
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
    expect(document.documentElement.style.getPropertyValue('margin-right')).toBe(`${SIDEBAR_WIDTH_PX}px`);
    newerCtx.abort();
  });
});
