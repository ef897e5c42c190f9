import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ALICE_BACKUP_FIXTURE, downloadExportedFiles, restoreBackupFile } from './support/dashboard-transfer';
import { fromRepoRoot } from './support/repo-root';
import { saveScreenshot } from './support/screenshots';
import { expect, test } from './support/test';

const GOLDEN = fromRepoRoot('test/fixtures/exports/golden/alice-pipedrive');

test('an export made but never saved loses nothing: after a reload the next export holds the same rows', async ({ page, extensionUrl }) => {
  await page.goto(extensionUrl('dashboard.html#transfer'));
  await restoreBackupFile(page, ALICE_BACKUP_FIXTURE, 'replace');
  const exportButton = page.getByRole('button', { name: 'Export for Pipedrive', exact: true });
  const ready = page.getByRole('status').filter({ hasText: 'Pipedrive CSV ready' });

  await test.step('generate the files and keep none of them', async () => {
    await exportButton.click();
    await expect(ready).toContainText('4 contacts, 5 interactions and 1 follow-up (nothing marked saved yet: everything)');
    await expect(page.getByRole('region', { name: 'Before importing into Pipedrive' })).toContainText('Person - Labels');
    await saveScreenshot(page, 'export-3-generated-not-saved', { fullPage: true });
  });

  await test.step('reload: nothing counts as exported, and the history shows the unsaved export', async () => {
    await page.reload();
    await expect(page.getByTestId('cursor-pipedrive')).toContainText('No export marked saved yet');
    await expect(page.getByTestId('waiting-pipedrive')).toContainText('Waiting: 4 contacts and 8 interactions changed.');
    await page.getByText(/Pipedrive export history \(1, some not marked saved\)/).click();
    await expect(page.getByRole('list', { name: 'Pipedrive export history' })).toContainText('Not marked saved.');
  });

  await test.step('export again: the rows are still there, byte for byte', async () => {
    await exportButton.click();
    await expect(ready).toContainText('4 contacts, 5 interactions and 1 follow-up');
    const files = await downloadExportedFiles(page);
    for (const [name, text] of files) expect(text, name).toBe(readFileSync(path.join(GOLDEN, name), 'utf8'));
    expect([...files.keys()]).toContain('pipedrive-people-notes.csv');
  });

  await test.step('marked saved, the next export holds only what is new, also after a reload', async () => {
    await page.getByRole('button', { name: 'I saved these files: mark as saved' }).click();
    await expect(page.getByTestId('export-saved')).toContainText('Marked saved');
    await page.reload();
    await expect(page.getByTestId('cursor-pipedrive')).toContainText('Last saved export covers changes up to');
    await expect(page.getByTestId('waiting-pipedrive')).toContainText('Waiting: 0 contacts and 0 interactions changed since then.');
    await exportButton.click();
    await expect(ready).toContainText(/0 contacts, 0 interactions and 0 follow-ups changed since/);
  });

  await test.step('an earlier export can be downloaded again from the history', async () => {
    await page.getByText(/Pipedrive export history \(3/).click();
    const history = page.getByRole('list', { name: 'Pipedrive export history' });
    await expect(history.getByRole('listitem')).toHaveCount(3);
    await expect(history.getByRole('listitem').nth(1)).toContainText('Saved');
    await history.getByRole('listitem').nth(1).getByRole('button', { name: 'Download again' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'made again from the export of' })).toContainText('4 contacts, 5 interactions and 1 follow-up');
    const files = await downloadExportedFiles(page);
    for (const [name, text] of files) expect(text, name).toBe(readFileSync(path.join(GOLDEN, name), 'utf8'));
    await saveScreenshot(page, 'export-4-history-download-again', { fullPage: true });
  });
});

test('the readiness summary lists the people HubSpot cannot match, and the file that holds them', async ({ page, extensionUrl }) => {
  await page.goto(extensionUrl('dashboard.html#transfer'));
  await restoreBackupFile(page, ALICE_BACKUP_FIXTURE, 'replace');
  await page.getByRole('button', { name: 'Export for HubSpot', exact: true }).click();
  const summary = page.getByRole('region', { name: 'Before importing into HubSpot' });
  await expect(summary.getByTestId('not-matched')).toContainText('1 row of hubspot-contacts.csv (no email address) is in hubspot-contacts-no-email.csv instead: Tomás Díaz');
  await expect(summary).toContainText('Margin Score needs a custom contact property');
  const files = await downloadExportedFiles(page);
  expect(files.get('hubspot-contacts-no-email.csv')).toContain('Tomás');
  expect(files.get('README-hubspot.txt')).toContain('Tomás Díaz');
  await page.getByText(/HubSpot export history/).click();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id)).toEqual([]);
  await summary.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'export-5-hubspot-readiness', { fullPage: true });
});
