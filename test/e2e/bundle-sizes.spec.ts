import { readFileSync } from 'node:fs';
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
    // Known breach, kept visible rather than deleted: the resizable, self-collapsing sidebar frame
    // (+1.2 KB) took LinkedIn's script from 9.8 to 11.0 KB gzip (10.8 now). This test fails as
    // expected until the script is back within budget; then Playwright reports it as passing
    // unexpectedly, and this line goes.
    test.fail(file === 'content-scripts/linkedin.js', 'over budget since the resizable sidebar frame (issue 12)');
    const script = contentScripts(BUILD).find((candidate) => candidate.file === file);
    expect(script?.gzipBytes, file).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET_BYTES);
  });
}

test("the sidebar's first paint loads neither the editing nor the metrics, identity or dashboard code", () => {
  const firstLoad = firstLoadJavaScript(BUILD, 'sidebar.html').files.map((file) => file.file);
  for (const later of ['NoteComposer', 'NoteEditor', 'PersonMetrics', 'ContactDetails', 'CrmSyncState', 'FollowUps', 'ForgetContact', 'IdentityTools', 'UnrecognisedPage', 'dashboard']) {
    expect(firstLoad.filter((file) => file.includes(later)), later).toEqual([]);
  }
  // Extension pages use the browser's own promise APIs, not webextension-polyfill (see wxt.config.ts).
  const polyfilled = firstLoad.filter((file) => readFileSync(path.join(BUILD, file), 'utf8').includes('should only be loaded in a browser extension'));
  expect(polyfilled).toEqual([]);
});
