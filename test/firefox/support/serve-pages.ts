import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { fromRepoRoot } from '../../e2e/support/repo-root';
import { htmlMentions, type SiteMap } from '../../e2e/support/serve-sites';
import { CSP_NONCE_PLACEHOLDER, responseHeadersFor } from '../../e2e/support/site-response-headers';

export interface TabRequest {
  url: string;
  method: string;
  /** A top-level navigation: the test's doing. */
  isTopLevelNavigation: boolean;
  outcome: 'served' | 'blocked';
  /** Not a served page, not the browser's favicon request and not referred to by the served page's HTML. */
  unexplained: boolean;
}

export interface ServedTab {
  /** Adds (or replaces) pages to serve in this tab; every other request stays blocked. */
  serve(pages: SiteMap): void;
  /** Every request the tab made (its frames' too, the sidebar's included), in order. */
  requests(): TabRequest[];
  /**
   * Requests the served pages' HTML does not ask for. The pages run none of their own scripts
   * (their CSP wants a nonce), so such a request came from something Margin did: its content
   * script, or its sidebar frame.
   */
  unexplainedRequests(): TabRequest[];
}

/**
 * Answers this tab's requests for the served pages' addresses with the fixture files (and the
 * Gmail/LinkedIn kind of headers the Chromium suite uses), blocks everything else and records it.
 * Under WebDriver BiDi, `request.resourceType()` is not available: navigations are told apart
 * with `isNavigationRequest()` and the frame's parent.
 */
export async function servePagesIn(page: Page, pages: SiteMap = {}): Promise<ServedTab> {
  const served = new Map<string, string>();
  /** The page now shown in the tab (the last top-level document served), to judge its requests by. */
  let shown: { url: string; body: string } | undefined;
  const serve = (more: SiteMap) => {
    for (const [url, file] of Object.entries(more)) served.set(pageKey(url), fromRepoRoot(file));
  };
  serve(pages);
  const log: TabRequest[] = [];

  const handle = async (request: HTTPRequest): Promise<void> => {
    const url = request.url();
    if (!/^https?:/.test(url)) {
      // moz-extension:// (the sidebar's own files), data:, blob: never leave the browser.
      await request.continue();
      return;
    }
    const frame = request.frame();
    const isTopLevelNavigation = request.isNavigationRequest() && (frame === null || frame.parentFrame() === null);
    const file = served.get(pageKey(url));
    if (file !== undefined) {
      const nonce = randomBytes(16).toString('base64');
      const body = (await readFile(file, 'utf8')).replaceAll(CSP_NONCE_PLACEHOLDER, nonce);
      if (isTopLevelNavigation) shown = { url, body };
      log.push({ url, method: request.method(), isTopLevelNavigation, outcome: 'served', unexplained: false });
      await request.respond({ status: 200, headers: responseHeadersFor(new URL(url).hostname, nonce), body });
      return;
    }
    const explained =
      isTopLevelNavigation ||
      new URL(url).pathname === '/favicon.ico' ||
      (shown !== undefined && htmlMentions(shown.body, shown.url, url));
    log.push({ url, method: request.method(), isTopLevelNavigation, outcome: 'blocked', unexplained: !explained });
    await request.abort('blockedbyclient');
  };

  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    void handle(request).catch(() => undefined);
  });

  return {
    serve,
    requests: () => [...log],
    unexplainedRequests: () => log.filter((record) => record.unexplained),
  };
}

function pageKey(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url;
  }
}
