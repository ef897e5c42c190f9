/**
 * `npm run bench`: every row of issue 12's table in one run, each against its baseline measured
 * in the same run, written to bench/results.json:
 *
 *   - page cost: the Gmail thread page's renderer busy time (CDP TaskDuration) for a workload of
 *     thread switches and unrelated DOM changes, with Margin / without any extension / with a
 *     do-nothing sidebar (an empty iframe in a shadow root, the page narrowed), rounds alternated;
 *   - thread switch → the sidebar's heading shows the new person (p95, median);
 *   - a thread opened in a new tab → the person shown (from the tab's navigation start);
 *   - the JavaScript sidebar.html loads before it can paint, gzip; the content scripts, gzip;
 *   - the daily score recompute at 100,000 people / 1,000,000 interactions, started by its alarm
 *     in the real service worker, next to a plain read of the same rows in the same worker.
 *
 *   npm run bench                                  # full size (several minutes)
 *   npm run bench -- --quick                       # small data, one round: what `npm test` runs
 *   npm run bench -- --before /path/to/chrome-mv3  # also measure another build (e.g. main's) in the same run;
 *                                                  # repeat it for several (each labelled by its folder's parent)
 *   npm run bench -- --skip-build                  # use the existing .output/chrome-mv3
 *   npm run bench -- --profile                     # and where the page's time goes (CPU profile of the last round)
 *   npm run bench -- --skip-recompute              # the page and size rows only
 *
 * Timings on our shared 2-core machines are noisy: compare the figures of one run, never across runs.
 * Nothing here asserts a time; a failure means the bench itself broke (a page or the job did not work).
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CDPSession, Page } from '@playwright/test';
import { GMAIL_APP_URL, GMAIL_DEMO_THREAD_FIXTURE, GMAIL_DEMO_THREAD_URL, PRIYA } from '../test/e2e/support/demo-pages';
import { fromRepoRoot } from '../test/e2e/support/repo-root';
import { allowNamedFunctions, headingShows, launchBench, sidebarFrame, type BenchBrowser } from './bench/browsers';
import { contentScripts, firstLoadJavaScript, type FileSize, type LoadSize } from './bench/bundle-sizes';
import { installGmailBench, mountDoNothingSidebar, type BenchThread } from './bench/gmail-workload';
import { plainRead, runDailyJob, seedDatabase } from './bench/recompute-workload';
import { startProfile, stopProfile, type ProfileLine } from './bench/cpu-profile';
import { median, quantile } from './bench/stats';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    before: { type: 'string', multiple: true },
    'skip-build': { type: 'boolean', default: false },
    out: { type: 'string' },
    profile: { type: 'boolean', default: false },
    'skip-recompute': { type: 'boolean', default: false },
  },
});

const QUICK = args.quick;
const SIZES = QUICK
  ? { rounds: 1, switches: 10, changes: 500, intervalMs: 60, latencySwitches: 6, newTabs: 2, contacts: 500, interactionsPerContact: 10 }
  : { rounds: 5, switches: 100, changes: 5_000, intervalMs: 60, latencySwitches: 40, newTabs: 10, contacts: 100_000, interactionsPerContact: 10 };
const THREADS = 12;
const SIDEBAR_WIDTH_PX = 360;
/** Another site than the page's (an out-of-process frame, like Margin's), allowed by Gmail's frame-src. */
const DO_NOTHING_FRAME_URL = 'https://margin-bench.googleusercontent.com/blank.html';
const DAILY_ALARM = 'metrics:daily-recompute';
const DONE_SETTING = 'metrics.lastFullRecomputeAt';
const GOALS = {
  pageCostRatio: 1.05,
  switchP95Ms: 100,
  newTabMs: 250,
  sidebarFirstLoadGzip: 60 * 1024,
  contentScriptGzip: 10 * 1024,
  recomputeRatio: 1.5,
};

interface Build {
  label: string;
  dir: string;
}

async function main(): Promise<void> {
  const after: Build = { label: 'this build', dir: '.output/chrome-mv3' };
  // Several --before builds (experiments) are labelled by their folder's parent: /tmp/no-report/chrome-mv3 → "no-report".
  const befores = args.before ?? [];
  const builds: Build[] = [
    ...befores.map((dir) => ({ label: befores.length === 1 ? 'before' : path.basename(path.dirname(path.resolve(dir))), dir: path.resolve(dir) })),
    after,
  ];
  if (!args['skip-build']) {
    console.log('Building .output/chrome-mv3…');
    execFileSync('npx', ['wxt', 'build'], { cwd: fromRepoRoot('.'), stdio: 'inherit' });
  }
  const started = Date.now();
  const sizes = Object.fromEntries(builds.map((build) => [build.label, measureSizes(fromRepoRoot(build.dir))]));
  const page = await measurePages(builds);
  const recompute: Record<string, RecomputeResult> = {};
  if (!args['skip-recompute']) for (const build of builds) recompute[build.label] = await measureRecompute(build);

  const result = {
    measuredAt: new Date().toISOString(),
    mode: QUICK ? 'quick' : 'full',
    sizes: SIZES,
    goals: GOALS,
    builds: Object.fromEntries(builds.map((build) => [build.label, build.dir])),
    bundles: sizes,
    page,
    recompute,
    wallClockMs: Date.now() - started,
  };
  printTable(builds, result);
  const file = args.out ?? (QUICK ? 'test-results/bench-quick.json' : 'bench/results.json');
  await mkdir(path.dirname(fromRepoRoot(file)), { recursive: true });
  await writeFile(fromRepoRoot(file), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nWrote ${file} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

function measureSizes(dir: string): { sidebarFirstLoad: LoadSize; contentScripts: FileSize[]; naivePageNote: string } {
  return {
    sidebarFirstLoad: firstLoadJavaScript(dir, 'sidebar.html'),
    contentScripts: contentScripts(dir),
    naivePageNote: 'issue 12: a naive Preact + Dexie + zod + query-core page is 71 KB gzip',
  };
}

interface PageResult {
  /** Renderer busy ms per round, per condition. */
  busyMs: Record<string, number[]>;
  /** Median busy time of each condition over the median without any extension. */
  costRatio: Record<string, number>;
  switchMs: Record<string, { samples: number[]; median: number; p95: number }>;
  newTabMs: Record<string, { samples: number[]; median: number; max: number }>;
  /** With --profile: where the page's renderer spent its time in the last round, per condition. */
  profiles: Record<string, { byFunction: ProfileLine[]; byScript: ProfileLine[] }>;
}

async function busyMs(session: CDPSession): Promise<number> {
  const { metrics } = (await session.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  return (metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? Number.NaN) * 1000;
}

async function openThreadPage(browser: BenchBrowser, withMargin: boolean): Promise<{ page: Page; session: CDPSession; threads: BenchThread[] }> {
  const page = await browser.context.newPage();
  await page.goto(GMAIL_DEMO_THREAD_URL);
  if (withMargin) {
    const frame = await sidebarFrame(page);
    await allowNamedFunctions(frame);
    await frame.evaluate(headingShows, PRIYA.name);
  }
  await allowNamedFunctions(page);
  const threads = await page.evaluate(installGmailBench, THREADS);
  const session = await browser.context.newCDPSession(page);
  await session.send('Performance.enable');
  return { page, session, threads };
}

/** The people of the bench threads, as tracked contacts with some history, so the sidebar has rows to read. */
async function trackThreadPeople(page: Page, threads: BenchThread[]): Promise<void> {
  const frame = await sidebarFrame(page);
  await frame.evaluate(
    async ({ people, now }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('margin');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('could not open the database'));
      });
      await new Promise<void>((resolve, reject) => {
        const transaction = db.transaction(['contacts', 'interactions'], 'readwrite');
        people.forEach((person, index) => {
          const id = `bench-${index}`;
          transaction.objectStore('contacts').put({
            id, name: person.name, emails: [person.email], linkedinIds: [], stage: 'Engaged', tags: [], customFields: {},
            createdAt: now - 90 * 86_400_000, updatedAt: now - 90 * 86_400_000,
          });
          for (let serial = 0; serial < 30; serial += 1) {
            const at = now - serial * 3 * 86_400_000;
            transaction.objectStore('interactions').put({
              id: `${id}-${serial}`, contactId: id, at, kind: serial % 2 ? 'email-in' : 'email-out',
              source: { site: 'gmail', messageId: `bench-${id}-${serial}` }, createdAt: at, updatedAt: at,
            });
          }
        });
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error ?? new Error('seeding failed'));
      });
      db.close();
    },
    { people: threads.map(({ name, email }) => ({ name, email })), now: Date.now() },
  );
}

async function measurePages(builds: Build[]): Promise<PageResult> {
  const site = { [GMAIL_APP_URL]: GMAIL_DEMO_THREAD_FIXTURE, [DO_NOTHING_FRAME_URL]: 'scripts/bench/blank.html' };
  const plain = await launchBench('no extension', null, site);
  const withMargin: BenchBrowser[] = [];
  const result: PageResult = { busyMs: {}, costRatio: {}, switchMs: {}, newTabMs: {}, profiles: {} };
  try {
    for (const build of builds) withMargin.push(await launchBench(build.label, build.dir, site));
    // Track the bench's people once per build, then let the first capture of every thread happen
    // before anything is measured.
    for (const browser of withMargin) {
      const { page, threads } = await openThreadPage(browser, true);
      await trackThreadPeople(page, threads);
      for (let index = 0; index < threads.length; index += 1) {
        await page.evaluate((which) => window.__marginBench?.switchTo(which), index);
        await page.waitForTimeout(150);
      }
      await page.close();
    }

    const conditions: Array<{ label: string; browser: BenchBrowser; margin: boolean; doNothing?: boolean }> = [
      { label: 'no extension', browser: plain, margin: false },
      { label: 'do-nothing sidebar', browser: plain, margin: false, doNothing: true },
      ...withMargin.map((browser) => ({ label: `Margin (${browser.label})`, browser, margin: true })),
    ];
    for (let round = 0; round < SIZES.rounds; round += 1) {
      // Alternated, and each round in another order, so that no condition always runs first.
      const order = conditions.map((_, index) => conditions[(index + round) % conditions.length]!);
      for (const condition of order) {
        const { page, session } = await openThreadPage(condition.browser, condition.margin);
        if (condition.doNothing) {
          await page.evaluate(mountDoNothingSidebar, { width: SIDEBAR_WIDTH_PX, src: DO_NOTHING_FRAME_URL });
          while (!page.frames().some((frame) => frame.url() === DO_NOTHING_FRAME_URL)) await page.waitForTimeout(10);
        }
        await page.waitForTimeout(300);
        const profiling = args.profile && round === SIZES.rounds - 1;
        if (profiling) await startProfile(session);
        const before = await busyMs(session);
        await page.evaluate(
          (options) => window.__marginBench?.runWorkload(options),
          { switches: SIZES.switches, changes: SIZES.changes, intervalMs: SIZES.intervalMs },
        );
        // Let the last switch be read and reported before the books close.
        await page.waitForTimeout(300);
        (result.busyMs[condition.label] ??= []).push((await busyMs(session)) - before);
        if (profiling) result.profiles[condition.label] = await stopProfile(session);
        await session.detach();
        await page.close();
        console.log(`  page cost round ${round + 1}/${SIZES.rounds}: ${condition.label} ${result.busyMs[condition.label]!.at(-1)!.toFixed(0)} ms busy`);
      }
    }
    const baseline = median(result.busyMs['no extension'] ?? []);
    for (const [label, samples] of Object.entries(result.busyMs)) result.costRatio[label] = median(samples) / baseline;

    for (const browser of withMargin) {
      result.switchMs[browser.label] = await measureSwitches(browser);
      result.newTabMs[browser.label] = await measureNewTabs(browser);
    }
  } finally {
    for (const browser of [plain, ...withMargin]) await browser.close();
  }
  return result;
}

async function measureSwitches(browser: BenchBrowser): Promise<PageResult['switchMs'][string]> {
  const { page, threads } = await openThreadPage(browser, true);
  const frame = await sidebarFrame(page);
  const samples: number[] = [];
  for (let step = 1; step <= SIZES.latencySwitches; step += 1) {
    const index = step % threads.length;
    const name = threads[index]!.name;
    await frame.evaluate(`window.__benchShown = (${headingShows.toString()})(${JSON.stringify(name)}); undefined`);
    const switchedAt = await page.evaluate((which) => window.__marginBench!.switchTo(which), index);
    const shownAt = (await frame.evaluate('window.__benchShown')) as number;
    samples.push(shownAt - switchedAt);
    // Some reading between switches, as a user would: the sidebar and the background settle.
    await page.waitForTimeout(200);
  }
  await page.close();
  console.log(`  thread switch (${browser.label}): ${samples.map((ms) => ms.toFixed(0)).join(' ')} ms`);
  return { samples, median: median(samples), p95: quantile(samples, 0.95) };
}

async function measureNewTabs(browser: BenchBrowser): Promise<PageResult['newTabMs'][string]> {
  const samples: number[] = [];
  for (let tab = 0; tab < SIZES.newTabs; tab += 1) {
    const page = await browser.context.newPage();
    const navigation = page.goto(GMAIL_DEMO_THREAD_URL);
    const frame = await sidebarFrame(page);
    await allowNamedFunctions(frame);
    const shownAt = await frame.evaluate(headingShows, PRIYA.name);
    await navigation;
    const navigationStart = await page.evaluate(() => performance.timeOrigin);
    samples.push(shownAt - navigationStart);
    await page.close();
  }
  console.log(`  new tab (${browser.label}): ${samples.map((ms) => ms.toFixed(0)).join(' ')} ms`);
  return { samples, median: median(samples), max: Math.max(...samples) };
}

interface RecomputeResult {
  contacts: number;
  interactions: number;
  seedMs: number;
  plainReadMs: number;
  plainReadRows: number;
  /** The first run after the rows were written (it fills whatever each build caches). */
  firstRunMs: number;
  /** The next run, as every later day's: the figure that counts. */
  dailyRunMs: number;
  ratio: number;
}

async function measureRecompute(build: Build): Promise<RecomputeResult> {
  const browser = await launchBench(build.label, build.dir, {});
  try {
    const worker = browser.serviceWorker!;
    await allowNamedFunctions(worker);
    await worker.evaluate((alarm) => chrome.alarms.clear(alarm), DAILY_ALARM);
    // An extension page creates the database at the build's own schema version.
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.waitForFunction(async () => (await indexedDB.databases()).some((database) => database.name === 'margin'));
    await allowNamedFunctions(options);
    const now = Date.now();
    console.log(`  daily recompute (${build.label}): seeding ${SIZES.contacts.toLocaleString('en-US')} people…`);
    const seedMs = await options.evaluate(seedDatabase, { contacts: SIZES.contacts, interactionsPerContact: SIZES.interactionsPerContact, now });
    await options.close();

    const [firstRead, rows] = await worker.evaluate(plainRead);
    const timeoutMs = QUICK ? 60_000 : 30 * 60_000;
    const firstRunMs = await worker.evaluate(runDailyJob, { alarm: DAILY_ALARM, doneSetting: DONE_SETTING, timeoutMs });
    const [secondRead] = await worker.evaluate(plainRead);
    const dailyRunMs = await worker.evaluate(runDailyJob, { alarm: DAILY_ALARM, doneSetting: DONE_SETTING, timeoutMs });
    const plainReadMs = Math.min(firstRead, secondRead);
    console.log(`  daily recompute (${build.label}): plain read ${plainReadMs.toFixed(0)} ms, first run ${firstRunMs} ms, next run ${dailyRunMs} ms`);
    return {
      contacts: SIZES.contacts,
      interactions: SIZES.contacts * SIZES.interactionsPerContact,
      seedMs,
      plainReadMs,
      plainReadRows: rows,
      firstRunMs,
      dailyRunMs,
      ratio: dailyRunMs / plainReadMs,
    };
  } finally {
    await browser.close();
  }
}

function printTable(builds: Build[], result: { bundles: Record<string, ReturnType<typeof measureSizes>>; page: PageResult; recompute: Record<string, RecomputeResult> }): void {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const ms = (value: number | undefined) => (value === undefined ? '-' : `${value.toFixed(0)} ms`);
  const x = (value: number | undefined) => (value === undefined ? '-' : `${value.toFixed(2)}×`);
  const rows: string[][] = [];
  const each = (fn: (label: string) => string) => builds.map((build) => fn(build.label));
  rows.push(['page cost, with / without Margin', ...each((label) => x(result.page.costRatio[`Margin (${label})`])), `≤ ${GOALS.pageCostRatio}×`]);
  rows.push(['do-nothing sidebar / without', ...each(() => x(result.page.costRatio['do-nothing sidebar'])), 'the floor']);
  rows.push(['thread switch → new person, p95', ...each((label) => ms(result.page.switchMs[label]?.p95)), `≤ ${GOALS.switchP95Ms} ms`]);
  rows.push(['thread switch → new person, median', ...each((label) => ms(result.page.switchMs[label]?.median)), '']);
  rows.push(['new tab → person shown, median', ...each((label) => ms(result.page.newTabMs[label]?.median)), `≤ ${GOALS.newTabMs} ms`]);
  rows.push(['new tab → person shown, slowest', ...each((label) => ms(result.page.newTabMs[label]?.max)), '']);
  rows.push(['sidebar first-load JS, gzip', ...each((label) => kb(result.bundles[label]!.sidebarFirstLoad.gzipBytes)), `≤ ${kb(GOALS.sidebarFirstLoadGzip)}`]);
  rows.push(['content scripts, gzip', ...each((label) => result.bundles[label]!.contentScripts.map((file) => kb(file.gzipBytes)).join(' / ')), `≤ ${kb(GOALS.contentScriptGzip)}`]);
  const people = (label: string) => result.recompute[label];
  rows.push([
    `daily recompute, ${SIZES.contacts.toLocaleString('en-US')} people / ${(SIZES.contacts * SIZES.interactionsPerContact).toLocaleString('en-US')} interactions`,
    ...each((label) => `${ms(people(label)?.dailyRunMs)} (${x(people(label)?.ratio)} read)`),
    `≤ ${GOALS.recomputeRatio}× read`,
  ]);
  rows.push(['  plain read of the same rows', ...each((label) => ms(people(label)?.plainReadMs)), '']);
  rows.push(['  first run after seeding', ...each((label) => ms(people(label)?.firstRunMs)), '']);
  const header = ['row', ...builds.map((build) => build.label), 'goal'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  console.log(`\n${QUICK ? 'QUICK MODE (small data, one round): the numbers only prove the bench runs.' : 'Full size.'}`);
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));
  const busy = Object.entries(result.page.busyMs).map(([label, samples]) => `${label} ${samples.map((value) => value.toFixed(0)).join('/')}`);
  console.log(`\nRenderer busy ms per round: ${busy.join('; ')}`);
  for (const [label, profile] of Object.entries(result.page.profiles)) {
    console.log(`\nProfile of the last round, ${label} (self time):`);
    for (const line of profile.byScript.slice(0, 6)) console.log(`  ${line.selfMs.toFixed(0).padStart(6)} ms  ${line.where}`);
    for (const line of profile.byFunction.slice(0, 12)) console.log(`  ${line.selfMs.toFixed(1).padStart(6)} ms  ${line.where}`);
  }
}

declare const chrome: { alarms: { clear(name: string): Promise<boolean>; create(name: string, info: { when: number }): Promise<void> } };

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
