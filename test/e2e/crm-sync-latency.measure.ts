import { writeFile } from 'node:fs/promises';
import { startCrmMock } from '../sync/mock/crm-mock-server';
import { DEMO_SITE_MAP, GMAIL_DEMO_THREAD_URL, PRIYA } from './support/demo-pages';
import { fromRepoRoot } from './support/repo-root';
import { connectCrm } from './support/crm-connect';
import { expect, test } from './support/test';

/** Time from clicking "Save note" to the note being stored at the Pipedrive mock, in the built extension. */
test('Save note → note at the Pipedrive mock: median and p95 over 30 notes', async ({ page, site, sidebar, extensionUrl }) => {
  const mock = await startCrmMock('pipedrive', { token: 'measure' });
  site.serve(DEMO_SITE_MAP);
  await connectCrm(page, site, extensionUrl('options.html#crm-connection'), mock);

  await page.goto(GMAIL_DEMO_THREAD_URL);
  const margin = sidebar(page);
  await expect(margin.getByRole('heading', { level: 1, name: PRIYA.name })).toBeVisible();
  const samples: number[] = [];
  for (let index = 0; index < 30; index += 1) {
    await margin.getByLabel('Note', { exact: true }).fill(`Measured note ${index}`);
    const before = mock.pipedrive.notes.size;
    const clicked = Date.now();
    await margin.getByRole('button', { name: 'Save note' }).click();
    await expect.poll(() => mock.pipedrive.notes.size, { intervals: [5], timeout: 30_000 }).toBe(before + 1);
    samples.push(Date.now() - clicked);
  }
  samples.sort((a, b) => a - b);
  const result = { notes: samples.length, medianMs: samples[Math.floor(samples.length / 2)], p95Ms: samples[Math.ceil(samples.length * 0.95) - 1], requests: mock.calls.length, samples };
  console.log(JSON.stringify(result));
  await writeFile(fromRepoRoot('test-results/crm-sync-latency.json'), JSON.stringify(result, null, 2));
  expect(mock.violations).toEqual([]);
  await mock.close();
});
