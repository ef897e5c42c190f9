import { readFileSync } from 'node:fs';
import type { Frame, Page } from '@playwright/test';
import { LINKEDIN_DEMO_PROFILE_FIXTURE, LINKEDIN_DEMO_PROFILE_URL, PRIYA } from './support/demo-pages';
import { MARGIN_HOST_SELECTOR } from './support/margin-on-page';
import { fromRepoRoot } from './support/repo-root';
import { saveScreenshot } from './support/screenshots';
import { expect, test } from './support/test';

/**
 * Issue 13, finding 8 and the fault "extension reloaded under an open tab": the page cannot switch
 * Margin off, and after a reload the sidebar comes back once, never twice.
 */
const JONAS_URL = 'https://www.linkedin.com/in/jonas-becker-sec/';

const heading = (margin: Frame, name: string) => margin.getByRole('heading', { level: 1, name, exact: true });

/** The sidebar frames on the page (the closed shadow root hides them from the page, not from the browser). */
const sidebarFramesOn = (page: Page) => page.frames().filter((frame) => !frame.isDetached() && frame.url().includes('/sidebar.html')).length;

/** Priya's profile rewritten as Jonas Becker's, for an in-page navigation. */
function jonasProfileHtml(): string {
  return readFileSync(fromRepoRoot(LINKEDIN_DEMO_PROFILE_FIXTURE), 'utf8')
    .replaceAll('priya-raman-northwind', 'jonas-becker-sec')
    .replaceAll('ACoAAC7pRiYBq3NwLgTx9aM0KjE5vHd2Ls8Yz4U', 'ACoAAD9jOnasBecker000Sec1xq')
    .replaceAll('Priya Raman', 'Jonas Becker')
    .replaceAll('Priya', 'Jonas');
}

test("the page's own script cannot switch Margin off with WXT's \"script started\" event", async ({
  page,
  site,
  sidebar,
  extensionId,
}) => {
  site.serve({ [LINKEDIN_DEMO_PROFILE_URL]: LINKEDIN_DEMO_PROFILE_FIXTURE });
  await page.goto(LINKEDIN_DEMO_PROFILE_URL);
  const margin = await sidebar(page);
  await expect(heading(margin, PRIYA.name)).toBeVisible();

  // What LinkedIn's own script sees of Margin: the host element, and nothing inside it. The shadow
  // root is closed, so no address of the sidebar (which would carry the extension's id) is readable.
  const seenByThePage = await page.evaluate((id) => {
    const host = document.querySelector('#margin-root');
    return {
      host: host !== null,
      shadowRoot: host?.shadowRoot ?? null,
      framesOfThePage: [...document.querySelectorAll('iframe')].map((frame) => frame.src),
      pageNamesTheExtension:
        (document.body.textContent ?? '').includes(id) ||
        [...document.querySelectorAll('*')].some((element) => [...element.attributes].some((attribute) => attribute.value.includes(id))),
    };
  }, extensionId);
  expect(seenByThePage).toEqual({ host: true, shadowRoot: null, framesOfThePage: [], pageNamesTheExtension: false });

  // A store install's id is public, so a page may know it anyway: it fires the event WXT uses to
  // stop an older copy of a content script. Margin stays.
  await page.evaluate((id) => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      document.dispatchEvent(
        new CustomEvent(`${id}:linkedin:wxt:content-script-started`, {
          detail: { contentScriptName: 'linkedin', messageId: `forged-${attempt}` },
        }),
      );
    }
  }, extensionId);

  await expect(page.locator(MARGIN_HOST_SELECTOR)).toHaveCount(1);
  await expect(heading(await sidebar(page), PRIYA.name)).toBeVisible();

  await test.step('Margin still follows the page: an in-page navigation to another profile', async () => {
    await page.evaluate(
      ({ html, url }) => {
        const next = new DOMParser().parseFromString(html, 'text/html');
        const [main, nextMain] = [document.querySelector('main'), next.querySelector('main')];
        if (main && nextMain) main.replaceWith(document.importNode(nextMain, true));
        document.title = next.title; // the tab's title is one of the signals a profile is read by
        history.pushState({}, '', url);
      },
      { html: jonasProfileHtml(), url: JONAS_URL },
    );
    await expect(heading(await sidebar(page), 'Jonas Becker')).toBeVisible();
  });

  await test.step('removed by the page, the sidebar comes back', async () => {
    await page.evaluate(() => document.querySelector('#margin-root')?.remove());
    await expect(page.locator(MARGIN_HOST_SELECTOR)).toHaveCount(1);
    // Put back, its frame loads again: a new frame.
    await expect(heading(await sidebar(page), 'Jonas Becker')).toBeVisible();
    expect(sidebarFramesOn(page), 'one sidebar').toBe(1);
  });
  await saveScreenshot(page, 'sidebar-stays-1-after-forged-event');
});

test('after the extension reloads under an open tab, the sidebar comes back once, never twice', async ({
  page,
  context,
  site,
  sidebar,
  serviceWorker,
}) => {
  site.serve({ [LINKEDIN_DEMO_PROFILE_URL]: LINKEDIN_DEMO_PROFILE_FIXTURE });
  await page.goto(LINKEDIN_DEMO_PROFILE_URL);
  const margin = await sidebar(page);
  await expect(heading(margin, PRIYA.name)).toBeVisible();
  // Marked from the page, so the sidebar after the reload can be told from the one before.
  await page.evaluate(() => document.querySelector('#margin-root')?.setAttribute('data-before-reload', ''));

  // Chromium turns an unpacked extension off when it reloads outside developer mode (where a
  // developer working on Margin has it on); a store install updates without it.
  const extensionsPage = await context.newPage();
  await extensionsPage.goto('chrome://extensions/');
  const developerMode = extensionsPage.getByRole('switch', { name: 'Developer mode' });
  await developerMode.click();
  await expect(developerMode).toHaveAttribute('aria-checked', 'true');
  await extensionsPage.close();
  await page.bringToFront();

  // The worker goes away with the reload, so the call may not return.
  await serviceWorker
    .evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload())
    .catch(() => undefined);

  // Without a page reload: the background put the content script back into the tab, whose sidebar
  // replaced the one of the copy that lost its extension.
  await expect(page.locator(`${MARGIN_HOST_SELECTOR}:not([data-before-reload])`)).toHaveCount(1, { timeout: 20_000 });
  await expect(heading(await sidebar(page), PRIYA.name)).toBeVisible();
  await expect(page.locator(MARGIN_HOST_SELECTOR)).toHaveCount(1);
  expect(sidebarFramesOn(page), 'one sidebar frame').toBe(1);
  await saveScreenshot(page, 'sidebar-stays-2-after-extension-reload');
});
