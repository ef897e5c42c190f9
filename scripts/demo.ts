/**
 * `npm start`: Margin with demo data, beside the demo Gmail thread and the demo LinkedIn profile at
 * their real addresses (served offline from test/fixtures; every other request is blocked).
 *
 * With a display it opens a real Chromium window and waits until you close it. Without one (or
 * with `--headless`, or on CI) it runs headless and saves screenshots into demo-output/.
 * The browser and the serving are the end-to-end tests' own (test/e2e/support).
 */
import type { BrowserContext, Page } from '@playwright/test';
import { buildDemoData } from '../src/demo/demo-data';
import { ChromiumNotFoundError } from '../test/e2e/support/chromium-path';
import { DEMO_SITE_MAP, GMAIL_DEMO_THREAD_URL, LINKEDIN_DEMO_PROFILE_URL, PRIYA } from '../test/e2e/support/demo-pages';
import { ExtensionBuildMissingError, launchWithExtension, type LaunchedExtension } from '../test/e2e/support/launch-extension';
import { sidebarOf } from '../test/e2e/support/margin-on-page';
import { saveScreenshot } from '../test/e2e/support/screenshots';
import { serveSites } from '../test/e2e/support/serve-sites';

const OUTPUT_DIR = 'demo-output';
const STEP_TIMEOUT_MS = 15_000;

function hasDisplay(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): boolean {
  return platform === 'darwin' || platform === 'win32' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

function runsHeadless(args: string[], env: NodeJS.ProcessEnv, platform: NodeJS.Platform): boolean {
  if (args.includes('--headless')) return true;
  if (args.includes('--headed')) return false;
  return Boolean(env.CI) || !hasDisplay(env, platform);
}

/** Problems met along the way; the demo goes on, so that you still see what did work. */
const problems: string[] = [];

async function step(what: string, action: () => Promise<void>): Promise<void> {
  process.stdout.write(`• ${what} … `);
  try {
    await action();
    process.stdout.write('done\n');
  } catch (error) {
    process.stdout.write('FAILED\n');
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    problems.push(`${what}: ${reason}`);
  }
}

async function loadDemoData(context: BrowserContext, extensionId: string): Promise<Page> {
  const dashboard = context.pages()[0] ?? (await context.newPage());
  const expectedContacts = buildDemoData(Date.now()).contacts.length;
  await step('Opening the dashboard and loading the demo data', async () => {
    await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html`);
    await dashboard.getByRole('button', { name: 'Load demo data' }).click({ timeout: STEP_TIMEOUT_MS });
    await dashboard
      .getByText(new RegExp(`\\b${expectedContacts}\\b[^.]*\\bcontacts?\\b`, 'i'))
      .first()
      .waitFor({ timeout: STEP_TIMEOUT_MS });
  });
  return dashboard;
}

async function openDemoPage(context: BrowserContext, url: string, what: string): Promise<Page> {
  const page = await context.newPage();
  await step(`Opening ${what} (${url})`, async () => {
    await page.goto(url);
    await (await sidebarOf(page))
      .getByRole('heading', { level: 1, name: PRIYA.name, exact: true })
      .waitFor({ timeout: STEP_TIMEOUT_MS });
    // Let the timeline's live query fill in before anyone looks.
    await page.waitForTimeout(500);
  });
  return page;
}

async function main(): Promise<number> {
  const headless = runsHeadless(process.argv.slice(2), process.env, process.platform);
  console.log(
    headless
      ? `Margin demo, headless: screenshots go to ${OUTPUT_DIR}/ (run with a display, or --headed, for a window).`
      : 'Margin demo: opening Chromium with Margin and demo data.',
  );

  let launched: LaunchedExtension;
  try {
    launched = await launchWithExtension({ headless, viewport: headless ? { width: 1440, height: 900 } : null });
  } catch (error) {
    if (error instanceof ChromiumNotFoundError || error instanceof ExtensionBuildMissingError) {
      console.error(`\n${error.message}`);
      return 1;
    }
    throw error;
  }
  const stop = () => void launched.close().finally(() => process.exit(130));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  try {
    const { context, extensionId } = launched;
    const site = await serveSites(context, DEMO_SITE_MAP);

    const dashboard = await loadDemoData(context, extensionId);
    const gmail = await openDemoPage(context, GMAIL_DEMO_THREAD_URL, 'the demo Gmail thread');
    const linkedin = await openDemoPage(context, LINKEDIN_DEMO_PROFILE_URL, 'the demo LinkedIn profile');

    const madeRequests = site.extensionRequests();
    if (madeRequests.length > 0) {
      problems.push(`Margin made network requests: ${madeRequests.map((request) => request.url).join(', ')}`);
    }

    if (headless) {
      const saved: string[] = [];
      for (const [page, name] of [
        [gmail, 'gmail-thread'],
        [linkedin, 'linkedin-profile'],
        [dashboard, 'dashboard'],
      ] as const) {
        await page.bringToFront();
        saved.push(await saveScreenshot(page, name, { dir: OUTPUT_DIR }));
      }
      console.log('\nScreenshots:');
      for (const file of saved) console.log(`  ${file}`);
    } else {
      await gmail.bringToFront();
      console.log('\nThe demo is open: the Gmail thread, the LinkedIn profile and the dashboard are tabs.');
      console.log('Close the browser window to finish.');
      await new Promise<void>((resolve) => context.once('close', () => resolve()));
    }
  } finally {
    await launched.close();
  }

  if (problems.length > 0) {
    console.error('\nThe demo is incomplete:');
    for (const problem of problems) console.error(`  - ${problem}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
