import { expect, test } from './support/test';
import {
  DEMO_SITE_MAP,
  GMAIL_DEMO_THREAD_URL,
  LINKEDIN_DEMO_PROFILE_URL,
  PRIYA,
} from './support/demo-pages';
import { saveScreenshot } from './support/screenshots';
import type { Frame } from '@playwright/test';

/** The section of the sidebar headed "Timeline". */
function timelineOf(sidebar: Frame) {
  return sidebar
    .locator('section, [role="region"]')
    .filter({ has: sidebar.getByRole('heading', { name: 'Timeline', exact: true }) })
    .last();
}

test('a note written beside a Gmail thread is kept, stays out of the page, and Priya is known on LinkedIn', async ({
  page,
  site,
  sidebar,
}) => {
  site.serve(DEMO_SITE_MAP);

  await test.step('the sidebar recognises Priya on the demo Gmail thread', async () => {
    await page.goto(GMAIL_DEMO_THREAD_URL);
    const margin = await sidebar(page);
    await expect(margin.getByRole('heading', { level: 1, name: PRIYA.name, exact: true })).toBeVisible();
    await expect(margin.getByText(PRIYA.email).first()).toBeVisible();
    await saveScreenshot(page, 'walking-skeleton-1-gmail-thread');
  });

  const note = 'Kickoff moved to Tuesday 19 May; Jonas signed off the security review.';

  await test.step('a note saved in the sidebar appears on her timeline', async () => {
    const margin = await sidebar(page);
    await margin.getByLabel('Note', { exact: true }).fill(note);
    await margin.getByRole('button', { name: 'Save note', exact: true }).click();
    await expect(timelineOf(margin).getByText(note)).toBeVisible();
    await saveScreenshot(page, 'walking-skeleton-2-note-saved');
  });

  await test.step('after a reload the note is still there', async () => {
    await page.reload();
    const margin = await sidebar(page);
    await expect(margin.getByRole('heading', { level: 1, name: PRIYA.name, exact: true })).toBeVisible();
    await expect(timelineOf(margin).getByText(note)).toBeVisible();
    await saveScreenshot(page, 'walking-skeleton-3-after-reload');
  });

  await test.step("nothing was stored in Gmail's own storage", async () => {
    // Evaluated in the page's main world: what Gmail's scripts could read.
    const pageStorage = await page.evaluate(async () => ({
      indexedDB: (await indexedDB.databases()).map((database) => database.name),
      localStorage: Object.keys(localStorage),
      sessionStorage: Object.keys(sessionStorage),
    }));
    expect(pageStorage).toEqual({ indexedDB: [], localStorage: [], sessionStorage: [] });
  });

  await test.step('on her LinkedIn profile the sidebar shows Priya and her profile id', async () => {
    await page.goto(LINKEDIN_DEMO_PROFILE_URL);
    const margin = await sidebar(page);
    await expect(margin.getByRole('heading', { level: 1, name: PRIYA.name, exact: true })).toBeVisible();
    await expect(margin.getByText(PRIYA.linkedinProfile).first()).toBeVisible();
    await saveScreenshot(page, 'walking-skeleton-4-linkedin-profile');
  });
});
