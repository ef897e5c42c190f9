import { readFileSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { dumpMarginDb } from './support/dashboard-db';
import { ALICE_BACKUP_FIXTURE, restoreBackupFile } from './support/dashboard-transfer';
import { fromRepoRoot } from './support/repo-root';
import { saveScreenshot } from './support/screenshots';
import { expect, test } from './support/test';

const BAD = 'test/fixtures/exports/bad';
const expected = JSON.parse(readFileSync(fromRepoRoot(BAD, 'expected.json'), 'utf8')) as Record<string, string>;

test('every file of the bad-file corpus is refused with where the problem is, and the database is unchanged', async ({
  page,
  extensionUrl,
}) => {
  await page.goto(extensionUrl('dashboard.html#transfer'));
  await restoreBackupFile(page, ALICE_BACKUP_FIXTURE, 'replace');
  const before = await dumpMarginDb(page);

  for (const [name, pattern] of Object.entries(expected)) {
    await test.step(name, async () => {
      const section = name.endsWith('.csv') ? 'Import contacts from a CSV' : 'Restore a backup';
      const input = page.getByRole('region', { name: section }).getByLabel(name.endsWith('.csv') ? 'CSV file' : 'Backup file (.json)');
      await input.setInputFiles(fromRepoRoot(BAD, name));
      const alert = page.getByRole('region', { name: section }).getByRole('alert');
      await expect(alert).toContainText(`${name} was not imported.`);
      await expect(alert).toHaveText(new RegExp(pattern, 's'));
      await expect(alert).toContainText('Nothing was changed.');
    });
  }
  await saveScreenshot(page, 'dashboard-bad-files-1-broken-quotes', { fullPage: true });

  await test.step('a 200 MB file is refused at once, by its size', async () => {
    const huge = path.join(os.tmpdir(), `margin-200mb-${process.pid}.json`);
    const handle = await open(huge, 'w');
    await handle.truncate(200 * 1024 * 1024); // sparse: no 200 MB written to disk
    await handle.close();
    try {
      const started = Date.now();
      await page.getByLabel('Backup file (.json)').setInputFiles(huge);
      const alert = page.getByRole('region', { name: 'Restore a backup' }).getByRole('alert');
      await expect(alert).toContainText('is 200.0 MB; Margin imports files up to 100.0 MB');
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await rm(huge, { force: true });
    }
  });

  expect(await dumpMarginDb(page)).toEqual(before);
});
