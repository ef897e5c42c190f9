import { readFileSync } from 'node:fs';
import type { Frame, Page, Worker } from '@playwright/test';
import { GMAIL_APP_URL } from './support/demo-pages';
import { fromRepoRoot } from './support/repo-root';
import { saveScreenshot } from './support/screenshots';
import { expect, test } from './support/test';

/** Every page kind Margin recognises, served at its real address from the hand-written fixtures. */
const F = 'test/fixtures';
const LINKEDIN = 'https://www.linkedin.com';
const PAGES = {
  gmailThread: `${GMAIL_APP_URL}#inbox/FMfcgzQXJWDsKmnvBqRlTtZcJvLhBsGw`,
  replyThread: `${GMAIL_APP_URL}#inbox/FMfcgzQXJQWvpqHzgrVQVqBnchwnznNt`,
  announcement: `${GMAIL_APP_URL}#inbox/FMfcgzQXJZrDlXFxvvPVfZrXHMKBjRQf`,
  compose: `${GMAIL_APP_URL}#inbox?compose=new`,
  inbox: `${GMAIL_APP_URL}#inbox`,
  profile: `${LINKEDIN}/in/priya-raman-northwind/`,
  contactInfo: `${LINKEDIN}/in/priya-raman-northwind/overlay/contact-info/`,
  messaging: `${LINKEDIN}/messaging/thread/2-ZmJiYzQ3NjEtNGQ5ZC00YmE1LWI4YWQtMWYyNzY0NzdlNmQ1XzAxMA==/`,
  group: `${LINKEDIN}/messaging/thread/2-OTg3NjU0MzItMWEyYi0zYzRkLTVlNmYtN2E4YjljMGQxZTJmXzAxMA==/`,
  lead: `${LINKEDIN}/sales/lead/ACwAAC7pRiYBq3NwLgTx9aM0KjE5vHd2Ls8Yz4U,NAME_SEARCH,Xq7b`,
  feed: `${LINKEDIN}/feed/`,
} as const;

function readFixture(file: string): string {
  return readFileSync(fromRepoRoot(`${F}/${file}`), 'utf8');
}

/** Gmail keeps every view in one document: going to another fixture at the same address needs a fresh load. */
async function open(page: Page, url: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(url);
}

const heading = (margin: Frame, name: string) => margin.getByRole('heading', { level: 1, name, exact: true });
const switcher = (margin: Frame) => margin.getByRole('navigation').filter({ has: margin.getByRole('button') });

test('each Gmail page kind: thread, compose, inline reply, announcement, list', async ({ page, site, sidebar }) => {
  const margin = () => sidebar(page);

  await test.step('thread: the latest other sender with her address; Jonas in the switcher; never the user', async () => {
    site.serve({ [GMAIL_APP_URL]: `${F}/gmail/thread-northwind-pilot.html` });
    await open(page, PAGES.gmailThread);
    await expect(heading(await margin(), 'Priya Raman')).toBeVisible();
    await expect((await margin()).getByText('priya.raman@northwind-logistics.example').first()).toBeVisible();
    await expect(switcher(await margin()).getByText('jonas.becker@northwind-logistics.example')).toBeVisible();
    await expect(switcher(await margin())).not.toContainText('alex.morgan@acme-sales.example');
    await expect(switcher(await margin())).not.toContainText('legal@contoso.example');
    await saveScreenshot(page, 'recognition-gmail-thread');
  });

  await test.step('one click switches to Jonas', async () => {
    await switcher(await margin()).getByRole('button', { name: /Jonas Becker/ }).click();
    await expect(heading(await margin(), 'Jonas Becker')).toBeVisible();
  });

  await test.step('compose: the recipients, To first', async () => {
    site.serve({ [GMAIL_APP_URL]: `${F}/gmail/compose-new-message.html` });
    await open(page, PAGES.compose);
    await expect(heading(await margin(), 'Priya Raman')).toBeVisible();
    await expect(switcher(await margin()).getByText('jonas.becker@northwind-logistics.example')).toBeVisible();
    await expect(switcher(await margin()).getByText('m.okafor@fabrikam-freight.example')).toBeVisible();
    await expect(switcher(await margin())).not.toContainText('procurement@northwind-log');
  });

  await test.step('inline reply: its recipients win over the thread behind', async () => {
    site.serve({ [GMAIL_APP_URL]: `${F}/gmail/thread-inline-reply.html` });
    await open(page, PAGES.replyThread);
    await expect(heading(await margin(), 'Priya Raman')).toBeVisible();
    await expect(switcher(await margin()).getByText('procurement@northwind-logistics.example')).toBeVisible();
  });

  await test.step('announcement to 40 people: nobody forced, the two who wrote offered', async () => {
    site.serve({ [GMAIL_APP_URL]: `${F}/gmail/thread-announcement-40.html` });
    await open(page, PAGES.announcement);
    await expect((await margin()).getByText('This thread went to 40 people')).toBeVisible();
    await expect((await margin()).getByRole('heading', { level: 1 })).toHaveCount(0);
    await expect(switcher(await margin()).getByRole('button')).toHaveCount(2);
    await expect(switcher(await margin()).getByText('m.okafor@fabrikam-freight.example')).toBeVisible();
    await expect(switcher(await margin()).getByText('ops-updates@northwind-logistics.example')).toBeVisible();
    await saveScreenshot(page, 'recognition-gmail-announcement');
  });

  await test.step('inbox list: nobody here', async () => {
    site.serve({ [GMAIL_APP_URL]: `${F}/gmail/inbox-list.html` });
    await open(page, PAGES.inbox);
    await expect(heading(await margin(), 'Nobody recognised on this page')).toBeVisible();
  });
});

test('compose recipients take priority and update live as chips come and go', async ({ page, site, sidebar }) => {
  site.serve({ [GMAIL_APP_URL]: `${F}/gmail/compose-new-message.html` });
  await page.goto(PAGES.compose);
  const margin = () => sidebar(page);
  await expect(heading(await margin(), 'Priya Raman')).toBeVisible();

  await page.evaluate(() => document.querySelector('[role="dialog"] [data-hovercard-id="priya.raman@northwind-logistics.example"]')?.remove());
  await expect(heading(await margin(), 'Jonas Becker')).toBeVisible();

  await page.evaluate(() => {
    const chip = document.createElement('div');
    chip.setAttribute('role', 'option');
    chip.setAttribute('data-name', 'Kim Novak');
    chip.textContent = 'Kim Novak';
    document.querySelector('[role="dialog"] div[name="to"]')?.prepend(chip);
    // Gmail resolves the address into the chip a moment later: an attribute change only.
    setTimeout(() => chip.setAttribute('data-hovercard-id', 'kim.novak@contoso.example'), 300);
  });
  await expect(heading(await margin(), 'Kim Novak')).toBeVisible();
  await expect((await margin()).getByText('kim.novak@contoso.example').first()).toBeVisible();
});

/**
 * Every page context the background stored for the page's tab, sampled while `during` runs and
 * until the background holds `last` (the report the sidebar already shows).
 */
async function recordReports(
  serviceWorker: Worker,
  last: { url: string; person: string | null },
  during: () => Promise<void>,
): Promise<Array<{ url: string; person: string | null }>> {
  const seen: Array<{ url: string; person: string | null }> = [];
  let running = true;
  const sample = async () => {
    while (running) {
      const stored = await serviceWorker.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: { storage: { session: { get(keys: null): Promise<Record<string, unknown>> } } } }).chrome;
        const all = (await api.storage.session.get(null)) as Record<string, { url?: string; person?: { name?: string } | null }>;
        return Object.entries(all)
          .filter(([key]) => key.startsWith('tabContext:'))
          .map(([, value]) => ({ url: value.url ?? '', person: value.person?.name ?? null }));
      });
      for (const report of stored) {
        const last = seen.at(-1);
        if (!last || last.url !== report.url || last.person !== report.person) seen.push(report);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const sampling = sample();
  try {
    await during();
    // The sidebar hears a report directly; the background's copy of it is the signal to stop.
    await expect.poll(() => seen.some((report) => report.url === last.url && report.person === last.person)).toBe(true);
  } finally {
    running = false;
    await sampling;
  }
  return seen;
}

/** Swaps `selector`'s element for the one in `html` after `delayMs`, built with DOMParser under Trusted Types. */
async function swapLater(page: Page, { html, selector, delayMs, without = '' }: { html: string; selector: string; delayMs: number; without?: string }) {
  await page.evaluate(
    ({ html: markup, selector: target, delayMs: delay, without: removed }) => {
      const policy = (window as unknown as { trustedTypes: { createPolicy(name: string, rules: { createHTML(s: string): string }): { createHTML(s: string): string } } }).trustedTypes.createPolicy(
        `e2e-swap-${Math.random()}`,
        { createHTML: (text) => text },
      );
      const next = new DOMParser().parseFromString(policy.createHTML(markup) as unknown as string, 'text/html');
      if (removed) next.querySelector(removed)?.remove();
      setTimeout(() => {
        const incoming = next.querySelector(target);
        const current = document.querySelector(target);
        if (incoming && current) current.replaceWith(document.importNode(incoming, true));
        document.title = next.title;
      }, delay);
    },
    { html, selector, delayMs, without },
  );
}

test('Gmail thread to thread: the hash changes first, the old conversation lingers, never read as the new one', async ({
  page,
  site,
  sidebar,
  serviceWorker,
}) => {
  site.serve({ [GMAIL_APP_URL]: `${F}/gmail/thread-northwind-pilot.html` });
  await page.goto(PAGES.gmailThread);
  const margin = () => sidebar(page);
  await expect(heading(await margin(), 'Priya Raman')).toBeVisible();

  // The next thread, without its inline reply: Jonas Becker wrote last.
  const next = readFixture('gmail/thread-inline-reply.html');
  const reports = await recordReports(serviceWorker, { url: PAGES.replyThread, person: 'Jonas Becker' }, async () => {
    await swapLater(page, { html: next, selector: '[role="main"]', delayMs: 1_500, without: '#inline-reply' });
    await page.evaluate((hash) => (location.hash = hash), new URL(PAGES.replyThread).hash);
    await expect((await margin()).getByText('The page is still showing what was open before')).toBeVisible({ timeout: 1_400 });
    await expect(heading(await margin(), 'Jonas Becker')).toBeVisible();
  });
  expect(reports.filter((report) => report.url === PAGES.replyThread && report.person === 'Priya Raman')).toEqual([]);
  expect(reports.some((report) => report.url === PAGES.replyThread && report.person === 'Jonas Becker')).toBe(true);
});

test('LinkedIn profile to profile with a delayed DOM swap: never the previous person under the new URL', async ({
  page,
  site,
  sidebar,
  serviceWorker,
}) => {
  site.serve({ [PAGES.profile]: `${F}/linkedin/profile-2026-priya-raman.html` });
  await page.goto(PAGES.profile);
  const margin = () => sidebar(page);
  await expect(heading(await margin(), 'Priya Raman')).toBeVisible();

  const jonasUrl = `${LINKEDIN}/in/jonas-becker-sec/`;
  const jonas = readFixture('linkedin/profile-2026-priya-raman.html')
    .replaceAll('priya-raman-northwind', 'jonas-becker-sec')
    .replaceAll('ACoAAC7pRiYBq3NwLgTx9aM0KjE5vHd2Ls8Yz4U', 'ACoAAD9jOnasBecker000Sec1xq')
    .replaceAll('Priya Raman', 'Jonas Becker')
    .replaceAll('Priya', 'Jonas');
  const reports = await recordReports(serviceWorker, { url: jonasUrl, person: 'Jonas Becker' }, async () => {
    await swapLater(page, { html: jonas, selector: 'main', delayMs: 1_200 });
    await page.evaluate((url) => history.pushState({}, '', url), jonasUrl);
    await expect(heading(await margin(), 'Jonas Becker')).toBeVisible();
    await expect((await margin()).getByText('linkedin.com/in/jonas-becker-sec').first()).toBeVisible();
  });
  expect(reports.filter((report) => report.url === jonasUrl && report.person === 'Priya Raman')).toEqual([]);
});

test('each LinkedIn page kind: profile, contact info, messaging 1:1 and group, chat overlay, Sales Navigator', async ({
  page,
  site,
  sidebar,
}) => {
  const margin = () => sidebar(page);
  site.serve({
    [PAGES.profile]: `${F}/linkedin/profile-2026-priya-raman.html`,
    [PAGES.contactInfo]: `${F}/linkedin/profile-2026-priya-raman-contact-info.html`,
    [PAGES.messaging]: `${F}/linkedin/messaging-1to1-priya.html`,
    [PAGES.group]: `${F}/linkedin/messaging-group-kickoff.html`,
    [PAGES.lead]: `${F}/linkedin/sales-lead-priya.html`,
    [PAGES.feed]: `${F}/linkedin/feed-chat-overlay.html`,
  });

  await test.step('profile: name, profile id, headline and company', async () => {
    await page.goto(PAGES.profile);
    await expect(heading(await margin(), 'Priya Raman')).toBeVisible();
    await expect((await margin()).getByText('linkedin.com/in/priya-raman-northwind').first()).toBeVisible();
    await expect((await margin()).getByText(/VP Operations at Northwind Logistics/).first()).toBeVisible();
  });

  await test.step('contact info overlay: the address shown there, with the profile id', async () => {
    await page.goto(PAGES.contactInfo);
    await expect(heading(await margin(), 'Priya Raman')).toBeVisible();
    await expect((await margin()).getByText('priya.raman+li@gmail.com').first()).toBeVisible();
    await expect((await margin()).getByText('linkedin.com/in/priya-raman-northwind').first()).toBeVisible();
  });

  await test.step('messaging 1:1: the other participant, never the viewer', async () => {
    await page.goto(PAGES.messaging);
    await expect(heading(await margin(), 'Priya Raman')).toBeVisible();
    await expect((await margin()).getByText('linkedin.com/in/priya-raman-northwind').first()).toBeVisible();
    await expect((await margin()).getByText('Alex Morgan')).toHaveCount(0);
  });

  await test.step('messaging group: everyone who wrote, nobody forced', async () => {
    await page.goto(PAGES.group);
    await expect((await margin()).getByText('A group conversation')).toBeVisible();
    for (const name of ['Maya Okafor', 'Jonas Becker', 'Priya Raman']) {
      await expect(switcher(await margin()).getByRole('button', { name: new RegExp(name) })).toBeVisible();
    }
    await switcher(await margin()).getByRole('button', { name: /Maya Okafor/ }).click();
    await expect(heading(await margin(), 'Maya Okafor')).toBeVisible();
    await saveScreenshot(page, 'recognition-linkedin-group');
  });

  await test.step('chat overlay over the feed: the open bubble', async () => {
    await page.goto(PAGES.feed);
    await expect(heading(await margin(), 'Sam Lee')).toBeVisible();
  });

  await test.step('Sales Navigator lead: name, headline, company', async () => {
    await page.goto(PAGES.lead);
    await expect(heading(await margin(), 'Priya Raman')).toBeVisible();
    await expect((await margin()).getByText(/VP Operations at Northwind Logistics/).first()).toBeVisible();
    await expect((await margin()).getByText(/Northwind Logistics/).first()).toBeVisible();
    // A lead is shown by name; its raw Sales Navigator id means nothing to a reader.
    await expect((await margin()).getByRole('list', { name: 'Identities' })).toHaveText('Sales Navigator lead');
    await expect((await margin()).getByText(/ACwAA/)).toHaveCount(0);
    await saveScreenshot(page, 'recognition-sales-lead');
  });
});

test('a profile sub-page is that person; your own profile is "you", never offered or captured', async ({ page, site, sidebar, serviceWorker }) => {
  const experience = `${LINKEDIN}/in/priya-raman-northwind/details/experience/`;
  const own = `${LINKEDIN}/in/alex-morgan-acme/`;
  site.serve({ [experience]: `${F}/linkedin/profile-2025-details-experience-priya.html`, [own]: `${F}/linkedin/profile-2025-own-alex-morgan.html` });
  const margin = () => sidebar(page);

  await page.goto(experience);
  await expect(heading(await margin(), 'Priya Raman')).toBeVisible();
  await expect((await margin()).getByText('linkedin.com/in/priya-raman-northwind', { exact: true })).toBeVisible();
  await saveScreenshot(page, 'recognition-linkedin-sub-page');

  await page.goto(own);
  await expect(heading(await margin(), 'Your own profile')).toBeVisible();
  await expect((await margin()).getByText('Margin never tracks you.')).toBeVisible();
  await expect((await margin()).getByLabel('Note', { exact: true })).toHaveCount(0);
  await expect((await margin()).getByRole('button', { name: /Track/ })).toHaveCount(0);
  // The background, which captures from every report, holds no person for this tab.
  const stored = await serviceWorker.evaluate(async (url) => {
    const api = (globalThis as unknown as { chrome: { storage: { session: { get(keys: null): Promise<Record<string, { url?: string; person?: unknown; noPersonReason?: string }>> } } } }).chrome;
    return Object.entries(await api.storage.session.get(null)).find(([key, context]) => key.startsWith('tabContext:') && context.url === url)?.[1];
  }, own);
  expect(stored).toMatchObject({ person: null, noPersonReason: 'own-profile' });
  await saveScreenshot(page, 'recognition-linkedin-own-profile');
});

test('a changed page is said plainly, with search and create by hand', async ({ page, site, sidebar }) => {
  site.serve({ [`${LINKEDIN}/in/someone-new/`]: `${F}/linkedin/sales-lead-priya.html` });
  await page.goto(`${LINKEDIN}/in/someone-new/`);
  const margin = () => sidebar(page);
  await expect(heading(await margin(), 'Nobody recognised on this page')).toBeVisible();
  await expect((await margin()).getByText('could not find the person on this page')).toBeVisible();
  await (await margin()).getByText('Add a person by hand').click();
  await (await margin()).getByLabel('Name', { exact: true }).fill('Someone New');
  await (await margin()).getByLabel('Email or LinkedIn profile link').fill('https://www.linkedin.com/in/someone-new/');
  await (await margin()).getByRole('button', { name: 'Add contact' }).click();
  await expect(heading(await margin(), 'Someone New')).toBeVisible();
});

test('merge two contacts from the sidebar, then undo', async ({ page, site, sidebar }) => {
  site.serve({ [GMAIL_APP_URL]: `${F}/gmail/thread-northwind-pilot.html`, [PAGES.profile]: `${F}/linkedin/profile-2026-priya-raman.html` });
  const margin = () => sidebar(page);
  const timeline = async () => (await margin()).getByRole('region', { name: 'Timeline' });

  await page.goto(PAGES.gmailThread);
  await expect(heading(await margin(), 'Priya Raman')).toBeVisible();
  await (await margin()).getByLabel('Note', { exact: true }).fill('Email note about the pilot.');
  await (await margin()).getByRole('button', { name: 'Save note', exact: true }).click();
  await expect((await timeline()).getByText('Email note about the pilot.')).toBeVisible();

  await page.goto(PAGES.profile);
  await expect(heading(await margin(), 'Priya Raman')).toBeVisible();
  // A name alone only suggests.
  await expect((await margin()).getByText('Is this the Priya Raman you know from email?')).toBeVisible();
  await (await margin()).getByLabel('Note', { exact: true }).fill('LinkedIn note after her post.');
  await (await margin()).getByRole('button', { name: 'Save note', exact: true }).click();
  await expect((await timeline()).getByText('LinkedIn note after her post.')).toBeVisible();
  await expect((await timeline()).getByText('Email note about the pilot.')).toHaveCount(0);

  await (await margin()).getByText('Merge contacts', { exact: true }).click();
  await (await margin()).getByLabel(/Find the duplicate of Priya Raman/).fill('priya');
  await (await margin()).getByRole('button', { name: 'Merge Priya Raman into Priya Raman' }).click();
  // Two people of one name are told apart, and the emptied search says nothing about "no match".
  await expect(
    (await margin()).getByText('Merged Priya Raman (priya.raman@northwind-logistics.example) into Priya Raman (linkedin.com/in/priya-raman-northwind)'),
  ).toBeVisible();
  await expect((await margin()).getByText(/No contact matches/)).toHaveCount(0);
  await expect((await timeline()).getByText('Email note about the pilot.')).toBeVisible();
  await expect((await timeline()).getByText('LinkedIn note after her post.')).toBeVisible();
  await saveScreenshot(page, 'recognition-merged');

  await (await margin()).getByRole('button', { name: 'Undo merge' }).click();
  await expect((await margin()).getByText('Merge undone.')).toBeVisible();
  await expect((await timeline()).getByText('Email note about the pilot.')).toHaveCount(0);
  await expect((await timeline()).getByText('LinkedIn note after her post.')).toBeVisible();
});
