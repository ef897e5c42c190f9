import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * Measurements, not tests: `npx playwright test -c playwright.measure.config.ts` after
 * `MARGIN_E2E=1 npx wxt build`. They print numbers and assert nothing about time.
 */
export default defineConfig({ ...base, testMatch: '**/*.measure.ts', timeout: 300_000, reporter: [['list']] });
