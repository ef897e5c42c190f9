import { test as plain } from '@playwright/test';
import { launchWithExtension } from './support/launch-extension';
import { serveSites } from './support/serve-sites';
import { expect, test } from './support/test';
import { GMAIL_APP_URL, GMAIL_DEMO_THREAD_URL } from './support/demo-pages';

const MINIMAL_GMAIL_PAGE = 'test/e2e/fixtures/minimal-gmail-page.html';

/**
 * Checks the end-to-end harness itself, whatever the extension's UI does: the built extension
 * starts, saved pages are served at their real addresses under their sites' policies, everything
 * else is blocked, and a request made by the extension is noticed.
 */

test("the built extension's service worker starts and its pages load", async ({ page, extensionId, extensionUrl }) => {
  expect(extensionId).toMatch(/^[a-p]{32}$/);
  // Extension pages come from no network, so `goto` gives no response to check: the title shows.
  await page.goto(extensionUrl('dashboard.html'));
  await expect(page).toHaveTitle(/Margin/);
});

test('a Gmail page is served at its real address under a Gmail-like policy, and nothing else loads', async ({ page, site }) => {
  site.serve({ [GMAIL_APP_URL]: MINIMAL_GMAIL_PAGE });
  const response = await page.goto(GMAIL_DEMO_THREAD_URL);
  expect(response?.status()).toBe(200);
  const policy = response?.headers()['content-security-policy'] ?? '';
  expect(policy).toContain("require-trusted-types-for 'script'");
  expect(policy).toMatch(/frame-src https:\/\/\*\.google\.com/);

  // The policy is enforced in the page's own world: only scripts with the response's nonce run,
  // and HTML from strings is refused.
  await expect(page.locator('html')).toHaveAttribute('data-nonce-script', 'ran');
  await expect(page.locator('html')).not.toHaveAttribute('data-inline-script', 'ran');
  const htmlAssignment = await page.evaluate(() => {
    try {
      document.createElement('div')['inner' + 'HTML' as 'innerHTML'] = '<b>x</b>';
      return 'allowed';
    } catch (error) {
      return String(error);
    }
  });
  expect(htmlAssignment).toContain('TrustedHTML');

  // Anything not served is blocked, like the page's logo, and the page's own requests are
  // neither the extension's nor unexplained.
  await expect
    .poll(() => site.blockedRequests().map((request) => request.url))
    .toContainEqual(expect.stringContaining('https://ssl.gstatic.com/'));
  expect(site.extensionRequests()).toEqual([]);
  expect(site.unexplainedPageRequests()).toEqual([]);
});

plain('a request made by the extension, or one its page does not ask for, is blocked and reported', async ({
  headless,
}) => {
  const launched = await launchWithExtension({ headless });
  try {
    const site = await serveSites(launched.context, { [GMAIL_APP_URL]: MINIMAL_GMAIL_PAGE });
    const page = launched.context.pages()[0] ?? (await launched.context.newPage());
    await page.goto(GMAIL_DEMO_THREAD_URL);
    const fromPage = await page.evaluate(() =>
      fetch('https://www.example.com/pixel.gif').then(
        () => 'loaded',
        () => 'blocked',
      ),
    );
    expect(fromPage).toBe('blocked');
    expect(site.unexplainedPageRequests().map((request) => request.url)).toEqual(['https://www.example.com/pixel.gif']);
    expect(site.extensionRequests()).toEqual([]);

    const outcome = await launched.serviceWorker.evaluate(() =>
      fetch('https://api.example.com/collect').then(
        () => 'loaded',
        () => 'blocked',
      ),
    );
    expect(outcome).toBe('blocked');
    await expect.poll(() => site.extensionRequests().map((request) => request.url)).toEqual(['https://api.example.com/collect']);
    expect(site.extensionRequests()[0]?.extensionInitiator).toMatch(/^service worker chrome-extension:\/\//);
  } finally {
    await launched.close();
  }
});
