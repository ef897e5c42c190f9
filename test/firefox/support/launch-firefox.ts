import { randomUUID } from 'node:crypto';
import puppeteer, { type Browser } from 'puppeteer-core';
import { assertExtensionBuilt } from '../../e2e/support/launch-extension';
import { fromRepoRoot } from '../../e2e/support/repo-root';
import { firefoxPath } from './firefox-path';
import { proxyPreferences, startRecordingProxy, type RecordingProxy } from './recording-proxy';

export const DEFAULT_FIREFOX_EXTENSION_DIR = '.output/firefox-mv3';
/** The add-on id in the manifest (browser_specific_settings.gecko.id). */
export const GECKO_ID = 'margin@margin-crm.invalid';

export interface LaunchedFirefox {
  browser: Browser;
  /** `moz-extension://<this install's id>/`: the base of every extension page. */
  extensionBase: string;
  /** Every request that left the tabs' interception (the background's, Firefox's own). */
  proxy: RecordingProxy;
  close(): Promise<void>;
}

/**
 * Starts Debian's Firefox ESR headless over WebDriver BiDi with a fresh profile, every request
 * routed to a refusing, recording proxy, and the built Firefox extension installed as a temporary
 * add-on. Firefox gives each install a random id for its moz-extension:// origin; the suite picks
 * that id itself (the `extensions.webextensions.uuids` preference) so that it knows it without
 * asking the page, and so that a test can play a site that learnt it.
 */
export async function launchFirefoxWithExtension(
  extensionDir = process.env.MARGIN_FIREFOX_EXTENSION_DIR || DEFAULT_FIREFOX_EXTENSION_DIR,
): Promise<LaunchedFirefox> {
  const absoluteExtensionDir = fromRepoRoot(extensionDir);
  assertExtensionBuilt(absoluteExtensionDir);
  const executablePath = firefoxPath();
  const installId = randomUUID();
  const proxy = await startRecordingProxy();
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      // A loaded two-core machine can take a while to start Firefox.
      timeout: 90_000,
      protocolTimeout: 90_000,
      // Release builds of Firefox honour `services.settings.server` (remote settings: blocklists,
      // certificate data) only with this set; without it Firefox asks Mozilla's servers for them.
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      extraPrefsFirefox: {
        ...proxyPreferences(proxy.port),
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: installId }),
      },
    });
  } catch (error) {
    await proxy.close();
    throw error;
  }
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await browser.close().catch(() => undefined);
    await proxy.close();
  };
  try {
    const installed = await browser.installExtension(absoluteExtensionDir);
    if (installed !== GECKO_ID) throw new Error(`Installed add-on ${installed}, expected ${GECKO_ID}`);
  } catch (error) {
    await close();
    throw error;
  }
  return { browser, extensionBase: `moz-extension://${installId}/`, proxy, close };
}
