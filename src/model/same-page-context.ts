import type { PageContext } from './page-context';

/**
 * Whether two readings of a page say the same thing. A field-by-field comparison that stops at
 * the first difference: the content script asks this after every quiet period, and serialising
 * a thread of 50 messages each time to compare two strings was most of that work.
 */
export function samePageContext(a: PageContext, b: PageContext): boolean {
  return sameValue(a, b);
}

/** Deep equality of plain data (what a recogniser returns: objects, arrays, strings, numbers, booleans). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let index = 0; index < a.length; index += 1) if (!sameValue(a[index], b[index])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let count = 0;
  for (const key in left) {
    if (!Object.hasOwn(left, key)) continue;
    // An absent field and a field set to undefined serialise alike: treat them alike.
    if (left[key] === undefined) continue;
    if (!sameValue(left[key], right[key])) return false;
    count += 1;
  }
  for (const key in right) if (Object.hasOwn(right, key) && right[key] !== undefined) count -= 1;
  return count === 0;
}
