import type { Page } from '@playwright/test';
import { DEMO_SITE_MAP, GMAIL_DEMO_THREAD_URL, PRIYA } from './support/demo-pages';
import { sidebarOf } from './support/margin-on-page';
import { saveScreenshot } from './support/screenshots';
import { expect, test } from './support/test';

/**
 * Issue 13, finding 9: sidebar.html is web-accessible to Gmail and LinkedIn only, so no other site
 * can show Margin's sidebar in a frame of its own (to dress it up, or trick clicks into it), even
 * when it knows the extension's address. The Firefox suite checks the same in Firefox.
 */
const ANY_OTHER_SITE_URL = 'https://any-other-site.example/';
const ANY_OTHER_SITE_FIXTURE = 'test/fixtures/other-sites/any-other-site.html';

/**
 * Plays the page's own script: adds an iframe for `url`, waits for its load or error event, and
 * returns the text of the sidebar if a new frame shows it (null when none does).
 */
async function sidebarTextFramedByPageScript(page: Page, url: string): Promise<string | null> {
  const before = new Set(page.frames());
  await page.evaluate(
    (src) =>
      new Promise<void>((resolve) => {
        const frame = document.createElement('iframe');
        frame.id = 'frame-from-page-script';
        frame.addEventListener('load', () => resolve());
        frame.addEventListener('error', () => resolve());
        frame.src = src;
        document.body.append(frame);
      }),
    url,
  );
  for (const frame of page.frames()) {
    if (before.has(frame) || !frame.url().startsWith(url)) continue;
    await frame.waitForLoadState('domcontentloaded');
    return frame.evaluate(() => document.body.innerText);
  }
  return null;
}

test("a page on another site cannot show Margin's sidebar, even knowing its address", async ({
  context,
  page,
  site,
  extensionUrl,
}) => {
  const sidebarUrl = extensionUrl('sidebar.html');
  site.serve({ ...DEMO_SITE_MAP, [ANY_OTHER_SITE_URL]: ANY_OTHER_SITE_FIXTURE });

  await test.step('on any other site, Chromium refuses the frame', async () => {
    await page.goto(ANY_OTHER_SITE_URL);
    expect(await sidebarTextFramedByPageScript(page, sidebarUrl)).toBeNull();
    await saveScreenshot(page, 'sidebar-reach-1-other-site');
  });

  await test.step('the same script on the Gmail thread gets the sidebar: the address is right', async () => {
    const gmail = await context.newPage();
    await gmail.goto(GMAIL_DEMO_THREAD_URL);
    const ownSidebar = await sidebarOf(gmail);
    await expect(ownSidebar.getByRole('heading', { level: 1, name: PRIYA.name, exact: true })).toBeVisible();
    expect(ownSidebar.url()).toBe(sidebarUrl);
    expect(await sidebarTextFramedByPageScript(gmail, sidebarUrl)).not.toBeNull();
  });
});
