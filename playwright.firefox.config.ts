import { defineConfig } from '@playwright/test';

const onCI = Boolean(process.env.CI);

/**
 * The Firefox end-to-end suite: the Firefox build (`.output/firefox-mv3`, built by
 * `npm run test:firefox`) in Debian's Firefox ESR, driven by puppeteer-core over WebDriver BiDi
 * (Playwright's own Firefox cannot load extensions). Playwright is only the test runner here: its
 * fixtures, steps, expect and JUnit report, like the Chromium suite's. See test/firefox/support/.
 */
export default defineConfig({
  testDir: 'test/firefox',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/firefox',
  // One Firefox serves the whole suite; a test opens a few pages in a tab of it.
  timeout: 90_000,
  // Firefox on a loaded two-core machine: the sidebar can take seconds to come up.
  expect: { timeout: 20_000 },
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: onCI ? [['list'], ['junit', { outputFile: 'reports/firefox-junit.xml' }]] : [['list']],
});
