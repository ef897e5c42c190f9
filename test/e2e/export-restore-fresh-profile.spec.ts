import { launchWithExtension } from './support/launch-extension';
import { dumpMarginDb } from './support/dashboard-db';
import { downloadExportedFiles } from './support/dashboard-transfer';
import { saveScreenshot } from './support/screenshots';
import { expect, test } from './support/test';
import { serveSites } from './support/serve-sites';

test('a backup of the demo data restored into a fresh profile reproduces every table', async ({ page, extensionUrl }) => {
  await page.goto(extensionUrl('dashboard.html'));
  await page.getByRole('button', { name: 'Load demo data' }).click();
  await expect(page.getByRole('status').first()).toContainText('Loaded');
  const original = await dumpMarginDb(page);
  expect(original.contacts?.length).toBeGreaterThan(0);

  await page.goto(extensionUrl('dashboard.html#transfer'));
  await page.getByRole('button', { name: 'Export full backup' }).click();
  const files = await downloadExportedFiles(page);
  const [name, text] = [...files][0] ?? [];
  expect(name).toMatch(/^margin-backup-\d{4}-\d{2}-\d{2}\.json$/);

  const fresh = await launchWithExtension();
  try {
    await serveSites(fresh.context);
    const other = fresh.context.pages()[0] ?? (await fresh.context.newPage());
    await other.goto(`chrome-extension://${fresh.extensionId}/dashboard.html#transfer`);
    await expect(other.getByRole('status').first()).toContainText('0 contacts');
    await other.getByLabel('Backup file (.json)').setInputFiles({ name: name!, mimeType: 'application/json', buffer: Buffer.from(text!) });
    await expect(other.getByRole('region', { name: 'What restoring would do' })).toContainText('none of these contacts is here yet');
    await other.getByRole('button', { name: 'Replace my data with this backup' }).click();
    await expect(other.getByText(/^Restored /)).toBeVisible();
    await saveScreenshot(other, 'export-2-restored-in-fresh-profile');
    // Every table as it was, but the per-person activity rows: derived data, not in a backup,
    // computed again for every restored person at the moment of the restore.
    const { activity: restoredActivity, ...restored } = await dumpMarginDb(other);
    const { activity: originalActivity, ...rest } = original;
    expect(restored).toEqual(rest);
    const contactIds = (rows: unknown[] | undefined) => (rows ?? []).map((row) => (row as { contactId: string }).contactId);
    expect(contactIds(restoredActivity)).toEqual(contactIds(originalActivity));
    expect(contactIds(restoredActivity)).toEqual((original.contacts ?? []).map((row) => (row as { id: string }).id));
  } finally {
    await fresh.close();
  }
});
