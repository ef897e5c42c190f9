import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/test';
import { fromRepoRoot } from './support/repo-root';
import { clickSidebarToggle, marginHostOf } from './support/margin-on-page';
import { saveScreenshot } from './support/screenshots';
import type { Page } from '@playwright/test';

/**
 * Real LinkedIn profiles saved by other projects (../shared/fixtures, see its SOURCES.md), served at
 * their real addresses. They are not in this repository; where they are absent the tests are
 * skipped (and counted as skipped).
 */
const SHARED_LINKEDIN = fromRepoRoot('../shared/fixtures/linkedin');

const SAVED_PROFILES = [
  { era: '2018', file: 'linkedin-2018-12-profile-other.html', slug: 'seancahalan', name: 'Sean Cahalan' },
  { era: '2022', file: 'linkedin-2022-03-profile-austin-oboyle.html', slug: 'austinoboyle', name: "Austin O'Boyle" },
  { era: '2026', file: 'linkedin-2026-sdui-profile-topcard-excerpt.html', slug: 'costavasili', name: 'Costa Vasili' },
] as const;

/** Saved by their owners: their edit controls are on the page, so they are "you", never tracked. */
const OWN_PROFILES = [
  { era: '2018', file: 'linkedin-2018-12-profile-austin-oboyle.html', slug: 'austinoboyle' },
  { era: '2022', file: 'linkedin-2022-03-profile-singlefile-kireet-agrawal.html', slug: 'kireetagrawal' },
] as const;

/**
 * A saved page with LinkedIn's own styles keeps its 1128 px layout and docked messaging bar, so
 * Margin may start as its tab rather than cover them; the rep opens it with one click.
 */
async function openSidebarIfPageKeepsItsWidth(page: Page): Promise<void> {
  const host = marginHostOf(page);
  await expect(host).toHaveAttribute('data-state', /^(open|collapsed)$/);
  if ((await host.getAttribute('data-state')) === 'collapsed') {
    await expect(host).toHaveAttribute('data-collapsed-because', 'page-does-not-fit');
    await clickSidebarToggle(page, 'collapsed');
  }
}

test.describe('saved LinkedIn profiles, 2018–2026', () => {
  test.skip(!existsSync(SHARED_LINKEDIN), `${SHARED_LINKEDIN} is absent: real LinkedIn profiles are not checked end to end in this run`);

  for (const profile of OWN_PROFILES) {
    test(`a saved ${profile.era} profile viewed by its owner is "you" (${profile.file})`, async ({ page, site, sidebar }) => {
      const url = `https://www.linkedin.com/in/${profile.slug}/`;
      site.serve({ [url]: path.join(SHARED_LINKEDIN, profile.file) });
      await page.goto(url);
      await openSidebarIfPageKeepsItsWidth(page);
      const margin = await sidebar(page);
      await expect(margin.getByRole('heading', { level: 1, name: 'Your own profile', exact: true })).toBeVisible();
      await expect(margin.getByText('Margin never tracks you.')).toBeVisible();
      await expect(margin.getByLabel('Note', { exact: true })).toHaveCount(0);
      await saveScreenshot(page, `real-linkedin-${profile.era}-own-${path.basename(profile.file, '.html')}`);
    });
  }

  for (const profile of SAVED_PROFILES) {
    test(`a saved ${profile.era} LinkedIn profile shows ${profile.name} (${profile.file})`, async ({ page, site, sidebar }) => {
      const url = `https://www.linkedin.com/in/${profile.slug}/`;
      site.serve({ [url]: path.join(SHARED_LINKEDIN, profile.file) });
      await page.goto(url);
      await openSidebarIfPageKeepsItsWidth(page);
      const margin = await sidebar(page);
      await expect(margin.getByRole('heading', { level: 1, name: profile.name, exact: true })).toBeVisible();
      await expect(margin.getByText(`linkedin.com/in/${profile.slug}`).first()).toBeVisible();
      await saveScreenshot(page, `real-linkedin-${profile.era}-${path.basename(profile.file, '.html')}`);
    });
  }
});
