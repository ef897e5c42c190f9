import { expectNoSeriousAxeViolations } from './support/axe';
import { fromRepoRoot } from './support/repo-root';
import { saveScreenshot } from './support/screenshots';
import { expect, test } from './support/test';
import type { Locator, Page } from '@playwright/test';

/** WCAG contrast of a button's text on its own background (axe checks the same; this names the button). */
async function contrastOf(button: Locator): Promise<number> {
  return button.evaluate((element) => {
    const rgb = (color: string): number[] => (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const luminance = ([r = 0, g = 0, b = 0]: number[]): number => {
      const channel = (value: number) => {
        const c = value / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const style = getComputedStyle(element);
    // A transparent button shows the page behind it.
    let background = style.backgroundColor;
    for (let node: Element | null = element; node && /rgba\(.*, 0\)|transparent/.test(background); node = node.parentElement) {
      background = getComputedStyle(node).backgroundColor;
    }
    if (/rgba\(.*, 0\)|transparent/.test(background)) background = 'rgb(255, 255, 255)';
    const [light, dark] = [luminance(rgb(style.color)), luminance(rgb(background))].sort((a, b) => b - a);
    return (light! + 0.05) / (dark! + 0.05);
  });
}

async function loadDemo(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Load demo data' }).click();
  await expect(page.getByText(/Loaded \d+ demo contacts/)).toBeVisible();
}

test('destructive buttons are readable, and axe finds nothing serious with them shown (dashboard)', async ({ page, extensionUrl }) => {
  await page.goto(extensionUrl('dashboard.html'));
  await loadDemo(page);

  await page.getByRole('button', { name: 'Priya Raman', exact: true }).click();
  const drawer = page.getByRole('complementary', { name: /Priya Raman/ });
  await drawer.getByRole('button', { name: 'Delete contact…' }).click();
  const deleteButton = drawer.getByRole('button', { name: 'Delete Priya Raman and all their data' });
  await expect(deleteButton).toBeVisible();
  expect(await contrastOf(deleteButton), '"Delete contact" text on its background').toBeGreaterThanOrEqual(4.5);
  await saveScreenshot(page, 'dashboard-defects-1-delete-contact');
  await expectNoSeriousAxeViolations(page, 'the dashboard with "Delete contact" asked');
  await drawer.getByRole('button', { name: 'Keep' }).click();

  await page.getByRole('link', { name: 'Export & import' }).click();
  await page.getByLabel('Backup file (.json)').setInputFiles(fromRepoRoot('test/fixtures/exports/backup-alice.json'));
  const replace = page.getByRole('button', { name: 'Replace my data with this backup' });
  await expect(replace).toBeVisible();
  expect(await contrastOf(replace), '"Replace my data" text on its background').toBeGreaterThanOrEqual(4.5);
  await saveScreenshot(page, 'dashboard-defects-2-replace-backup');
  await expectNoSeriousAxeViolations(page, 'the dashboard with a restore offered');
});

test('the export says "Generic CSV ready", once', async ({ page, extensionUrl }) => {
  await page.goto(extensionUrl('dashboard.html'));
  await loadDemo(page);
  await page.getByRole('link', { name: 'Export & import' }).click();
  await page.getByRole('button', { name: 'Export for Generic CSV' }).click();
  await expect(page.getByText(/^Generic CSV ready:/)).toBeVisible();
  await expect(page.getByText(/CSV CSV/)).toHaveCount(0);
});

test('"Remove demo data" removes the demo people and only them', async ({ page, extensionUrl }) => {
  await page.goto(extensionUrl('dashboard.html'));
  await loadDemo(page);
  const demo = page.getByRole('group', { name: 'Demo data' });
  await expect(demo).toContainText('6 demo people are in Margin.');
  await demo.getByRole('button', { name: 'Remove demo data…' }).click();
  await saveScreenshot(page, 'dashboard-defects-3-remove-demo');
  await expectNoSeriousAxeViolations(page, 'the dashboard asking to remove the demo data');
  await demo.getByRole('button', { name: 'Remove 6 demo people' }).click();
  await expect(page.getByText('Removed 6 demo people.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Load demo data' })).toBeVisible();
});

test('a read that fails says it failed, not that the person is new', async ({ page, extensionUrl }) => {
  await page.goto(extensionUrl('dashboard.html'));
  await loadDemo(page);
  // From now on every IndexedDB read in this page throws, as a corrupted or locked profile does.
  await page.evaluate(() => {
    const refuse = function refuse(): never {
      throw new DOMException('The database could not be read.', 'UnknownError');
    };
    for (const prototype of [IDBObjectStore.prototype, IDBIndex.prototype] as unknown as Array<Record<string, unknown>>) {
      for (const method of ['get', 'getAll', 'getAllKeys', 'getKey', 'count', 'openCursor', 'openKeyCursor']) prototype[method] = refuse;
    }
  });
  await page.getByRole('button', { name: 'Priya Raman', exact: true }).click();
  const drawer = page.getByRole('complementary', { name: /Priya Raman/ });
  await expect(drawer.getByRole('alert')).toContainText('Margin could not read what it holds about Priya Raman.');
  await expect(drawer.getByText(/Not in Margin yet/)).toHaveCount(0);
  await expect(drawer.getByRole('button', { name: 'Save note' })).toHaveCount(0);
  await saveScreenshot(page, 'dashboard-defects-4-failed-read');
});

test('the options page has no serious or critical accessibility violations', async ({ page, extensionUrl }) => {
  await page.goto(extensionUrl('options.html'));
  await expect(page.getByRole('heading', { level: 1, name: 'Margin settings' })).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'the options page');
  await saveScreenshot(page, 'options-page', { fullPage: true });
});
