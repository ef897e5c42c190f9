import { expect, test } from './support/test';
import { GMAIL_APP_URL, GMAIL_DEMO_THREAD_FIXTURE, GMAIL_DEMO_THREAD_URL, GMAIL_INBOX_FIXTURE, GMAIL_INBOX_URL, PRIYA } from './support/demo-pages';
import { sidebarOf } from './support/margin-on-page';
import { saveScreenshot } from './support/screenshots';
import type { Page, Worker } from '@playwright/test';

test('on the inbox list nobody is recognised, and the sidebar says so', async ({ page, site, sidebar }) => {
  site.serve({ [GMAIL_APP_URL]: GMAIL_INBOX_FIXTURE });
  await page.goto(GMAIL_INBOX_URL);
  await expect((await sidebar(page)).getByRole('heading', { name: 'Nobody recognised on this page' })).toBeVisible();
  await saveScreenshot(page, 'empty-1-inbox-nobody-recognised');
});

test('"Save note" stays disabled while the note is empty or only whitespace', async ({ page, site, sidebar }) => {
  site.serve({ [GMAIL_APP_URL]: GMAIL_DEMO_THREAD_FIXTURE });
  await page.goto(GMAIL_DEMO_THREAD_URL);
  const margin = await sidebar(page);
  await expect(margin.getByRole('heading', { level: 1, name: PRIYA.name, exact: true })).toBeVisible();

  const note = margin.getByLabel('Note', { exact: true });
  const save = margin.getByRole('button', { name: 'Save note', exact: true });
  await expect(save).toBeDisabled();
  await note.fill('   \n\t  ');
  await expect(save).toBeDisabled();
  await saveScreenshot(page, 'empty-2-whitespace-note-cannot-be-saved');
  await note.fill('Call back on Monday');
  await expect(save).toBeEnabled();
  await note.fill('');
  await expect(save).toBeDisabled();
});

test('a note that cannot be stored shows an alert and keeps what was typed', async ({ page, site, sidebar, serviceWorker }) => {
  site.serve({ [GMAIL_APP_URL]: GMAIL_DEMO_THREAD_FIXTURE });
  await page.goto(GMAIL_DEMO_THREAD_URL);
  const margin = await sidebar(page);
  await expect(margin.getByRole('heading', { level: 1, name: PRIYA.name, exact: true })).toBeVisible();

  await makeEveryIndexedDbWriteFail(page, serviceWorker);

  const text = 'Priya asked for the ROI summary before the board meeting.';
  await margin.getByLabel('Note', { exact: true }).fill(text);
  await margin.getByRole('button', { name: 'Save note', exact: true }).click();

  await expect(margin.getByRole('alert')).toBeVisible();
  await expect(margin.getByLabel('Note', { exact: true })).toHaveValue(text);
  await saveScreenshot(page, 'empty-3-failed-save-keeps-the-note');
});

/**
 * The disk is full: every IndexedDB write throws QuotaExceededError, in the sidebar and in the
 * service worker (whichever of them writes), as a browser does when the origin's quota is used up.
 */
async function makeEveryIndexedDbWriteFail(page: Page, serviceWorker: Worker): Promise<void> {
  const failWrites = () => {
    for (const method of ['add', 'put'] as const) {
      IDBObjectStore.prototype[method] = function refuse(): never {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    }
  };
  const frame = await sidebarOf(page);
  await frame.evaluate(failWrites);
  await serviceWorker.evaluate(failWrites);
}
