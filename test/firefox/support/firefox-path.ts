import { existsSync } from 'node:fs';

export const DEFAULT_FIREFOX_PATH = '/usr/bin/firefox-esr';

/** Thrown when no Firefox binary is where we were told to look. */
export class FirefoxNotFoundError extends Error {
  override name = 'FirefoxNotFoundError';
}

/**
 * The Firefox the Firefox end-to-end suite drives: Debian's Firefox ESR by default, `FIREFOX_PATH`
 * for another one (a Firefox or Firefox ESR 140 or newer: the manifest's strict_min_version).
 */
export function firefoxPath(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.FIREFOX_PATH?.trim();
  const candidate = fromEnv || DEFAULT_FIREFOX_PATH;
  if (!existsSync(candidate)) {
    const where = fromEnv ? `FIREFOX_PATH=${fromEnv}` : `${DEFAULT_FIREFOX_PATH} (the default)`;
    throw new FirefoxNotFoundError(
      [
        `No Firefox found at ${where}.`,
        '  On Debian/Ubuntu: apt-get install -y firefox-esr   (then it is at /usr/bin/firefox-esr)',
        '  Elsewhere: set FIREFOX_PATH to a Firefox 140+ binary.',
      ].join('\n'),
    );
  }
  return candidate;
}
