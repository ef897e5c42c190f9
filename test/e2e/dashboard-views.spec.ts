import { expectNoSeriousAxeViolations as expectNoSeriousAxeViolationsOn } from './support/axe';
import { saveScreenshot } from './support/screenshots';
import { expect, test } from './support/test';
import type { Page } from '@playwright/test';

function expectNoSeriousAxeViolations(page: Page, view: string): Promise<void> {
  return expectNoSeriousAxeViolationsOn(page, `the ${view} view`);
}

test('the dashboard: find, open and change contacts, review the week, see the metrics; axe finds nothing serious', async ({
  page,
  extensionUrl,
}) => {
  await page.goto(extensionUrl('dashboard.html'));
  await page.getByRole('button', { name: 'Load demo data' }).click();
  await expect(page.getByText(/contacts shown/)).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'contacts');

  await test.step('search finds a person by note text, and filters narrow the list', async () => {
    const search = page.getByRole('searchbox', { name: 'Search' });
    await search.fill('Priya');
    await expect(page.getByRole('button', { name: 'Priya Raman', exact: true })).toBeVisible();
    await search.fill('');
    await page.getByRole('search').getByLabel('Stage', { exact: true }).selectOption('Qualified');
    const rows = page.locator('table.contacts tbody tr');
    for (const stage of await rows.locator('td:nth-child(5)').allTextContents()) expect(stage).toBe('Qualified');
    await page.getByRole('search').getByLabel('Stage', { exact: true }).selectOption('any');
  });

  await test.step('opening a person shows the sidebar panel: composer and timeline', async () => {
    await page.getByRole('button', { name: 'Priya Raman', exact: true }).click();
    const drawer = page.getByRole('complementary', { name: /Priya Raman/ });
    await expect(drawer.getByRole('heading', { level: 1, name: 'Priya Raman' })).toBeVisible();
    await expect(drawer.getByLabel('Note', { exact: true })).toBeVisible();
    await saveScreenshot(page, 'dashboard-1-person-open');
    await expectNoSeriousAxeViolations(page, 'contacts with a person open');
    await drawer.getByRole('button', { name: 'Close Priya Raman' }).click();
  });

  await test.step('bulk tag and bulk stage change', async () => {
    await page.getByRole('checkbox', { name: 'Select Priya Raman' }).check();
    await page.getByRole('group', { name: 'Change the selected contacts' }).getByLabel('Tag to add').fill('q3-review');
    await page.getByRole('button', { name: 'Add tag' }).click();
    await expect(page.getByText('Tagged 1 contact "q3-review".')).toBeVisible();
    await page.getByRole('group', { name: 'Change the selected contacts' }).getByLabel('New stage').selectOption('Delighted');
    await page.getByRole('button', { name: 'Set stage' }).click();
    await expect(page.getByText('Moved 1 contact to Delighted.')).toBeVisible();
    await page.getByRole('search').getByLabel('Tag', { exact: true }).selectOption('q3-review');
    await expect(page.locator('table.contacts tbody tr')).toHaveCount(1);
  });

  await test.step('the weekly review', async () => {
    await page.getByRole('link', { name: 'Weekly review' }).click();
    await expect(page.getByRole('heading', { name: /Follow-ups overdue/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: /At-Risk/ })).toBeVisible();
    await saveScreenshot(page, 'dashboard-2-weekly-review', { fullPage: true });
    await expectNoSeriousAxeViolations(page, 'weekly review');
  });

  await test.step('metrics are pictures', async () => {
    await page.getByRole('link', { name: 'Metrics' }).click();
    for (const chart of ['Stage funnel', 'Score distribution', 'Sentiment by month', 'Notes logged per week', 'Data completeness']) {
      await expect(page.getByRole('img', { name: new RegExp(`^${chart}\\.`) })).toBeVisible();
    }
    await saveScreenshot(page, 'dashboard-3-metrics', { fullPage: true });
    await expectNoSeriousAxeViolations(page, 'metrics');
  });

  await test.step('export and import', async () => {
    await page.getByRole('link', { name: 'Export & import' }).click();
    await expect(page.getByRole('button', { name: 'Export for HubSpot' })).toBeVisible();
    await expectNoSeriousAxeViolations(page, 'export and import');
  });
});
