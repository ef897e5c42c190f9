import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { fromRepoRoot } from '../../e2e/support/repo-root';
import { SCREENSHOT_DIR } from '../../e2e/support/screenshots';

/**
 * Firefox lists the sidebar's moz-extension:// frame with the address about:blank, yet code
 * evaluated in it runs in the sidebar document: the frame is found by asking each one where it is.
 */
export async function sidebarFrameIn(page: Page, timeoutMs = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.mainFrame().childFrames()) {
      const href = await frame.evaluate(() => location.href).catch(() => '');
      if (href.includes('/sidebar.html')) return frame;
    }
    if (Date.now() > deadline) throw new Error(`No Margin sidebar frame on ${page.url()} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** What a person reads in the sidebar: the name at its top and the text of one headed section. */
export interface SidebarView {
  /** The level-1 heading: the person the sidebar is about, or a "nobody" message. */
  heading: string;
  /** The visible text of the section headed `section` (empty when there is none). */
  section: string;
}

/** Reads the sidebar as rendered (innerText: only what is shown). */
export function readSidebar(frame: Frame, section = 'Timeline'): Promise<SidebarView> {
  return frame.evaluate((sectionName) => {
    const heading = document.querySelector('h1');
    const sectionHeading = [...document.querySelectorAll('h2, h3')].find(
      (element) => element.textContent?.trim() === sectionName,
    );
    const container = sectionHeading?.closest('section, [role="region"]');
    return {
      heading: (heading as HTMLElement | null)?.innerText.trim() ?? '',
      section: (container as HTMLElement | null | undefined)?.innerText ?? '',
    };
  }, section);
}

/** The form control labelled `label` (exactly), as a user finds it. */
export async function controlLabelled(frame: Frame, label: string): Promise<ElementHandle<Element>> {
  const handle = await frame.evaluateHandle((text) => {
    const found = [...document.querySelectorAll('label')].find((element) => element.textContent?.trim() === text);
    return found?.control ?? null;
  }, label);
  const element = handle.asElement();
  if (!element) throw new Error(`No control labelled "${label}" in the sidebar`);
  return element as ElementHandle<Element>;
}

/** The button whose accessible text is `name` (exactly). */
export async function buttonNamed(frame: Frame, name: string): Promise<ElementHandle<Element>> {
  const handle = await frame.evaluateHandle((text) => {
    return (
      [...document.querySelectorAll('button')].find(
        (button) => (button.getAttribute('aria-label') ?? button.textContent ?? '').trim() === text,
      ) ?? null
    );
  }, name);
  const element = handle.asElement();
  if (!element) throw new Error(`No button named "${name}" in the sidebar`);
  return element as ElementHandle<Element>;
}

/** Saves what a person would see as test-results/screenshots/<name>.png and returns the path. */
export async function saveFirefoxScreenshot(page: Page, name: string): Promise<string> {
  const file = path.join(fromRepoRoot(SCREENSHOT_DIR), `${name.replace(/[^a-zA-Z0-9._-]+/g, '-')}.png`);
  await mkdir(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file as `${string}.png` });
  return file;
}

/** What became of an iframe that a page's own script pointed at an address. */
export interface FrameProbe {
  /** The iframe element's own verdict: `load`, or `error` when Firefox refused the address. */
  event: 'load' | 'error';
  /** The text of the sidebar document shown in a frame of the page, or null when none shows it. */
  sidebarText: string | null;
}

/**
 * Plays the page's own script (the page's world, as any site's script runs): it adds an iframe
 * for `url` and waits for the iframe's load or error event; then looks for a frame that shows the
 * sidebar, other than Margin's own (which only exists on Gmail and LinkedIn).
 */
export async function frameFromPageScript(page: Page, url: string): Promise<FrameProbe> {
  const before = new Set(page.mainFrame().childFrames());
  const event = await page.evaluate(
    (src) =>
      new Promise<'load' | 'error'>((resolve) => {
        const frame = document.createElement('iframe');
        frame.id = 'frame-from-page-script';
        frame.addEventListener('load', () => resolve('load'));
        frame.addEventListener('error', () => resolve('error'));
        frame.src = src;
        document.body.append(frame);
      }),
    url,
  );
  for (const frame of page.mainFrame().childFrames()) {
    if (before.has(frame)) continue;
    const shown = await frame
      .evaluate(() => (location.href.includes('/sidebar.html') ? document.body.innerText : null))
      .catch(() => null);
    if (shown !== null) return { event, sidebarText: shown };
  }
  return { event, sidebarText: null };
}
