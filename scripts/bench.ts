/**
 * `npm run bench`: how long recomputing engagement scores and stage suggestions takes in real
 * IndexedDB in Chromium, next to a plain read of the same rows, measured in one run:
 *   - everyone: 100,000 contacts with 1,000,000 interactions (the daily decay alarm's work),
 *   - one contact with 10,000 interactions (what every write for a person costs).
 *
 * It builds a bench build (MARGIN_BENCH=1: the unlisted page entrypoints/bench/, into
 * .output-bench/, never part of a user's build), opens that page in Chromium with the extension
 * loaded, runs src/bench/run-bench.ts there, prints a table and writes bench-output/bench.json.
 *
 *   npm run bench                       # full size
 *   BENCH_CONTACTS=10000 npm run bench  # smaller, for a quick look
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { launchWithExtension } from '../test/e2e/support/launch-extension';
import { fromRepoRoot } from '../test/e2e/support/repo-root';
import type { BenchOptions, BenchResult } from '../src/bench/run-bench';

const options: BenchOptions = {
  contacts: Number(process.env.BENCH_CONTACTS ?? 100_000),
  interactionsPerContact: Number(process.env.BENCH_INTERACTIONS_PER_CONTACT ?? 10),
  singleContactInteractions: Number(process.env.BENCH_SINGLE_CONTACT_INTERACTIONS ?? 10_000),
  repeats: 5,
};

async function main(): Promise<void> {
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    console.log('Building the bench build (.output-bench/chrome-mv3)…');
    execFileSync('npx', ['wxt', 'build'], { cwd: fromRepoRoot('.'), env: { ...process.env, MARGIN_BENCH: '1' }, stdio: 'inherit' });
  }
  const launched = await launchWithExtension({ extensionDir: '.output-bench/chrome-mv3' });
  try {
    const page = await launched.context.newPage();
    page.on('console', (message) => console.log(`  [bench page] ${message.text()}`));
    await page.goto(`chrome-extension://${launched.extensionId}/bench.html`);
    await page.waitForFunction(() => window.marginBench !== undefined);
    const started = Date.now();
    const result: BenchResult = await page.evaluate(
      (benchOptions) => window.marginBench!.run(benchOptions, (line) => console.log(line)),
      options,
    );
    printTable(result);
    const outDir = fromRepoRoot('bench-output');
    await mkdir(outDir, { recursive: true });
    const file = path.join(outDir, 'bench.json');
    await writeFile(file, `${JSON.stringify({ ...result, measuredAt: new Date().toISOString(), wallClockMs: Date.now() - started }, null, 2)}\n`);
    console.log(`\nWrote ${path.relative(process.cwd(), file)}`);
  } finally {
    await launched.close();
  }
}

function printTable(result: BenchResult): void {
  const ms = (value: number) => `${value.toFixed(value < 100 ? 1 : 0)} ms`;
  const rows = [
    [
      `everyone: ${result.everyone.contacts.toLocaleString('en-US')} contacts, ${result.everyone.interactions.toLocaleString('en-US')} interactions`,
      ms(result.everyone.recomputeMs),
      ms(result.everyone.plainReadMs),
      `${result.everyone.ratio.toFixed(2)}×`,
    ],
    [
      `everyone, a day later (${result.everyoneNextDay.scoresChanged.toLocaleString('en-US')} scores changed)`,
      ms(result.everyoneNextDay.recomputeMs),
      ms(result.everyoneNextDay.plainReadMs),
      `${result.everyoneNextDay.ratio.toFixed(2)}×`,
    ],
    [
      `one contact: ${result.oneContact.interactions.toLocaleString('en-US')} interactions (median of ${result.options.repeats})`,
      ms(result.oneContact.recomputeMs),
      ms(result.oneContact.plainReadMs),
      `${result.oneContact.ratio.toFixed(2)}×`,
    ],
  ];
  const header = ['case', 'recompute', 'plain read', 'ratio'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  console.log(`\nChromium: ${result.userAgent}`);
  console.log(`Seeding took ${ms(result.seedMs)} (not part of any figure).\n`);
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));
  console.log(`\n"recompute" = scores + stage suggestions computed and written; "plain read" = the same queries, nothing else.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
