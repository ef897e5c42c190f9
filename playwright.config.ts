import { defineConfig } from '@playwright/test';

const onCI = Boolean(process.env.CI);

/**
 * End-to-end tests load the built extension (`.output/chrome-mv3`, built by `npm run test:e2e`)
 * into the system's Chromium; see test/e2e/support/launch-extension.ts. There are no `projects`:
 * each test launches its own browser with a fresh profile through the fixtures in
 * test/e2e/support/test.ts, so nothing here needs a browser that Playwright downloads.
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  // A test starts a browser (~1 s) and opens a few pages; a minute means something is stuck.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // One browser at a time: on our two-core machines a second worker made each test slower and
  // the run no faster (measured: 17.5 s with one worker, 18.6 s with two, for 14 tests).
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: onCI
    ? [['list'], ['junit', { outputFile: 'reports/e2e-junit.xml' }], ['html', { open: 'never', outputFolder: 'playwright-report' }]]
    : [['list']],
  use: {
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
  },
});
