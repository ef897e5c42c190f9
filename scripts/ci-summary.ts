import { existsSync, readFileSync } from 'node:fs';

/**
 * Prints one closing line for CI, "tests: N passed, N failed", summed over the JUnit files
 * that vitest and Playwright write on CI. A missing file is a failure: a suite that did not
 * report did not pass.
 */
const files = process.argv.slice(2);
let passed = 0;
let failed = 0;
for (const file of files) {
  if (!existsSync(file)) {
    console.error(`ci-summary: ${file} is missing (that suite did not report)`);
    failed += 1;
    continue;
  }
  const xml = readFileSync(file, 'utf8');
  const root = /<testsuites\b([^>]*)>/.exec(xml)?.[1] ?? '';
  const count = (name: string): number => Number(new RegExp(`\\b${name}="(\\d+)"`).exec(root)?.[1] ?? 0);
  const total = count('tests');
  const bad = count('failures') + count('errors');
  const skipped = count('skipped');
  passed += total - bad - skipped;
  failed += bad;
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
