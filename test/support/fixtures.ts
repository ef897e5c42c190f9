import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { afterAll, describe } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Margin's own hand-written fixtures. */
export const ownFixturesDir = path.join(repoRoot, 'test', 'fixtures');
/** Real saved pages shared by the team, beside the repository (see ../shared/fixtures/SOURCES.md). */
export const sharedFixturesDir = path.resolve(repoRoot, '..', 'shared', 'fixtures');
export const sharedFixturesPresent = existsSync(path.join(sharedFixturesDir, 'SOURCES.md'));

export function readOwnFixture(relativePath: string): string {
  return readFileSync(path.join(ownFixturesDir, relativePath), 'utf8');
}

export function readSharedFixture(relativePath: string): string {
  return readFileSync(path.join(sharedFixturesDir, relativePath), 'utf8');
}

const openWindows: Window[] = [];
afterAll(async () => {
  await Promise.all(openWindows.splice(0).map((window) => window.happyDOM.close()));
});

/** Messages happy-dom logs while parsing saved pages (iframes, stylesheets it will not load). */
export const parserConsoleErrors: unknown[] = [];

/**
 * Parses saved page HTML the way a content script sees it, with scripts off: happy-dom's
 * DOMParser never evaluates scripts (JavaScript evaluation is also off in its default settings;
 * test/sites/parse-page.test.ts checks both). Each page gets its own window whose console keeps
 * happy-dom's "iframe loading is disabled" noise out of the test output.
 */
export function parsePage(html: string, url = 'https://example.invalid/'): Document {
  const quietConsole = {
    ...console,
    error: (...args: unknown[]) => parserConsoleErrors.push(args),
    warn: (...args: unknown[]) => parserConsoleErrors.push(args),
  } as Console;
  const window = new Window({ url, console: quietConsole });
  openWindows.push(window);
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/**
 * Saved pages are 0.3–3.5 MB: parsing one takes seconds on a busy machine. Suites over them get
 * this much time per test; it bounds the parser's work, it asserts nothing.
 */
export const SAVED_PAGE_TIMEOUT_MS = 60_000;

/**
 * A suite over the shared saved pages. When the folder is absent (a fresh clone without it),
 * the suite is skipped: the test report counts it as skipped, never as passed.
 */
export function describeWithSharedFixtures(name: string, body: () => void): void {
  describe.skipIf(!sharedFixturesPresent)(name, { timeout: SAVED_PAGE_TIMEOUT_MS }, body);
}
