import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

export const FIXTURES = 'test/fixtures/exports';
export const GOLDEN = path.join(FIXTURES, 'golden');
export const ALICE_BACKUP = path.join(FIXTURES, 'backup-alice.json');
export const BOB_BACKUP = path.join(FIXTURES, 'backup-bob.json');

/** The golden files for one export: `golden/<case>/<file>`. */
export function goldenPath(caseName: string, file: string): string {
  return path.join(GOLDEN, caseName, file);
}

/**
 * Compares an exported file with its golden copy, byte for byte. `UPDATE_GOLDEN=1` rewrites the
 * golden copy instead (then review the diff before committing it).
 */
export function expectMatchesGolden(caseName: string, file: string, actual: string): void {
  const golden = goldenPath(caseName, file);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(golden)) {
    if (process.env.CI && !existsSync(golden)) throw new Error(`No golden file ${golden}`);
    mkdirSync(path.dirname(golden), { recursive: true });
    writeFileSync(golden, actual);
    return;
  }
  expect(actual, `${file} differs from ${golden} (UPDATE_GOLDEN=1 rewrites it)`).toBe(readFileSync(golden, 'utf8'));
}
