/**
 * Gmail's URL thread ids (`#inbox/FMfcgz…`) are the thread's perm id without its `thread-`
 * prefix (`f:1811…`, `a:r…`) in base64, rewritten in a 40-letter consonant alphabet (the
 * alphabet InboxSDK uses for draft ids). Decoding one lets
 * Margin compare the URL with the thread the DOM shows, so a stale conversation is never read
 * as the new one.
 */
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const GMAIL = 'BCDFGHJKLMNPQRSTVWXZbcdfghjklmnpqrstvwxz';
const PERM_ID = /^thread-[af]:[A-Za-z0-9_-]{1,80}$/;
const ENCODED = /^[af]:[A-Za-z0-9_-]{1,80}$/;

/** The perm id (`thread-f:…`) a URL id stands for, or null when it is not one. */
export function permIdOfUrlThreadId(urlId: string): string | null {
  if (!/^[A-Za-z]{20,80}$/.test(urlId)) return null;
  const base64 = convertBase(urlId, GMAIL, BASE64);
  let decoded: string;
  try {
    // atob accepts base64 without its `=` padding.
    decoded = base64 === null ? '' : atob(base64);
  } catch {
    return null;
  }
  return ENCODED.test(decoded) ? `thread-${decoded}` : null;
}

/** The URL id Gmail shows for a perm id (`thread-f:1811…` → `FMfcg…`). */
export function urlThreadIdOfPermId(permId: string): string | null {
  if (!PERM_ID.test(permId)) return null;
  return convertBase(btoa(permId.replace(/^thread-/, '')).replace(/=+$/, ''), BASE64, GMAIL);
}

/** Positional base conversion of a digit string, through a big integer. */
function convertBase(value: string, from: string, to: string): string | null {
  let number = 0n;
  for (const char of value) {
    const digit = from.indexOf(char);
    if (digit < 0) return null;
    number = number * BigInt(from.length) + BigInt(digit);
  }
  let out = '';
  for (; number > 0n; number /= BigInt(to.length)) out = to[Number(number % BigInt(to.length))] + out;
  return out;
}
