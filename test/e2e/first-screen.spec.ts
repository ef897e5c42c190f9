import { expect, test } from './support/test';
import { DEMO_SITE_MAP, GMAIL_DEMO_THREAD_URL, PRIYA } from './support/demo-pages';
import { sidebarFrameBoxOf } from './support/margin-on-page';
import { saveScreenshot } from './support/screenshots';
import type { Locator, Page } from '@playwright/test';

async function loadDemoData(page: Page, dashboardUrl: string): Promise<void> {
  await page.goto(dashboardUrl);
  await page.getByRole('button', { name: 'Load demo data' }).click();
  await expect(page.getByText(/Loaded \d+ demo contacts/)).toBeVisible();
}

/** Whether `locator` lies wholly inside the sidebar as the rep sees it now (no scrolling). */
async function expectOnFirstScreen(page: Page, locator: Locator, what: string): Promise<void> {
  const frame = await sidebarFrameBoxOf(page);
  const box = await locator.boundingBox();
  if (!frame || !box) throw new Error(`${what} is not shown`);
  const scrolled = await locator.evaluate(() => window.scrollY);
  expect(scrolled, 'the sidebar was not scrolled').toBe(0);
  expect(box.y, `${what}: top inside the sidebar`).toBeGreaterThanOrEqual(frame.y);
  expect(box.y + box.height, `${what}: bottom inside the visible sidebar`).toBeLessThanOrEqual(frame.y + frame.height);
}

test('at 1440×900 the first screen says who, what happened last and what is next; a saved note shows there at once with Undo', async ({
  page,
  site,
  sidebar,
  extensionUrl,
}) => {
  site.serve(DEMO_SITE_MAP);
  await loadDemoData(page, extensionUrl('dashboard.html'));
  await page.goto(GMAIL_DEMO_THREAD_URL);
  const side = await sidebar(page);
  await expect(side.getByRole('heading', { level: 1, name: PRIYA.name, exact: true })).toBeVisible();

  // Who: name, company, stage chip, score chip with its band.
  const header = side.locator('header.person');
  await expect(header).toContainText('Northwind Logistics');
  await expect(header.getByLabel('Lifecycle stage')).toBeVisible();
  const scoreChip = header.getByRole('button', { name: /^Score \d+ · (Cold|Warm|Active|Hot)$/ });
  await expectOnFirstScreen(page, scoreChip, 'the score chip');
  // The chip wears its band's colour (light scheme), not a plain chip's: Priya's demo history makes her warm or hotter.
  const band = /· (\w+)\s*$/.exec((await scoreChip.textContent()) ?? '')?.[1] ?? '';
  const BAND_COLOUR: Record<string, string> = { Hot: 'rgb(179, 38, 30)', Active: 'rgb(31, 111, 92)', Warm: 'rgb(154, 91, 0)' };
  expect(Object.keys(BAND_COLOUR)).toContain(band);
  await expect(scoreChip).toHaveCSS('color', BAND_COLOUR[band] as string);
  // What happened last, and what is next.
  await expectOnFirstScreen(page, side.getByRole('region', { name: 'Latest' }).getByRole('listitem').first(), 'the latest item');
  await expectOnFirstScreen(page, side.getByRole('region', { name: 'Follow-ups' }), 'the follow-ups');
  // The explanation is folded away until asked for, and lists nothing that adds +0.0.
  await expect(side.getByRole('region', { name: 'Why this score' })).toHaveCount(0);
  await scoreChip.click();
  const why = side.getByRole('region', { name: 'Why this score' });
  await expect(why).toBeVisible();
  await expect(why).not.toContainText('+0.0');
  await saveScreenshot(page, 'first-screen-1-gmail-1440x900-why-this-score');
  await scoreChip.click();
  await expect(why).toHaveCount(0);
  await saveScreenshot(page, 'first-screen-2-gmail-1440x900');

  const note = 'Priya wants the pilot in two depots first.';
  await side.getByLabel('Note', { exact: true }).fill(note);
  await side.getByLabel('Note', { exact: true }).press('Control+Enter');
  const saved = side.getByRole('group', { name: 'Just saved' });
  await expect(saved).toContainText('Saved');
  await expectOnFirstScreen(page, saved.getByText(note), 'the saved note');
  await expectOnFirstScreen(page, saved.getByRole('button', { name: 'Undo' }), 'Undo');
  await expect(side.getByRole('region', { name: 'Latest' }).getByRole('listitem').first()).toContainText(note);
  await saveScreenshot(page, 'first-screen-3-gmail-1440x900-saved');

  await saved.getByRole('button', { name: 'Undo' }).click();
  await expect(side.getByLabel('Note', { exact: true })).toHaveValue(note);
  await expect(side.getByRole('region', { name: 'Timeline' })).not.toContainText(note);
});

test('a call with its duration is logged from the Type control and shown under "Meetings and calls"', async ({ page, site, sidebar }) => {
  site.serve(DEMO_SITE_MAP);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(GMAIL_DEMO_THREAD_URL);
  const side = await sidebar(page);
  await side.getByRole('radio', { name: 'Call' }).click();
  await side.getByLabel('Duration (minutes)').fill('25');
  await side.getByLabel('Objection').fill('Current TMS vendor');
  await side.getByRole('button', { name: 'Save call' }).click();
  await expect(side.getByRole('group', { name: 'Just saved' })).toContainText('Call, 25 min');
  const timeline = side.getByRole('region', { name: 'Timeline' });
  await timeline.getByLabel('Show').selectOption({ label: 'Meetings and calls' });
  await expect(timeline.getByRole('listitem')).toHaveCount(1);
  await expect(timeline.getByRole('listitem').first()).toContainText('Call, 25 min');
  await expect(timeline.getByRole('listitem').first()).toContainText('Objection: Current TMS vendor');
});
