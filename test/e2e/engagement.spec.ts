import type { Frame, Page } from '@playwright/test';
import { DEMO_SITE_MAP, GMAIL_DEMO_THREAD_URL, LINKEDIN_DEMO_PROFILE_URL, PRIYA } from './support/demo-pages';
import { backgroundNow, captureFinished } from './support/capture-finished';
import { saveScreenshot } from './support/screenshots';
import { expect, test } from './support/test';

/** Emails on the sidebar's timeline (captured ones: Margin logs no email by itself otherwise). */
function timelineEmails(margin: Frame) {
  return margin.getByRole('region', { name: 'Timeline' }).locator('li.kind-email-in, li.kind-email-out');
}

async function openAndTrack(page: Page, sidebar: (page: Page) => Promise<Frame>, url: string): Promise<void> {
  await page.goto(url);
  const margin = await sidebar(page);
  await expect(margin.getByRole('heading', { level: 1, name: PRIYA.name, exact: true })).toBeVisible();
  await margin.getByRole('button', { name: 'Track', exact: true }).click();
}

/** Priya's 1:1 LinkedIn conversation (test/fixtures/linkedin/messaging-1to1-priya.html). */
const LINKEDIN_CONVERSATION_URL = 'https://www.linkedin.com/messaging/thread/2-ZmJiYzQ3NjEtNGQ5ZC00YmE1LWI4YWQtMWYyNzY0NzdlNmQ1XzAxMA==/';

function timelineLinkedInMessages(margin: Frame) {
  return margin.getByRole('region', { name: 'Timeline' }).locator('li.kind-linkedin-message-in, li.kind-linkedin-message-out');
}

function engagementNumber(margin: Frame) {
  return margin.locator('.engagement-number');
}

test('opening the same Gmail thread twice, and in a second tab, logs each message once', async ({ page, context, site, sidebar, serviceWorker }) => {
  site.serve(DEMO_SITE_MAP);
  const margin = () => sidebar(page);

  await test.step('an untracked person shows what would be captured', async () => {
    await page.goto(GMAIL_DEMO_THREAD_URL);
    const preview = (await margin()).getByRole('region', { name: `Track ${PRIYA.name}` });
    await expect(preview.getByRole('listitem').first()).toBeVisible();
    await saveScreenshot(page, 'engagement-1-track-preview');
  });

  let captured = 0;
  await test.step('"Track" captures every message of the thread', async () => {
    await (await margin()).getByRole('button', { name: 'Track', exact: true }).click();
    await expect(timelineEmails(await margin()).first()).toBeVisible();
    captured = await timelineEmails(await margin()).count();
    expect(captured).toBeGreaterThanOrEqual(2);
    await expect((await margin()).getByRole('button', { name: /^Score \d+ · (Cold|Warm|Active|Hot)$/ })).toBeVisible();
  });

  await test.step('opening the thread again adds nothing', async () => {
    const since = await backgroundNow(serviceWorker);
    await page.reload();
    await expect((await sidebar(page)).getByRole('heading', { level: 1, name: PRIYA.name, exact: true })).toBeVisible();
    // The background has captured from the fresh report: whatever it would add is there now.
    await captureFinished(serviceWorker, GMAIL_DEMO_THREAD_URL, since);
    await expect(timelineEmails((await sidebar(page)))).toHaveCount(captured);
  });

  await test.step('opening it in a second tab adds nothing either', async () => {
    const second = await context.newPage();
    const since = await backgroundNow(serviceWorker);
    await second.goto(GMAIL_DEMO_THREAD_URL);
    await expect(timelineEmails((await sidebar(second))).first()).toBeVisible();
    await captureFinished(serviceWorker, GMAIL_DEMO_THREAD_URL, since);
    await expect(timelineEmails((await sidebar(second)))).toHaveCount(captured);
    await expect(timelineEmails((await sidebar(page)))).toHaveCount(captured);
    await saveScreenshot(second, 'engagement-2-thread-captured-once');
  });
});

test('a LinkedIn profile visit raises the score', async ({ page, site, sidebar, serviceWorker }) => {
  site.serve(DEMO_SITE_MAP);
  const margin = () => sidebar(page);
  await page.goto(LINKEDIN_DEMO_PROFILE_URL);
  await expect((await margin()).getByRole('heading', { level: 1, name: PRIYA.name, exact: true })).toBeVisible();

  // A note makes her a contact; the visit that showed the page happened before she was tracked.
  await (await margin()).getByLabel('Note', { exact: true }).fill('Met Priya at the logistics meetup.');
  await (await margin()).getByRole('button', { name: 'Save note', exact: true }).click();
  await expect(engagementNumber(await margin())).toHaveText('10'); // a note: 1 → round(100 × (1 − e^−0.1))
  await expect((await margin()).getByRole('region', { name: 'Timeline' }).locator('li.kind-linkedin-view')).toHaveCount(0);

  await page.reload();
  await expect((await sidebar(page)).getByRole('region', { name: 'Timeline' }).locator('li.kind-linkedin-view')).toHaveCount(1);
  await expect(engagementNumber((await sidebar(page)))).toHaveText('14'); // + a view: 1.5 → 14
  await saveScreenshot(page, 'engagement-3-linkedin-visit-raised-score');

  // Once a day: another visit today adds nothing.
  const since = await backgroundNow(serviceWorker);
  await page.reload();
  await expect(engagementNumber((await sidebar(page)))).toHaveText('14');
  await captureFinished(serviceWorker, LINKEDIN_DEMO_PROFILE_URL, since);
  await expect((await sidebar(page)).getByRole('region', { name: 'Timeline' }).locator('li.kind-linkedin-view')).toHaveCount(1);
});

test('accepting a stage suggestion moves the stage and puts it on the timeline with its reason', async ({ page, site, sidebar }) => {
  site.serve(DEMO_SITE_MAP);
  const margin = () => sidebar(page);
  await openAndTrack(page, sidebar, GMAIL_DEMO_THREAD_URL);

  const suggestion = (await margin()).getByRole('group', { name: 'Move to Engaged?' });
  await expect(suggestion).toContainText(/Two-way contact: \d+ messages? from them, \d+ messages? from you/);
  const reason = (await suggestion.locator('.suggestion-reason').textContent()) ?? '';
  await saveScreenshot(page, 'engagement-4-stage-suggestion');

  await suggestion.getByRole('button', { name: 'Move to Engaged' }).click();
  await expect((await margin()).getByLabel('Lifecycle stage')).toHaveValue('Engaged');
  const change = (await margin()).getByRole('region', { name: 'Timeline' }).locator('li.kind-stage-change').first();
  await expect(change).toContainText('Awareness → Engaged');
  await expect(change).toContainText(reason);
  await expect((await margin()).getByRole('group', { name: 'Move to Engaged?' })).toHaveCount(0);
  await saveScreenshot(page, 'engagement-5-stage-accepted');
});

test('opening a LinkedIn conversation with a tracked person logs each message once, at the time LinkedIn shows', async ({ page, site, sidebar, serviceWorker }) => {
  site.serve({ ...DEMO_SITE_MAP, [LINKEDIN_CONVERSATION_URL]: 'test/fixtures/linkedin/messaging-1to1-priya.html' });
  await openAndTrack(page, sidebar, LINKEDIN_DEMO_PROFILE_URL);
  await expect((await sidebar(page)).getByRole('button', { name: 'Track', exact: true })).toHaveCount(0);

  await page.goto(LINKEDIN_CONVERSATION_URL);
  const margin = () => sidebar(page);
  await expect((await margin()).getByRole('heading', { level: 1, name: PRIYA.name, exact: true })).toBeVisible();
  await expect(timelineLinkedInMessages(await margin())).toHaveCount(4);

  // "May 12, 2026" 10:42 AM (Priya, twice in one run), 11:05 AM (the user); "Yesterday" 8:57 AM.
  const today = new Date();
  const expected = [
    ['linkedin-message-in', new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1, 8, 57), '08:57'],
    ['linkedin-message-out', new Date(2026, 4, 12, 11, 5), '11:05'],
    ['linkedin-message-in', new Date(2026, 4, 12, 10, 42), '10:42'],
    ['linkedin-message-in', new Date(2026, 4, 12, 10, 42), '10:42'],
  ] as const;
  for (const [index, [kind, at, clock]] of expected.entries()) {
    const item = timelineLinkedInMessages(await margin()).nth(index);
    await expect(item).toHaveClass(new RegExp(`kind-${kind}`));
    await expect(item.locator('time')).toHaveAttribute('datetime', at.toISOString());
    await expect(item.locator('time')).toContainText(clock.replace(/^0/, ''));
  }
  await saveScreenshot(page, 'engagement-6-linkedin-messages-captured');

  const since = await backgroundNow(serviceWorker);
  await page.reload();
  await expect((await sidebar(page)).getByRole('heading', { level: 1, name: PRIYA.name, exact: true })).toBeVisible();
  // The background has captured from the fresh report: still four.
  await captureFinished(serviceWorker, LINKEDIN_CONVERSATION_URL, since);
  await expect(timelineLinkedInMessages((await sidebar(page)))).toHaveCount(4);
});
