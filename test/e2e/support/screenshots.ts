import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { fromRepoRoot } from './repo-root';

/** Where the end-to-end run keeps its screenshots (CI keeps test-results/ as an artifact). */
export const SCREENSHOT_DIR = 'test-results/screenshots';

export interface ScreenshotOptions {
  /** Folder relative to the repository root (default test-results/screenshots). */
  dir?: string;
  fullPage?: boolean;
}

/**
 * Saves what a person would see right now as `<dir>/<name>.png` and returns the file's path.
 * Names are kebab-case, prefixed by the spec (`walking-skeleton-2-note-saved`).
 */
export async function saveScreenshot(page: Page, name: string, options: ScreenshotOptions = {}): Promise<string> {
  const safeName = name.replace(/[^a-zA-Z0-9._-]+/g, '-');
  const file = path.join(fromRepoRoot(options.dir ?? SCREENSHOT_DIR), `${safeName}.png`);
  await mkdir(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
  return file;
}
