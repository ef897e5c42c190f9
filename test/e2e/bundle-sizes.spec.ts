import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { contentScripts, firstLoadJavaScript } from '../../scripts/bench/bundle-sizes';
import { fromRepoRoot } from './support/repo-root';

// Sizes of the build these end-to-end tests load (`npm run test:e2e` builds it first). Bytes, never times.
const BUILD = fromRepoRoot('.output/chrome-mv3');

const CONTENT_SCRIPT_BUDGET_BYTES = 10 * 1024;

test('there is one content script per site', () => {
  expect(contentScripts(BUILD).map((script) => script.file)).toEqual(['content-scripts/gmail.js', 'content-scripts/linkedin.js']);
});

// Each content script is loaded into every Gmail or LinkedIn page, so each has a 10 KB gzip budget.
for (const file of ['content-scripts/gmail.js', 'content-scripts/linkedin.js']) {
  test(`${file} stays within 10 KB gzip`, () => {
    const script = contentScripts(BUILD).find((candidate) => candidate.file === file);
    expect(script?.gzipBytes, file).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET_BYTES);
  });
}

// Margin's own ContentScriptContext replaces WXT's (wxt.config.ts): none of WXT's "script started"
// handshake, which a page could forge to stop Margin, and none of its weight.
test('the content scripts carry none of WXT’s content-script context', () => {
  for (const script of contentScripts(BUILD)) {
    expect(readFileSync(path.join(BUILD, script.file), 'utf8'), script.file).not.toContain('content-script-started');
  }
});

test("the sidebar's first paint loads neither the editing nor the metrics, identity or dashboard code", () => {
  const firstLoad = firstLoadJavaScript(BUILD, 'sidebar.html').files.map((file) => file.file);
  for (const later of ['NoteComposer', 'NoteEditor', 'PersonMetrics', 'ContactDetails', 'CrmSyncState', 'FollowUps', 'ForgetContact', 'IdentityTools', 'UnrecognisedPage', 'dashboard']) {
    expect(firstLoad.filter((file) => file.includes(later)), later).toEqual([]);
  }
  // Extension pages use the browser's own promise APIs, not webextension-polyfill (see wxt.config.ts).
  const polyfilled = firstLoad.filter((file) => readFileSync(path.join(BUILD, file), 'utf8').includes('should only be loaded in a browser extension'));
  expect(polyfilled).toEqual([]);
});

// The first screen paints from what the background read ahead (src/db/first-screen.ts); Dexie,
// ~30 KB gzip alone, loads after that paint.
const SIDEBAR_FIRST_LOAD_BUDGET_BYTES = 60 * 1024;

test("the sidebar's first paint loads at most 60 KB gzip of JavaScript", () => {
  const firstLoad = firstLoadJavaScript(BUILD, 'sidebar.html');
  expect(firstLoad.gzipBytes, firstLoad.files.map((file) => `${file.file} ${file.gzipBytes}`).join('\n')).toBeLessThanOrEqual(
    SIDEBAR_FIRST_LOAD_BUDGET_BYTES,
  );
});

test("the sidebar's first paint loads no Dexie", () => {
  // "__dbnames" is the name of Dexie's own database of database names: in its source, nowhere in Margin's.
  const isDexie = (file: string) => readFileSync(path.join(BUILD, file), 'utf8').includes('__dbnames');
  // The check itself finds Dexie where it is: in the build, loaded later.
  const everyChunk = readdirSync(path.join(BUILD, 'chunks')).map((file) => `chunks/${file}`);
  expect(everyChunk.filter(isDexie)).not.toEqual([]);
  const firstLoad = firstLoadJavaScript(BUILD, 'sidebar.html').files.map((file) => file.file);
  expect(firstLoad.filter(isDexie)).toEqual([]);
});
