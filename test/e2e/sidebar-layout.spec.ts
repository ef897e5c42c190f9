import { expect, test } from './support/test';
import { GMAIL_APP_URL, GMAIL_DEMO_THREAD_FIXTURE, GMAIL_DEMO_THREAD_URL, PRIYA } from './support/demo-pages';
import { clickSidebarToggle, marginHostOf, sidebarFrameBoxOf, sidebarToggleOf, TOGGLE_NAME, type Box } from './support/margin-on-page';
import { saveScreenshot } from './support/screenshots';
import type { Locator, Page } from '@playwright/test';

/** Rounding of fractional layout is forgiven; anything more is the sidebar covering the page. */
const TOLERANCE_PX = 1;

function overlapArea(a: Box, b: Box): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) - TOLERANCE_PX;
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) - TOLERANCE_PX;
  return width > 0 && height > 0 ? width * height : 0;
}

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator} has no box (not visible)`);
  return box;
}

/** The open sidebar's frame; it must be shown. */
async function frameBoxOf(page: Page): Promise<Box> {
  const box = await sidebarFrameBoxOf(page);
  if (!box) throw new Error('the sidebar frame is not shown');
  return box;
}

/** The toggle's name once it is shown, and its box. */
const shownToggle = async (page: Page) => {
  const toggle = await sidebarToggleOf(page);
  return toggle?.box ? toggle.name : 'not shown';
};

/** What a Gmail user reads and uses: the thread's column, its messages and Gmail's side panel. */
async function gmailPartsOf(page: Page): Promise<Array<{ name: string; box: Box }>> {
  const parts: Array<{ name: string; box: Box }> = [{ name: 'the thread column [role=main]', box: await boxOf(page.locator('[role="main"]')) }];
  for (const [index, message] of (await page.locator('[role="main"] [data-message-id]').all()).entries()) {
    if (await message.isVisible()) parts.push({ name: `message ${index + 1}`, box: await boxOf(message) });
  }
  for (const [index, panel] of (await page.locator('[aria-label="Side panel"]').all()).entries()) {
    if (await panel.isVisible()) parts.push({ name: `Gmail's side panel (${index + 1})`, box: await boxOf(panel) });
  }
  return parts;
}

async function expectNoOverlap(page: Page, what: string, box: Box): Promise<void> {
  const parts = await gmailPartsOf(page);
  expect(parts.some((part) => part.name.startsWith("Gmail's side panel")), "the fixture has Gmail's side panel").toBe(true);
  const covered = parts.filter((part) => overlapArea(box, part.box) > 0).map((part) => part.name);
  expect(covered, `${what} at ${JSON.stringify(box)} covers`).toEqual([]);
}

test.beforeEach(async ({ site }) => {
  site.serve({ [GMAIL_APP_URL]: GMAIL_DEMO_THREAD_FIXTURE });
});

test('on first use the sidebar is open beside the thread, covering neither the thread nor Gmail\'s side panel', async ({
  page,
  sidebar,
}) => {
  await page.goto(GMAIL_DEMO_THREAD_URL);
  await expect((await sidebar(page)).getByRole('heading', { level: 1, name: PRIYA.name, exact: true })).toBeVisible();
  await expect(marginHostOf(page)).toHaveAttribute('data-state', 'open');
  await expect.poll(() => shownToggle(page)).toBe(TOGGLE_NAME.open);

  const frameBox = await frameBoxOf(page);
  const viewport = page.viewportSize();
  expect(frameBox.width, 'the open sidebar is wide enough to read').toBeGreaterThanOrEqual(240);
  expect(frameBox.x + frameBox.width, 'the sidebar sits inside the window').toBeLessThanOrEqual((viewport?.width ?? 0) + TOLERANCE_PX);
  await expectNoOverlap(page, 'the open sidebar', frameBox);
  await saveScreenshot(page, 'layout-1-open-beside-thread');
});

test('collapsed, the sidebar is a small tab that stays collapsed after a reload, and opens again', async ({ page, sidebar }) => {
  await page.goto(GMAIL_DEMO_THREAD_URL);
  await expect((await sidebar(page)).getByRole('heading', { level: 1, name: PRIYA.name, exact: true })).toBeVisible();

  await clickSidebarToggle(page, 'open');
  await expect(marginHostOf(page)).toHaveAttribute('data-state', 'collapsed');
  await expect.poll(() => sidebarFrameBoxOf(page), 'the sidebar frame is hidden').toBeNull();
  await expect.poll(() => shownToggle(page)).toBe(TOGGLE_NAME.collapsed);
  const tabBox = (await sidebarToggleOf(page))!.box!;
  expect(tabBox.width, 'the collapsed tab is narrow').toBeLessThanOrEqual(64);
  expect(tabBox.height, 'the collapsed tab is short').toBeLessThanOrEqual(200);
  await expectNoOverlap(page, 'the collapsed tab', tabBox);
  await saveScreenshot(page, 'layout-2-collapsed-tab');

  await page.reload();
  await expect.poll(() => shownToggle(page)).toBe(TOGGLE_NAME.collapsed);
  await expect(marginHostOf(page)).toHaveAttribute('data-state', 'collapsed');
  await expect.poll(() => sidebarFrameBoxOf(page), 'the sidebar frame is hidden').toBeNull();
  await saveScreenshot(page, 'layout-3-still-collapsed-after-reload');

  await clickSidebarToggle(page, 'collapsed');
  await expect(marginHostOf(page)).toHaveAttribute('data-state', 'open');
  await expect((await sidebar(page)).getByRole('heading', { level: 1, name: PRIYA.name, exact: true })).toBeVisible();
  await expectNoOverlap(page, 'the reopened sidebar', await frameBoxOf(page));
  await saveScreenshot(page, 'layout-4-reopened');
});
