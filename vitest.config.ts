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
    // On CI, a JUnit file as well, so .ci/run can print one closing count for every suite.
    reporters: process.env.CI ? ['default', ['junit', { outputFile: 'reports/unit-junit.xml' }]] : ['default'],
  },
});
