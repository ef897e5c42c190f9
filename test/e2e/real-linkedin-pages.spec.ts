import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/test';
import { fromRepoRoot } from './support/repo-root';
import { marginHostOf, sidebarToggleOf } from './support/margin-on-page';
import { saveScreenshot } from './support/screenshots';

/**
 * Real LinkedIn profiles saved by other projects (../shared/fixtures, see its SOURCES.md), served at
 * their real addresses. They are not in this repository; where they are absent this suite says so
 * and does not run.
 */
const SHARED_LINKEDIN = fromRepoRoot('../shared/fixtures/linkedin');

const SAVED_PROFILES = [
  { era: '2018', file: 'linkedin-2018-12-profile-austin-oboyle.html', slug: 'austinoboyle', name: "Austin O'Boyle" },
  { era: '2018', file: 'linkedin-2018-12-profile-other.html', slug: 'seancahalan', name: 'Sean Cahalan' },
  { era: '2022', file: 'linkedin-2022-03-profile-austin-oboyle.html', slug: 'austinoboyle', name: "Austin O'Boyle" },
  { era: '2022', file: 'linkedin-2022-03-profile-singlefile-kireet-agrawal.html', slug: 'kireetagrawal', name: 'Kireet Agrawal' },
  { era: '2026', file: 'linkedin-2026-sdui-profile-topcard-excerpt.html', slug: 'costavasili', name: 'Costa Vasili' },
] as const;

if (!existsSync(SHARED_LINKEDIN)) {
  const line = '!'.repeat(100);
  console.warn(
    [
      '',
      line,
      `!!! real-linkedin-pages.spec.ts DID NOT RUN: ${SHARED_LINKEDIN} is absent.`,
      '!!! The saved real LinkedIn profiles live in ../shared/fixtures beside the repository (always there in CI).',
      '!!! Without them, recognising real LinkedIn pages is NOT checked end to end by this run.',
      line,
      '',
    ].join('\n'),
  );
} else {
  for (const profile of SAVED_PROFILES) {
    test(`a saved ${profile.era} LinkedIn profile shows ${profile.name} (${profile.file})`, async ({ page, site, sidebar }) => {
      const url = `https://www.linkedin.com/in/${profile.slug}/`;
      site.serve({ [url]: path.join(SHARED_LINKEDIN, profile.file) });
      await page.goto(url);
      // A saved page with LinkedIn's own styles keeps its 1128 px layout and docked messaging bar,
      // so Margin starts as its tab rather than cover them; the rep opens it with one click.
      const host = marginHostOf(page);
      await expect(host).toHaveAttribute('data-state', /^(open|collapsed)$/);
      if ((await host.getAttribute('data-state')) === 'collapsed') {
        await expect(host).toHaveAttribute('data-collapsed-because', 'page-does-not-fit');
        await sidebarToggleOf(page, 'collapsed').click();
      }
      const margin = sidebar(page);
      await expect(margin.getByRole('heading', { level: 1, name: profile.name, exact: true })).toBeVisible();
      await expect(margin.getByText(`linkedin.com/in/${profile.slug}`).first()).toBeVisible();
      await saveScreenshot(page, `real-linkedin-${profile.era}-${path.basename(profile.file, '.html')}`);
    });
  }
}
