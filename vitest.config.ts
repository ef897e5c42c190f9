import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    setupFiles: ['test/setup.ts'],
    environment: 'happy-dom',
    restoreMocks: true,
    // No unit test asserts a time (speed is measured by `npm run bench`), so a test must not fail
    // because the machine is slow: vitest's 5 s default failed large-data tests (paging 5,000
    // interactions) on a 2-core runner under load, where the same test takes 1 s alone.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // On CI, a JUnit file as well, so .ci/run can print one closing count for every suite.
    reporters: process.env.CI ? ['default', ['junit', { outputFile: 'reports/unit-junit.xml' }]] : ['default'],
  },
});
