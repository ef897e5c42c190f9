import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { BrowserContext, CDPSession, Page, Request, Route } from '@playwright/test';
import { fromRepoRoot } from './repo-root';
import { CSP_NONCE_PLACEHOLDER, responseHeadersFor } from './site-response-headers';

/** Page address (scheme, host and path, plus query if any; never the #hash) → fixture file. */
export type SiteMap = Record<string, string>;

export interface RecordedRequest {
  url: string;
  method: string;
  resourceType: string;
  /** Where the request came from: `frame <url>`, `service worker <url>` or `unknown`. */
  from: string;
  /** The address of the frame that made the request, when a frame made it. */
  frameUrl?: string;
  /** A top-level navigation: the user's (the test's) doing, never the extension's. */
  isTopLevelNavigation: boolean;
  /** Set when the request is the extension's: why we think so. */
  extensionInitiator?: string;
  /** Made from a served page that does not refer to it (see `unexplainedPageRequests`). */
  unexplained?: boolean;
  outcome: 'served' | 'blocked' | 'passed-through' | 'not-routed' | 'to-crm-mock';
}

export interface SiteServer {
  /** Adds (or replaces) pages to serve; every other request stays blocked. */
  serve(pages: SiteMap): void;
  /**
   * Lets requests to a CRM mock the test started (and connected Margin to) through. They are
   * the only requests of the extension's that `extensionRequests` leaves out.
   */
  allowCrmMock(origin: string): Promise<void>;
  /** The requests that went to an allowed CRM mock. */
  crmMockRequests(): RecordedRequest[];
  /** Every request the browser made since `serveSites`, in order. */
  requests(): RecordedRequest[];
  /**
   * Requests the extension made: from a chrome-extension:// frame, the extension's service
   * worker, or a script of the extension's running in a page (a content script), leaving out the
   * extension's own chrome-extension:// resources. Should always be empty: Margin makes no request.
   */
  extensionRequests(): RecordedRequest[];
  /** Requests that were aborted (everything that is not a served page or an extension resource). */
  blockedRequests(): RecordedRequest[];
  /**
   * Requests made from a served page that the page's own HTML does not mention. Served pages run
   * none of their own scripts, so such a request was caused by something else on the page: a
   * content script that added an element with a remote `src`, or a stylesheet with a remote font.
   * (The DevTools protocol names the page, not the content script, as the initiator of those.)
   */
  unexplainedPageRequests(): RecordedRequest[];
}

const EXTENSION_SCHEME = 'chrome-extension:';

/**
 * Blocks every request the browser context makes, serves fixture files at the real Gmail and
 * LinkedIn addresses with those sites' kind of headers, and records every request and who made it.
 * Call it before the first navigation.
 */
export async function serveSites(context: BrowserContext, pages: SiteMap = {}): Promise<SiteServer> {
  const served = new Map<string, string>();
  /** The body last served for each page address, to tell the page's own requests from others. */
  const servedBodies = new Map<string, string>();
  const serve = (more: SiteMap) => {
    for (const [url, file] of Object.entries(more)) served.set(pageKey(url), fromRepoRoot(file));
  };
  serve(pages);

  const log: RecordedRequest[] = [];
  const records = new WeakMap<Request, RecordedRequest>();
  /** Requests that a page's CDP session saw started by an extension script (content scripts). */
  const scriptInitiated = new Map<string, string[]>();

  const recordOf = (request: Request): RecordedRequest => {
    let record = records.get(request);
    if (!record) {
      record = describeRequest(request);
      // Judged now: the same address may serve another fixture later in the test.
      const body = record.frameUrl === undefined ? undefined : servedBodies.get(pageKey(record.frameUrl));
      if (body !== undefined && record.frameUrl !== undefined && !record.isTopLevelNavigation && !record.extensionInitiator) {
        const url = record.url;
        if (!isExtensionResource(url) && !isBrowserOwnRequest(url) && !htmlMentions(body, record.frameUrl, url)) {
          record.unexplained = true;
        }
      }
      records.set(request, record);
      log.push(record);
    }
    return record;
  };

  context.on('request', (request) => void recordOf(request));

  // Registered first, so it is the fallback: Playwright tries the most recently added route first.
  await context.route('**/*', async (route: Route) => {
    const record = recordOf(route.request());
    if (new URL(route.request().url()).protocol === EXTENSION_SCHEME) {
      record.outcome = 'passed-through';
      await route.continue();
      return;
    }
    record.outcome = 'blocked';
    await route.abort('blockedbyclient');
  });

  await context.route(
    (url) => served.has(pageKey(url.href)),
    async (route: Route) => {
      const request = route.request();
      const file = served.get(pageKey(request.url()));
      if (!file) return route.fallback();
      const record = recordOf(request);
      const nonce = randomBytes(16).toString('base64');
      const body = (await readFile(file, 'utf8')).replaceAll(CSP_NONCE_PLACEHOLDER, nonce);
      record.outcome = 'served';
      servedBodies.set(pageKey(request.url()), body);
      await route.fulfill({ status: 200, headers: responseHeadersFor(new URL(request.url()).hostname, nonce), body });
    },
  );

  const crmMockOrigins = new Set<string>();
  const toCrmMock = (url: string) => url.startsWith('http') && crmMockOrigins.has(new URL(url).origin);

  context.on('page', (page) => void watchExtensionScriptRequests(context, page, scriptInitiated));
  await Promise.all(context.pages().map((page) => watchExtensionScriptRequests(context, page, scriptInitiated)));

  return {
    serve,
    async allowCrmMock(origin) {
      const allowed = new URL(origin).origin;
      crmMockOrigins.add(allowed);
      await context.route(
        (url) => url.origin === allowed,
        async (route: Route) => {
          recordOf(route.request()).outcome = 'to-crm-mock';
          await route.continue();
        },
      );
    },
    crmMockRequests: () => log.filter((record) => toCrmMock(record.url)),
    requests: () => [...log],
    blockedRequests: () => log.filter((record) => record.outcome === 'blocked'),
    unexplainedPageRequests: () => log.filter((record) => record.unexplained),
    extensionRequests: () => {
      const fromScripts = new Map(scriptInitiated);
      const found = log.flatMap((record): RecordedRequest[] => {
        if (isExtensionResource(record.url) || toCrmMock(record.url)) return [];
        if (record.extensionInitiator) return [record];
        const scripts = fromScripts.get(record.url);
        if (!scripts) return [];
        fromScripts.delete(record.url);
        return [{ ...record, extensionInitiator: `script ${scripts.join(' <- ')}` }];
      });
      // Seen by the DevTools protocol only (e.g. before Playwright's listener was attached).
      for (const [url, scripts] of fromScripts) {
        if (toCrmMock(url)) continue;
        found.push({
          url,
          method: '?',
          resourceType: '?',
          from: 'page (DevTools protocol)',
          isTopLevelNavigation: false,
          extensionInitiator: `script ${scripts.join(' <- ')}`,
          outcome: 'not-routed',
        });
      }
      return found;
    },
  };
}

/** What a route or the served map keys a page by: the address without its #hash. */
function pageKey(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

function isExtensionResource(url: string): boolean {
  return url.startsWith(`${EXTENSION_SCHEME}//`) || url.startsWith('data:') || url.startsWith('blob:');
}

/** Chromium asks every site for its favicon by itself. */
function isBrowserOwnRequest(url: string): boolean {
  return new URL(url).pathname === '/favicon.ico';
}

/** Whether an HTML document served at `pageUrl` refers to `url`, in an attribute, a style or text. */
export function htmlMentions(html: string, pageUrl: string, url: string): boolean {
  const text = html.replaceAll('&amp;', '&');
  if (text.includes(url)) return true;
  const parsed = new URL(url);
  if (text.includes(`//${parsed.host}${parsed.pathname}`)) return true;
  const referenced = /(src|href|poster|srcset)\s*=\s*["']([^"']+)["']|url\(\s*["']?([^"')]+)/gi;
  for (const match of text.matchAll(referenced)) {
    const value = match[2] ?? match[3] ?? '';
    // A srcset lists several "url width" pairs; any other address may itself hold commas
    // (Gmail's script addresses: `…/m=m,m_i,i20jfd/…`).
    const candidates = match[1]?.toLowerCase() === 'srcset' ? value.split(',').map((part) => part.trim().split(/\s+/)[0] ?? '') : [value.trim()];
    for (const candidate of candidates) {
      if (candidate && resolves(candidate, pageUrl, url)) return true;
    }
  }
  return false;
}

function resolves(reference: string, pageUrl: string, url: string): boolean {
  try {
    return new URL(reference, pageUrl).href === url;
  } catch {
    return false;
  }
}

function describeRequest(request: Request): RecordedRequest {
  const base = {
    url: request.url(),
    method: request.method(),
    resourceType: request.resourceType(),
    isTopLevelNavigation: false,
    outcome: 'not-routed' as const,
  };
  const worker = request.serviceWorker();
  if (worker) {
    const workerUrl = worker.url();
    return {
      ...base,
      from: `service worker ${workerUrl}`,
      ...(workerUrl.startsWith(EXTENSION_SCHEME) ? { extensionInitiator: `service worker ${workerUrl}` } : {}),
    };
  }
  let frame;
  try {
    frame = request.frame();
  } catch {
    return { ...base, from: 'unknown' };
  }
  // Read now: by the time a test looks, the frame may have navigated elsewhere.
  const frameUrl = frame.url();
  const isTopLevelNavigation = request.isNavigationRequest() && frame.parentFrame() === null;
  return {
    ...base,
    from: `frame ${frameUrl || '(new)'}`,
    ...(frameUrl.startsWith('http') ? { frameUrl } : {}),
    isTopLevelNavigation,
    // A top-level navigation's frame still shows the previous page (maybe an extension page).
    ...(!isTopLevelNavigation && frameUrl.startsWith(EXTENSION_SCHEME) ? { extensionInitiator: `frame ${frameUrl}` } : {}),
  };
}

interface CdpCallFrame {
  url: string;
}
interface CdpStackTrace {
  callFrames: CdpCallFrame[];
  parent?: CdpStackTrace;
}
interface CdpRequestWillBeSent {
  request: { url: string };
  initiator: { type: string; url?: string; stack?: CdpStackTrace };
}

/**
 * A content script's requests come from the page's own frame, so Playwright cannot tell them from
 * the page's. The DevTools protocol's initiator stack can: it names the script that asked.
 */
async function watchExtensionScriptRequests(
  context: BrowserContext,
  page: Page,
  found: Map<string, string[]>,
): Promise<void> {
  let session: CDPSession;
  try {
    session = await context.newCDPSession(page);
    session.on('Network.requestWillBeSent', (event: CdpRequestWillBeSent) => {
      const scripts = extensionScriptsIn(event.initiator);
      if (scripts.length > 0 && !isExtensionResource(event.request.url)) found.set(event.request.url, scripts);
    });
    await session.send('Network.enable');
  } catch {
    // The page closed before we could attach; it made no request we could have seen.
  }
}

function extensionScriptsIn(initiator: CdpRequestWillBeSent['initiator']): string[] {
  const urls = new Set<string>();
  if (initiator.url) urls.add(initiator.url);
  for (let stack = initiator.stack; stack; stack = stack.parent) {
    for (const frame of stack.callFrames) urls.add(frame.url);
  }
  return [...urls].filter((url) => url.startsWith(EXTENSION_SCHEME));
}
