import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Frame } from '@playwright/test';
import { dumpMarginDb } from './support/dashboard-db';
import { fromRepoRoot } from './support/repo-root';
import { saveScreenshot } from './support/screenshots';
import { expect, test } from './support/test';

/**
 * The real 2024–2025 pages of ../shared/fixtures/real (saved by other projects; see its
 * SOURCES.md), served at their real addresses through the built extension: the sidebar shows the
 * person expected.json names, or nobody. Without ../shared these tests are skipped (and counted
 * as skipped), never passed.
 */
const REAL = fromRepoRoot('../shared/fixtures/real');
const present = existsSync(path.join(REAL, 'expected.json'));

interface ExpectedPage {
  file: string;
  url: string;
  person: { name: string; email?: string; linkedinId?: string; headline?: string; company?: string } | null;
}
const expected: ExpectedPage[] = present ? JSON.parse(readFileSync(path.join(REAL, 'expected.json'), 'utf8')) : [];
const page = (file: string) => expected.find((candidate) => candidate.file === file) as ExpectedPage;

/** The address a page is served at: Gmail's hash never reaches the server. */
const servedAt = (url: string) => url.split('#')[0] as string;

const heading = (margin: Frame, name: string) => margin.getByRole('heading', { level: 1, name, exact: true });

test.describe('real 2024–2025 pages', () => {
  test.skip(!present, `${REAL} is absent: the real pages are not checked end to end in this run`);

  // Without expected.json the pages cannot be listed: one test stands for them, so the run
  // reports them as skipped instead of leaving them out unseen.
  if (!present) test('each page of expected.json shows the person it names, or nobody', () => {});

  for (const real of expected) {
    test(`${real.file}: ${real.person ? real.person.name : 'nobody'}`, async ({ page: tab, site, sidebar }) => {
      site.serve({ [servedAt(real.url)]: path.join(REAL, real.file) });
      await tab.goto(real.url);
      const margin = () => sidebar(tab);
      if (real.person === null) {
        await expect(heading(await margin(), 'Nobody recognised on this page')).toBeVisible();
        await expect((await margin()).getByRole('button', { name: /^Track/ })).toHaveCount(0);
      } else {
        await expect(heading(await margin(), real.person.name)).toBeVisible();
        const identities = (await margin()).getByRole('list', { name: 'Identities' });
        if (real.person.email) await expect(identities).toContainText(real.person.email);
        // Exactly as the page has it: a member id keeps its case.
        if (real.person.linkedinId) await expect(identities.getByText(`linkedin.com/in/${real.person.linkedinId}`, { exact: true })).toBeVisible();
        if (real.person.headline) await expect((await margin()).getByText(real.person.headline).first()).toBeVisible();
        if (real.person.company) await expect((await margin()).getByText(new RegExp(real.person.company.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).first()).toBeVisible();
      }
      await saveScreenshot(tab, `real-${path.basename(real.file, '.html')}`);
    });
  }

  test('the 2025 profile’s sub-pages are the same person', async ({ page: tab, site, sidebar }) => {
    const eugene = page('linkedin-2025-04-profile-eugenemann.html');
    const experience = 'https://www.linkedin.com/in/eugenemann/details/experience/';
    const activity = 'https://www.linkedin.com/in/eugenemann/recent-activity/all/';
    site.serve({ [experience]: path.join(REAL, eugene.file), [activity]: path.join(REAL, eugene.file) });
    const margin = () => sidebar(tab);
    for (const url of [experience, activity]) {
      await tab.goto(url);
      await expect(heading(await margin(), 'Eugene Mann')).toBeVisible();
      await expect((await margin()).getByText('linkedin.com/in/eugenemann', { exact: true })).toBeVisible();
    }
  });

  test('a note on the real conversation keeps the member id’s case in the database', async ({ page: tab, context, site, sidebar, extensionUrl }) => {
    const thread = page('linkedin-2025-04-messaging-thread.html');
    site.serve({ [thread.url]: path.join(REAL, thread.file) });
    await tab.goto(thread.url);
    const margin = () => sidebar(tab);
    await expect(heading(await margin(), 'Talha Khan')).toBeVisible();
    await (await margin()).getByLabel('Note', { exact: true }).fill('Asked about the pilot on LinkedIn.');
    await (await margin()).getByRole('button', { name: 'Save note', exact: true }).click();
    await expect((await margin()).getByRole('region', { name: 'Timeline' }).getByText('Asked about the pilot on LinkedIn.')).toBeVisible();
    await saveScreenshot(tab, 'real-linkedin-messaging-note-saved');

    const dashboard = await context.newPage();
    await dashboard.goto(extensionUrl('/dashboard.html'));
    const contacts = (await dumpMarginDb(dashboard)).contacts as Array<{ name: string; linkedinIds: string[] }>;
    expect(contacts.map((contact) => [contact.name, contact.linkedinIds])).toEqual([['Talha Khan', ['ACoAACaYEUABb_2KMpm9ek35YObF-a13apHwjas']]]);
    await dashboard.close();
  });

  test('a profile Margin cannot read says which signal is missing and copies a redacted description', async ({ page: tab, site, sidebar }) => {
    const eugene = page('linkedin-2025-04-profile-eugenemann.html');
    // The same real page with its name heading gone: a markup change Margin has not seen.
    const unreadable = readFileSync(path.join(REAL, eugene.file), 'utf8').replace(/<h1 class="xdgw[^"]*">Eugene Mann<\/h1>/, '');
    expect(unreadable).not.toContain('">Eugene Mann</h1>');
    const file = test.info().outputPath('eugenemann-without-heading.html');
    await import('node:fs/promises').then((fs) => fs.writeFile(file, unreadable));
    site.serve({ [eugene.url]: file });
    await tab.goto(eugene.url);
    const margin = () => sidebar(tab);

    await expect(heading(await margin(), 'Nobody recognised on this page')).toBeVisible();
    const health = (await margin()).getByRole('list', { name: 'What Margin read on this page' });
    await expect(health).toContainText('Read: the page address, the page title');
    await expect(health).toContainText('Missing: the name heading');
    await expect((await margin()).getByLabel('Find the contact')).toBeVisible();

    await (await margin()).getByRole('button', { name: 'Copy a description of this page for a bug report' }).click();
    await expect((await margin()).getByRole('status')).toContainText(/Copied|Select the text/);
    await (await margin()).getByText('What was copied').click();
    const description = await (await margin()).getByLabel('Page description').inputValue();
    expect(description).toMatch(/^Margin page structure \(redacted/);
    expect(description).toContain('address: linkedin.com/in/:/');
    expect(description).toContain('title: (n) … | LinkedIn');
    for (const secret of ['Eugene', 'eugenemann', 'Maven', 'Boston', 'ACoAA', 'Ben Guo', '@']) expect(description).not.toContain(secret);
    await saveScreenshot(tab, 'real-page-health-missing-heading');
  });
});
