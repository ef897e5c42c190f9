import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect } from './test';
import { fromRepoRoot } from './repo-root';

export const ALICE_BACKUP_FIXTURE = 'test/fixtures/exports/backup-alice.json';

/** Restores a backup file through the dashboard's "Restore a backup" section. */
export async function restoreBackupFile(page: Page, file: string, mode: 'merge' | 'replace'): Promise<void> {
  const section = page.getByRole('region', { name: 'Restore a backup' });
  await section.getByLabel('Backup file (.json)').setInputFiles(fromRepoRoot(file));
  const dryRun = page.getByRole('region', { name: 'What restoring would do' });
  await expect(dryRun).toBeVisible();
  await dryRun
    .getByRole('button', { name: mode === 'merge' ? 'Merge into my data' : 'Replace my data with this backup' })
    .click();
  await expect(section.getByRole('status')).toContainText(mode === 'merge' ? 'Merged' : 'Restored');
}

/** Clicks every download link the finished export offers and returns each file's text by name. */
export async function downloadExportedFiles(page: Page): Promise<Map<string, string>> {
  const links = page.getByRole('link', { name: /^Download / });
  await expect(links.first()).toBeVisible();
  const files = new Map<string, string>();
  for (const link of await links.all()) {
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const path = await download.path();
    files.set(download.suggestedFilename(), await readFile(path, 'utf8'));
  }
  return files;
}

/**
 * The files a finished export offers, by name, read from the blobs behind its links (the bytes a
 * click saves); the first link is also clicked, to see a real download arrive with the same name and
 * bytes. A run that clicked every link of every export saw its 11th download never arrive, only in
 * full suite runs, though the link was clicked and focused (see the commit that brought this in).
 */
export async function readExportedFiles(page: Page): Promise<Map<string, string>> {
  const links = page.getByRole('link', { name: /^Download / });
  await expect(links.first()).toBeVisible();
  const files = new Map<string, string>();
  for (const link of await links.all()) {
    const [name, text] = await link.evaluate(async (anchor: HTMLAnchorElement) => [anchor.download, await (await fetch(anchor.href)).text()]);
    files.set(name as string, text as string);
  }
  const [download] = await Promise.all([page.waitForEvent('download'), links.first().click()]);
  expect(files.get(download.suggestedFilename()), download.suggestedFilename()).toBe(await readFile(await download.path(), 'utf8'));
  return files;
}
