import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { INSTALL_PASS_DONE_KEY } from '../../../src/background/install-pass';
import { chromiumPath } from './chromium-path';
import { fromRepoRoot } from './repo-root';

export const DEFAULT_EXTENSION_DIR = '.output/chrome-mv3';

/**
 * Playwright's default `--disable-features` list minus `ThirdPartyStoragePartitioning`: with that
 * feature disabled, IndexedDB in the sidebar iframe (an extension frame inside a site's page) fails
 * with "The user denied permission to access the database". Real Chrome partitions third-party
 * storage by default, so this is also the closer match to what users run. The last
 * `--disable-features` flag on the command line wins, so ours must come after Playwright's.
 */
export const DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
] as const;

export class ExtensionBuildMissingError extends Error {
  override name = 'ExtensionBuildMissingError';
}

/** Throws a clear error when the extension has not been built into `extensionDir`. */
export function assertExtensionBuilt(extensionDir: string): void {
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new ExtensionBuildMissingError(
      [
        `No built extension at ${extensionDir} (manifest.json is missing).`,
        '  Build it first: npx wxt build',
        '  (`npm run test:e2e` and `npm start` build before they run.)',
      ].join('\n'),
    );
  }
}

export interface LaunchOptions {
  /** Headless Chromium (`--headless=new`); false opens a real window and needs a display. */
  headless?: boolean;
  /**
   * The unpacked extension, relative to the repository root or absolute. Defaults to
   * `MARGIN_EXTENSION_DIR` when set (to try a build kept elsewhere), else `.output/chrome-mv3`.
   */
  extensionDir?: string;
  /** The page viewport; `null` lets the real window decide (headed demo). */
  viewport?: { width: number; height: number } | null;
  /** How long to wait for the extension's service worker to start. */
  serviceWorkerTimeoutMs?: number;
}

export interface LaunchedExtension {
  context: BrowserContext;
  /** The extension's id, as in `chrome-extension://<id>/`. */
  extensionId: string;
  /** The extension's background service worker, for `evaluate` in the extension's origin. */
  serviceWorker: Worker;
  /** The fresh, throw-away profile folder this browser runs in. */
  userDataDir: string;
  /** Closes the browser and deletes the profile folder. Safe to call twice. */
  close(): Promise<void>;
}

/** The Chromium command-line flags for loading `extensionDir` (absolute) on our machines. */
export function extensionLaunchArgs(extensionDir: string, headless: boolean): string[] {
  return [
    ...(headless ? ['--headless=new'] : []),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // Belt and braces behind the request blocking in serve-sites.ts: a request that slips past
    // Playwright's routing (e.g. one made before the routes are installed) cannot reach any host.
    // 127.0.0.1 stays reachable for a CRM mock a test starts; the routing still blocks it unless
    // the test allows that mock (SiteServer.allowCrmMock).
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    `--disable-features=${DISABLED_FEATURES.join(',')}`,
  ];
}

/**
 * Starts Chromium with the built extension in a fresh profile and waits until the extension's
 * service worker runs, which gives the extension id.
 */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<LaunchedExtension> {
  const {
    headless = true,
    extensionDir = process.env.MARGIN_EXTENSION_DIR || DEFAULT_EXTENSION_DIR,
    viewport = { width: 1440, height: 900 },
    serviceWorkerTimeoutMs = 15_000,
  } = options;
  const absoluteExtensionDir = fromRepoRoot(extensionDir);
  assertExtensionBuilt(absoluteExtensionDir);
  const executablePath = chromiumPath();

  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'margin-profile-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      // Playwright's headless mode is the old flag set; we pass `--headless=new` ourselves.
      headless: false,
      viewport,
      args: extensionLaunchArgs(absoluteExtensionDir, headless),
      // Playwright adds `--disable-extensions`. `--disable-extensions-except` overrides it today; not
      // passing it at all keeps that from depending on Chromium's precedence rules.
      ignoreDefaultArgs: ['--disable-extensions'],
    });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }

  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await context.close().catch(() => undefined);
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  };

  try {
    const serviceWorker = await extensionServiceWorker(context, serviceWorkerTimeoutMs);
    const extensionId = new URL(serviceWorker.url()).host;
    await installPassDone(serviceWorker);
    return { context, extensionId, serviceWorker, userDataDir, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Waits until the background's pass after the install has ended (src/background/reinject-content-scripts.ts):
 * a site tab opened before that could get a second copy of the content script that replaces the
 * sidebar while a test reads it. A build from before that signal (MARGIN_EXTENSION_DIR) is given
 * up to 5 s, then used as it is.
 */
async function installPassDone(serviceWorker: Worker): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const done = await serviceWorker
      .evaluate(async (key) => {
        const api = (globalThis as unknown as { chrome: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } } }).chrome;
        return Boolean((await api.storage.session.get(key))[key]);
      }, INSTALL_PASS_DONE_KEY)
      .catch(() => false);
    if (done) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function extensionServiceWorker(context: BrowserContext, timeoutMs: number): Promise<Worker> {
  const isExtensionWorker = (worker: Worker) => worker.url().startsWith('chrome-extension://');
  const running = context.serviceWorkers().find(isExtensionWorker);
  if (running) return running;
  try {
    return await context.waitForEvent('serviceworker', { predicate: isExtensionWorker, timeout: timeoutMs });
  } catch {
    throw new Error(
      `The extension's service worker did not start within ${timeoutMs} ms. ` +
        'Is the build complete (background.js in the manifest) and does the background script load without errors?',
    );
  }
}
