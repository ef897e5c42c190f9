import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page, type Worker } from '@playwright/test';
import { chromiumPath } from '../../test/e2e/support/chromium-path';
import { extensionLaunchArgs, launchWithExtension } from '../../test/e2e/support/launch-extension';
import { serveSites, type SiteMap } from '../../test/e2e/support/serve-sites';

/** One browser the bench drives: with a build of Margin, or without any extension (the baseline). */
export interface BenchBrowser {
  label: string;
  context: BrowserContext;
  /** The extension's service worker; absent without Margin. */
  serviceWorker?: Worker;
  extensionId?: string;
  close(): Promise<void>;
}

export async function launchBench(label: string, extensionDir: string | null, pages: SiteMap): Promise<BenchBrowser> {
  if (extensionDir) {
    const launched = await launchWithExtension({ extensionDir });
    await serveSites(launched.context, pages);
    return { label, context: launched.context, serviceWorker: launched.serviceWorker, extensionId: launched.extensionId, close: launched.close };
  }
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'margin-bench-profile-'));
  // The same flags as with the extension, minus the two that load it.
  const args = extensionLaunchArgs('/nonexistent', true).filter((arg) => !arg.includes('extension'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: false,
    viewport: { width: 1440, height: 900 },
    args,
  });
  await serveSites(context, pages);
  return {
    label,
    context,
    close: async () => {
      await context.close().catch(() => undefined);
      await rm(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    },
  };
}

/**
 * Scripts run with tsx carry esbuild's `__name(fn, "name")` calls; functions sent to a page as
 * source text need that helper there too (it only names functions, nothing else).
 */
export async function allowNamedFunctions(target: Page | Frame | Worker): Promise<void> {
  const helper = 'globalThis.__name ??= (target) => target; undefined';
  if ('mainFrame' in target) await target.mainFrame().evaluate(helper);
  else if ('parentFrame' in target) await target.evaluate(helper);
  else await target.evaluate(helper);
}

/** The Margin sidebar frame of `page`, once it exists. */
export async function sidebarFrame(page: Page, timeoutMs = 20_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = page.frames().find((candidate) => candidate.url().includes('/sidebar.html'));
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error(`no sidebar frame on ${page.url()} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/**
 * Resolves with the time (epoch ms) at which the sidebar's heading (`h1`) first read `name`: at
 * once if it already does, else from a MutationObserver in the sidebar's own document.
 */
export function headingShows(name: string): Promise<number> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      if (document.querySelector('h1')?.textContent?.trim() !== name) return false;
      resolve(performance.timeOrigin + performance.now());
      return true;
    };
    if (check()) return;
    const observer = new MutationObserver(() => {
      if (check()) observer.disconnect();
    });
    observer.observe(document, { subtree: true, childList: true, characterData: true });
  });
}
