import type { Page } from '@playwright/test';
import { crmDefinition } from '../../../src/sync/adapters/crm-adapters';
import { startCrmMock, type CrmMock, type MockCrm } from '../../sync/mock/crm-mock-server';
import { saveScreenshot } from './screenshots';
import type { SiteServer } from './serve-sites';
import { expect, test as marginTest } from './test';

/**
 * The live-sync specs' shared steps: a CRM mock for each test (choose the CRM with
 * `test.use({ crm: 'hubspot' })`), checked after the test, and connecting to it in Settings.
 */
export const test = marginTest.extend<{ crm: MockCrm; crmMock: CrmMock }>({
  crm: ['pipedrive', { option: true }],
  crmMock: async ({ crm }, use) => {
    const mock = await startCrmMock(crm, { token: `e2e-${crm}-token` });
    try {
      await use(mock);
      expect(mock.violations, 'every request Margin sent must pass the specification').toEqual([]);
    } finally {
      await mock.close();
    }
  },
});

export { expect };

/**
 * Connects Margin to the mock's CRM as the user does: the options page's "CRM connection"
 * section, the CRM picked, its default address replaced by the mock's, the token, "Connect".
 */
export async function connectCrm(
  page: Page,
  site: SiteServer,
  optionsUrl: string,
  mock: Pick<CrmMock, 'crm' | 'url' | 'token'>,
  screenshots: { beforeConnect?: string; connected?: string } = {},
): Promise<void> {
  const { label, defaultBaseUrl } = crmDefinition(mock.crm);
  await site.allowCrmMock(mock.url);
  await page.goto(optionsUrl);
  const section = page.getByRole('region', { name: 'CRM connection' });
  await section.getByLabel('CRM').selectOption(label);
  await expect(section.getByLabel('API address')).toHaveValue(defaultBaseUrl);
  await section.getByLabel('API address').fill(mock.url);
  await section.getByLabel('API token').fill(mock.token);
  if (screenshots.beforeConnect) await saveScreenshot(page, screenshots.beforeConnect, { fullPage: true });
  await section.getByRole('button', { name: 'Connect' }).click();
  await expect(section.getByText(`Connected to ${label}`)).toBeVisible();
  if (screenshots.connected) await saveScreenshot(page, screenshots.connected, { fullPage: true });
}
