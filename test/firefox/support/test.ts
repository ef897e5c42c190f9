import { test as base, expect } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { launchFirefoxWithExtension, type LaunchedFirefox } from './launch-firefox';
import { servePagesIn, type ServedTab, type TabRequest } from './serve-pages';
import type { ProxiedRequest } from './recording-proxy';

interface FirefoxWorkerFixtures {
  /** One Firefox ESR with the built extension for the whole suite (starting one takes 5–20 s here). */
  firefox: LaunchedFirefox;
}

interface FirefoxTestFixtures {
  /** A new tab of that Firefox, closed after the test. */
  firefoxPage: Page;
  /** That tab's served pages and request log: `tab.serve({ 'https://mail.google.com/mail/u/0/': 'test/fixtures/…' })`. */
  tab: ServedTab;
  /** `moz-extension://<install id>/<path>`. */
  extensionUrl: (path: string) => string;
  /**
   * Runs after every test: nothing reached the proxy (the extension's background, or anything
   * else outside the tab's served pages) and the tab asked for nothing its pages do not refer to.
   */
  extensionMadeNoRequest: void;
}

export const test = base.extend<FirefoxTestFixtures, FirefoxWorkerFixtures>({
  firefox: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      const launched = await launchFirefoxWithExtension();
      try {
        await use(launched);
      } finally {
        await launched.close();
      }
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  firefoxPage: async ({ firefox }, use) => {
    const page = await firefox.browser.newPage();
    await page.setViewport({ width: 1440, height: 900 });
    try {
      await use(page);
    } finally {
      await page.close().catch(() => undefined);
    }
  },
  tab: async ({ firefoxPage }, use) => {
    await use(await servePagesIn(firefoxPage));
  },
  extensionUrl: async ({ firefox }, use) => {
    await use((path) => `${firefox.extensionBase}${path.replace(/^\//, '')}`);
  },
  extensionMadeNoRequest: [
    async ({ firefox, tab }, use) => {
      const before = firefox.proxy.requests().length;
      await use();
      expect(firefox.proxy.requests().slice(before).map(describeProxied), 'nothing may leave Firefox').toEqual([]);
      expect(
        tab.unexplainedRequests().map(describeTabRequest),
        "requests from the tab that its pages' HTML does not ask for (Margin's content script or sidebar?)",
      ).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

function describeProxied(request: ProxiedRequest): string {
  return `${request.method} ${request.target}`;
}

function describeTabRequest(request: TabRequest): string {
  return `${request.method} ${request.url}`;
}
