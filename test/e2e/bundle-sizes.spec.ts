import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { contentScripts, firstLoadJavaScript } from '../../scripts/bench/bundle-sizes';
import { fromRepoRoot } from './support/repo-root';

// Sizes of the build these end-to-end tests load (`npm run test:e2e` builds it first). Bytes, never times.
const BUILD = fromRepoRoot('.output/chrome-mv3');

test('each content script stays within 10 KB gzip: it is loaded into every Gmail and LinkedIn page', () => {
  const scripts = contentScripts(BUILD);
  expect(scripts.map((script) => script.file)).toEqual(['content-scripts/gmail.js', 'content-scripts/linkedin.js']);
  for (const script of scripts) expect(script.gzipBytes, script.file).toBeLessThanOrEqual(10 * 1024);
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
