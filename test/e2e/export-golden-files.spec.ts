import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CSV_TARGETS, csvExportLabel } from '../../src/export/crm-mappings';
import { isExportStateKey } from '../../src/export/export-history';
import { parseBackupText } from '../../src/import/parse-backup';
import { ALICE_BACKUP_FIXTURE, downloadExportedFiles, readExportedFiles, restoreBackupFile } from './support/dashboard-transfer';
import { fromRepoRoot } from './support/repo-root';
import { saveScreenshot } from './support/screenshots';
import { expect, test } from './support/test';

test('each CRM export downloaded from the dashboard equals its golden files (the same ones the CLI is checked against)', async ({
  page,
  extensionUrl,
}) => {
  await page.goto(extensionUrl('dashboard.html#transfer'));
  await restoreBackupFile(page, ALICE_BACKUP_FIXTURE, 'replace');

  for (const target of CSV_TARGETS) {
    await test.step(`${target.label}`, async () => {
      await page.getByRole('button', { name: `Export for ${target.label}`, exact: true }).click();
      await expect(page.getByText(`${csvExportLabel(target)} ready`)).toBeVisible();
      await expect(page.getByText(/CSV CSV/)).toHaveCount(0);
      await expect(page.getByText(`${target.label} export history (1, some not marked saved)`)).toBeVisible();
      const files = await readExportedFiles(page);
      const golden = fromRepoRoot('test/fixtures/exports/golden', `alice-${target.id}`);
      // The same files the team command writes (test/cli/margin-export.test.ts checks it against these).
      expect([...files.keys()].sort()).toEqual(readdirSync(golden).sort());
      for (const [name, text] of files) expect(text, name).toBe(readFileSync(path.join(golden, name), 'utf8'));
      // Making the files moved nothing: the export waits to be marked saved.
      await expect(page.getByTestId(`cursor-${target.id}`)).toContainText('No export marked saved yet');
      await page.getByRole('button', { name: 'I saved these files: mark as saved' }).click();
      await expect(page.getByTestId('export-saved')).toBeVisible();
      await expect(page.getByTestId(`cursor-${target.id}`)).toContainText('Last saved export covers changes up to');
    });
  }
  await saveScreenshot(page, 'export-1-golden-files', { fullPage: true });

  await test.step('an incremental export right after holds no rows; Reset makes the next one complete again', async () => {
    await page.getByRole('button', { name: 'Export for HubSpot', exact: true }).click();
    await expect(page.getByText(/HubSpot CSV ready: 0 contacts, 0 interactions and 0 follow-ups changed since/)).toBeVisible();
    await page.getByRole('button', { name: 'Reset the HubSpot export cursor' }).click();
    await expect(page.getByTestId('cursor-hubspot')).toContainText('No export marked saved yet');
  });

  await test.step('the full backup holds exactly the restored rows', async () => {
    await page.getByRole('button', { name: 'Export full backup' }).click();
    const files = await downloadExportedFiles(page);
    const [text] = [...files.values()];
    const original = parseBackupText(readFileSync(fromRepoRoot(ALICE_BACKUP_FIXTURE), 'utf8'));
    const exported = parseBackupText(text!);
    // Settings now also hold the export cursors and histories the CSV exports above wrote.
    const { settings, ...rest } = exported.tables;
    const { settings: originalSettings, ...originalRest } = original.tables;
    expect(rest).toEqual(originalRest);
    expect(settings.filter((setting) => !isExportStateKey(setting.key))).toEqual(originalSettings);
  });
});
