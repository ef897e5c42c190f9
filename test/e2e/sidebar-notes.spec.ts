import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { sidebarOf } from './support/margin-on-page';
import {
  DEMO_SITE_MAP,
  GMAIL_DEMO_THREAD_URL,
  LINKEDIN_DEMO_PROFILE_URL,
  PRIYA,
} from './support/demo-pages';
import { saveScreenshot } from './support/screenshots';
import { expect, test } from './support/test';

const require = createRequire(import.meta.url);

async function loadDemoData(page: Page, dashboardUrl: string): Promise<void> {
  await page.goto(dashboardUrl);
  await page.getByRole('button', { name: 'Load demo data' }).click();
  await expect(page.getByText(/Loaded \d+ demo contacts/)).toBeVisible();
}

test('a structured note with a sentiment lands at the top of the timeline and survives a reload', async ({ page, site, sidebar }) => {
  site.serve(DEMO_SITE_MAP);
  await page.goto(GMAIL_DEMO_THREAD_URL);
  const margin = await sidebar(page);
  await expect(margin.getByRole('heading', { level: 1, name: PRIYA.name })).toBeVisible();

  await margin.getByLabel('Note', { exact: true }).fill('Walked through the rollout plan with Priya.');
  await margin.getByLabel('Objection', { exact: true }).fill('Worried about the night-shift planners learning a new tool');
  await margin.getByLabel('Emotion observed', { exact: true }).fill('Relieved');
  await margin.getByLabel('Next step', { exact: true }).fill('Send the training schedule');
  await margin.getByRole('radiogroup', { name: 'Sentiment' }).getByLabel('Positive').check();
  await margin.getByLabel('Tags', { exact: true }).fill('rollout, training');
  await margin.getByLabel('Note', { exact: true }).press('Control+Enter');

  const timeline = margin.getByRole('region', { name: 'Timeline' });
  const first = timeline.getByRole('listitem').first();
  await expect(first).toContainText('Walked through the rollout plan with Priya.');
  await expect(first).toContainText('Objection: Worried about the night-shift planners');
  await expect(first).toContainText('Emotion observed: Relieved');
  await expect(first).toContainText('Next step: Send the training schedule');
  await expect(first).toContainText('Positive');
  await expect(margin.getByLabel('Note', { exact: true })).toHaveValue('');
  await saveScreenshot(page, 'notes-1-structured-note-saved');

  await page.reload();
  const afterReload = (await sidebar(page)).getByRole('region', { name: 'Timeline' }).getByRole('listitem').first();
  await expect(afterReload).toContainText('Walked through the rollout plan with Priya.');
  await expect(afterReload).toContainText('Positive');
});

test('the same history shows on Gmail and on LinkedIn for a person known by both', async ({ page, site, sidebar, extensionUrl }) => {
  site.serve(DEMO_SITE_MAP);
  await loadDemoData(page, extensionUrl('dashboard.html'));
  await page.goto(GMAIL_DEMO_THREAD_URL);
  const onGmail = await sidebar(page);
  await onGmail.getByLabel('Note', { exact: true }).fill('Priya confirmed the kickoff for Tuesday.');
  await onGmail.getByRole('button', { name: 'Save note' }).click();
  await expect(onGmail.getByRole('region', { name: 'Timeline' }).getByRole('listitem').first()).toContainText(
    'Priya confirmed the kickoff for Tuesday.',
  );

  await page.goto(LINKEDIN_DEMO_PROFILE_URL);
  const onLinkedIn = await sidebar(page);
  await expect(onLinkedIn.getByText(PRIYA.linkedinProfile)).toBeVisible();
  const timeline = onLinkedIn.getByRole('region', { name: 'Timeline' });
  // The visit itself is on the timeline now too (activity capture), above the note.
  await expect(timeline.getByRole('listitem').filter({ hasText: 'Priya confirmed the kickoff for Tuesday.' })).toHaveCount(1);
  expect(await timeline.getByRole('listitem').count()).toBeGreaterThan(10);
  await saveScreenshot(page, 'notes-2-rich-timeline-on-linkedin');
});

test('a draft survives closing the tab', async ({ context, page, site, sidebar }) => {
  site.serve(DEMO_SITE_MAP);
  await page.goto(GMAIL_DEMO_THREAD_URL);
  const margin = await sidebar(page);
  await margin.getByLabel('Note', { exact: true }).fill('Half-written thought about the pricing call');
  await margin.getByLabel('Next step', { exact: true }).fill('Ask about the board date');
  // No waiting: the draft is written as it is typed (draft-survives-close.spec.ts times the close).
  await page.close();

  const again = await context.newPage();
  await again.goto(GMAIL_DEMO_THREAD_URL);
  const restored = await sidebar(again);
  await expect(restored.getByLabel('Note', { exact: true })).toHaveValue('Half-written thought about the pricing call');
  await expect(restored.getByLabel('Next step', { exact: true })).toHaveValue('Ask about the board date');
  await expect(restored.getByText('Draft restored')).toBeVisible();
});

test('saving twice by double click stores one note', async ({ page, site, sidebar }) => {
  site.serve(DEMO_SITE_MAP);
  await page.goto(GMAIL_DEMO_THREAD_URL);
  const margin = await sidebar(page);
  await margin.getByLabel('Note', { exact: true }).fill('Only once, please');
  await margin.getByRole('button', { name: 'Save note' }).dblclick();
  const timeline = margin.getByRole('region', { name: 'Timeline' });
  await expect(timeline.getByRole('listitem')).toHaveCount(1);
  // Both clicks are done with: the note is saved and no save is pending any more.
  await expect(margin.getByRole('status').filter({ hasText: `Note saved for ${PRIYA.name}.` })).toBeVisible();
  await expect(margin.getByRole('button', { name: 'Save note' })).toBeVisible();
  await expect(timeline.getByText('Only once, please')).toHaveCount(1);
});

test('a note can be edited and deleted, and the delete undone', async ({ page, site, sidebar }) => {
  site.serve(DEMO_SITE_MAP);
  await page.goto(GMAIL_DEMO_THREAD_URL);
  const margin = await sidebar(page);
  await margin.getByLabel('Note', { exact: true }).fill('First version');
  await margin.getByRole('button', { name: 'Save note' }).click();
  const timeline = margin.getByRole('region', { name: 'Timeline' });
  await timeline.getByRole('button', { name: /^Edit note/ }).click();
  await timeline.getByLabel('Edit note').fill('Second version');
  await timeline.getByRole('button', { name: 'Save changes' }).click();
  await expect(timeline.getByRole('listitem').first()).toContainText('Second version');
  await expect(timeline.getByRole('listitem').first()).toContainText('(edited)');

  await timeline.getByRole('button', { name: /^Delete note/ }).click();
  await expect(timeline.getByText('Second version')).toHaveCount(0);
  await margin.getByRole('button', { name: 'Undo' }).click();
  await expect(timeline.getByRole('listitem').first()).toContainText('Second version');
});

test('a stage changed by hand lands on the timeline with its reason', async ({ page, site, sidebar }) => {
  site.serve(DEMO_SITE_MAP);
  await page.goto(GMAIL_DEMO_THREAD_URL);
  const margin = await sidebar(page);
  await margin.getByLabel('Note', { exact: true }).fill('Budget confirmed for Q3');
  await margin.getByRole('button', { name: 'Save note' }).click();

  await margin.getByLabel('Lifecycle stage').selectOption('Qualified');
  await margin.getByLabel('Reason (optional)').fill('Budget and authority confirmed');
  await margin.getByRole('button', { name: 'Move to Qualified' }).click();
  await expect(margin.getByLabel('Lifecycle stage')).toHaveValue('Qualified');
  const change = margin.getByRole('region', { name: 'Timeline' }).getByRole('listitem').first();
  await expect(change).toContainText('Stage changed');
  await expect(change).toContainText('Awareness → Qualified');
  await expect(change).toContainText('Budget and authority confirmed');
});

test('a note saved in one tab appears in the other tab without a reload', async ({ context, page, site, sidebar }) => {
  site.serve(DEMO_SITE_MAP);
  await page.goto(GMAIL_DEMO_THREAD_URL);
  await expect((await sidebar(page)).getByRole('heading', { level: 1, name: PRIYA.name })).toBeVisible();
  const other = await context.newPage();
  await other.goto(GMAIL_DEMO_THREAD_URL);
  await (await sidebar(other)).getByLabel('Note', { exact: true }).fill('Written in the second tab');
  await (await sidebar(other)).getByRole('button', { name: 'Save note' }).click();
  await expect((await sidebar(page)).getByRole('region', { name: 'Timeline' })).toContainText('Written in the second tab');
});

test('a follow-up raises a browser notification when it is due', async ({ page, site, sidebar, serviceWorker }) => {
  site.serve(DEMO_SITE_MAP);
  await page.goto(GMAIL_DEMO_THREAD_URL);
  const margin = await sidebar(page);
  await margin.getByLabel('Note', { exact: true }).fill('Agreed to talk again');
  await margin.getByLabel('Next step', { exact: true }).fill('Call Priya about the order form');
  // This minute: due now, so the alarm fires at once.
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  await margin
    .getByLabel('Follow-up date')
    .fill(`${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`);
  await margin.getByRole('button', { name: 'Save note' }).click();
  await expect(margin.getByRole('region', { name: 'Follow-ups' })).toContainText('Call Priya about the order form');

  await expect
    .poll(
      async () =>
        serviceWorker.evaluate(async () => {
          const { chrome } = globalThis as unknown as { chrome: { notifications: { getAll(): Promise<Record<string, boolean>> } } };
          return Object.keys(await chrome.notifications.getAll());
        }),
      { timeout: 15_000 },
    )
    .toEqual([expect.stringMatching(/^follow-up:/)]);

  await margin.getByRole('button', { name: 'Done: Call Priya about the order form' }).click();
  await expect(margin.getByRole('region', { name: 'Follow-ups' })).toContainText('Nothing planned.');
  await expect(margin.getByRole('button', { name: 'Done: Call Priya about the order form' })).toHaveCount(0);
  await expect(margin.getByRole('region', { name: 'Timeline' }).getByRole('listitem').first()).toContainText('Follow-up done');
});

test('the sidebar has no serious or critical accessibility violations', async ({ page, site, sidebar, extensionUrl }) => {
  site.serve(DEMO_SITE_MAP);
  await loadDemoData(page, extensionUrl('dashboard.html'));
  await page.goto(GMAIL_DEMO_THREAD_URL);
  await expect((await sidebar(page)).getByRole('region', { name: 'Timeline' }).getByRole('listitem').first()).toBeVisible();
  // axe runs inside the sidebar frame itself, as it is shown beside the page.
  const frame = await sidebarOf(page);
  await frame.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = await frame.evaluate(async () => {
    const { axe } = globalThis as unknown as {
      axe: {
        run(): Promise<{
          violations: Array<{ id: string; help: string; impact?: string | null; nodes: Array<{ target: unknown[]; failureSummary?: string }> }>;
        }>;
      };
    };
    return (await axe.run()).violations.map(({ id, help, impact, nodes }) => ({
      id,
      help,
      impact,
      where: nodes.map((node) => `${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`).join(' | '),
    }));
  });
  const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  // The failure message names each offending element, so a regression says where it is.
  expect(serious.map((violation) => `${violation.id}: ${violation.help} at ${violation.where}`)).toEqual([]);
  await saveScreenshot(page, 'notes-3-sidebar-checked-for-accessibility');
});
