import { existsSync } from 'node:fs';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** Thrown when no Chromium binary is where we were told to look. */
export class ChromiumNotFoundError extends Error {
  override name = 'ChromiumNotFoundError';
}

/**
 * The Chromium binary the end-to-end tests and the demo drive. Playwright's own browser download
 * does not work on our machines, so we use the system's Chromium; `CHROMIUM_PATH` points elsewhere
 * (Chrome for Testing, a local Chromium build). Branded Google Chrome ignores `--load-extension`.
 */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.CHROMIUM_PATH?.trim();
  const candidate = fromEnv || DEFAULT_CHROMIUM_PATH;
  if (!existsSync(candidate)) {
    const where = fromEnv ? `CHROMIUM_PATH=${fromEnv}` : `${DEFAULT_CHROMIUM_PATH} (the default)`;
    throw new ChromiumNotFoundError(
      [
        `No Chromium found at ${where}.`,
        "  On Debian/Ubuntu: apt-get install -y chromium   (then it is at /usr/bin/chromium)",
        '  Elsewhere: set CHROMIUM_PATH to a Chromium or Chrome for Testing binary,',
        '    e.g. CHROMIUM_PATH="/Applications/Chromium.app/Contents/MacOS/Chromium".',
        '  Branded Google Chrome does not load unpacked extensions from the command line.',
        '  Do not run `npx playwright install`: its browser download does not work on our machines.',
      ].join('\n'),
    );
  }
  return candidate;
}
