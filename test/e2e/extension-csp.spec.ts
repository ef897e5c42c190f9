import type { Page } from '@playwright/test';
import { DEMO_SITE_MAP, GMAIL_DEMO_THREAD_URL, PRIYA } from './support/demo-pages';
import { expect, test } from './support/test';

/**
 * The extension pages' policy (content_security_policy.extension_pages in wxt.config.ts): scripts
 * and styles from the package only, no plugins, and connections over https: only (plus
 * 127.0.0.1 in this, the test build, for a CRM mock). What the policy refuses, it refuses before
 * any request is made: the fixture's request log stays empty.
 */

/** Chromium reports every refusal on the console ("… violates the following Content Security Policy directive …"). */
function watchPolicyRefusals(page: Page): string[] {
  const refusals: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) refusals.push(message.text());
  });
  return refusals;
}

test('Margin works under its own policy: the dashboard, the options page and the sidebar refuse nothing of theirs', async ({
  context,
  page,
  site,
  sidebar,
  extensionUrl,
}) => {
  const refusals = watchPolicyRefusals(page);
  await page.goto(extensionUrl('dashboard.html'));
  await page.getByRole('button', { name: 'Load demo data' }).click();
  await expect(page.getByRole('button', { name: 'Load demo data' })).toBeHidden();
  await page.goto(extensionUrl('options.html'));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  site.serve(DEMO_SITE_MAP);
  const gmail = await context.newPage();
  const gmailRefusals = watchPolicyRefusals(gmail);
  await gmail.goto(GMAIL_DEMO_THREAD_URL);
  await expect((await sidebar(gmail)).getByRole('heading', { level: 1, name: PRIYA.name, exact: true })).toBeVisible();

  expect([...refusals, ...gmailRefusals]).toEqual([]);
});

test('an extension page cannot reach a server over plain http, by any API', async ({ page, extensionUrl }) => {
  await page.goto(extensionUrl('dashboard.html'));
  const refusals = () =>
    page.evaluate(() => [...new Set((window as { policyRefusals?: string[] }).policyRefusals ?? [])].sort());
  const fetched = await page.evaluate(async () => {
    const refused: string[] = [];
    (window as { policyRefusals?: string[] }).policyRefusals = refused;
    document.addEventListener('securitypolicyviolation', (event) => {
      refused.push(`${event.effectiveDirective} ${event.blockedURI}`);
    });
    // Beacons and sockets report nothing to their caller: the policy's refusals show them.
    navigator.sendBeacon('http://crm.example/beacon', 'note');
    new WebSocket('ws://crm.example/socket');
    try {
      await fetch('http://crm.example/fetch', { method: 'POST', body: 'note' });
      return 'sent';
    } catch (error) {
      return `refused (${(error as Error).name})`;
    }
  });
  expect(fetched).toBe('refused (TypeError)');
  await expect
    .poll(refusals)
    .toEqual([
      'connect-src http://crm.example/beacon',
      'connect-src http://crm.example/fetch',
      'connect-src ws://crm.example/socket',
    ]);
});
