import { writeFile } from 'node:fs/promises';
import {
  test as base,
  expect,
  type BrowserContext,
  type ConsoleMessage,
  type Frame,
  type Page,
  type TestInfo,
  type Worker,
} from '@playwright/test';
import { launchWithExtension, type LaunchedExtension } from './launch-extension';
import { sidebarOf } from './margin-on-page';
import { serveSites, type RecordedRequest, type SiteServer } from './serve-sites';

interface MarginBrowser {
  launched: LaunchedExtension;
  site: SiteServer;
  consoleLog: string[];
}

export interface MarginFixtures {
  /** Chromium with the built extension in a fresh profile, every request blocked and recorded. */
  marginBrowser: MarginBrowser;
  /** The persistent context of that browser (replaces Playwright's own `context`). */
  context: BrowserContext;
  /** The browser's first tab (replaces Playwright's own `page`). */
  page: Page;
  extensionId: string;
  /** The extension's background service worker. */
  serviceWorker: Worker;
  /** Serves fixture files at real addresses: `site.serve({ 'https://mail.google.com/mail/u/0/': 'test/fixtures/…' })`. */
  site: SiteServer;
  /** The Margin sidebar inside `page`, once loaded: `(await sidebar(page)).getByRole('heading', { level: 1 })`. */
  sidebar: (page: Page) => Promise<Frame>;
  /** `chrome-extension://<id>/<path>`, e.g. `extensionUrl('dashboard.html')`. */
  extensionUrl: (path: string) => string;
  /**
   * Runs after every test: the extension must have made no network request, and nothing on a
   * served page may have asked for anything its HTML does not refer to (a content script's DOM).
   */
  extensionMadeNoRequest: void;
}

export const test = base.extend<MarginFixtures>({
  // `headless` is Playwright's own option, so `npx playwright test --headed` opens real windows.
  marginBrowser: async ({ headless }, use, testInfo) => {
    const launched = await launchWithExtension({ headless });
    const site = await serveSites(launched.context);
    const consoleLog = watchConsole(launched.context, launched.serviceWorker);
    try {
      await use({ launched, site, consoleLog });
    } finally {
      if (testInfo.status !== testInfo.expectedStatus) {
        await attachFailureEvidence(testInfo, launched.context, site, consoleLog).catch(() => undefined);
      }
      await launched.close();
    }
  },
  context: async ({ marginBrowser }, use) => {
    await use(marginBrowser.launched.context);
  },
  page: async ({ context }, use) => {
    await use(context.pages()[0] ?? (await context.newPage()));
  },
  extensionId: async ({ marginBrowser }, use) => {
    await use(marginBrowser.launched.extensionId);
  },
  serviceWorker: async ({ marginBrowser }, use) => {
    await use(marginBrowser.launched.serviceWorker);
  },
  site: async ({ marginBrowser }, use) => {
    await use(marginBrowser.site);
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
  sidebar: async ({}, use) => {
    await use(sidebarOf);
  },
  extensionUrl: async ({ extensionId }, use) => {
    await use((path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
  },
  extensionMadeNoRequest: [
    async ({ marginBrowser }, use) => {
      await use();
      const { site } = marginBrowser;
      expect(site.extensionRequests().map(describe), 'Margin must make no network request of its own').toEqual([]);
      expect(
        site.unexplainedPageRequests().map(describe),
        "requests from a served page that its HTML does not ask for (an element Margin's content script added?)",
      ).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

function describe(request: RecordedRequest): string {
  return `${request.method} ${request.url} (${request.extensionInitiator ?? request.from})`;
}

/** Errors and warnings from pages, their frames (the sidebar) and the extension's service worker. */
function watchConsole(context: BrowserContext, serviceWorker: Worker): string[] {
  const log: string[] = [];
  const record = (message: ConsoleMessage) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      log.push(`[${message.type()}] ${message.location().url}: ${message.text()}`);
    }
  };
  serviceWorker.on('console', record);
  const watchPage = (page: Page) => {
    page.on('console', record);
    page.on('pageerror', (error) => log.push(`[pageerror] ${page.url()}: ${error.message}`));
  };
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
  return log;
}

/** Kept in the test's own folder under test-results/ (a CI artifact) and attached to the report. */
async function attachFailureEvidence(
  testInfo: TestInfo,
  context: BrowserContext,
  site: SiteServer,
  consoleLog: string[],
): Promise<void> {
  const attachFile = async (name: string, contentType: string, write: (file: string) => Promise<unknown>) => {
    const file = testInfo.outputPath(name);
    await write(file);
    await testInfo.attach(name, { path: file, contentType });
  };
  for (const [index, page] of context.pages().entries()) {
    await attachFile(`tab-${index + 1}-at-failure.png`, 'image/png', (file) => page.screenshot({ path: file })).catch(
      () => undefined,
    );
  }
  await attachFile('requests.json', 'application/json', (file) => writeFile(file, JSON.stringify(site.requests(), null, 2)));
  if (consoleLog.length > 0) {
    await attachFile('console-errors.txt', 'text/plain', (file) => writeFile(file, consoleLog.join('\n')));
  }
}
