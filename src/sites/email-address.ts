import { canonicalEmail, normaliseEmail } from '../identity/normalise';

/**
 * Email addresses as content scripts read them from a page: the one normalisation path in
 * src/identity/normalise.ts, with `null` for "not an address" (the DOM code reads better so).
 */

/** The normalised address, or null when `raw` is not one plain address. */
export function normaliseEmailAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  return normaliseEmail(raw) ?? null;
}

/** The form own addresses and participants are compared in (Gmail dots and +tags folded). */
export function canonicalEmailAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  return canonicalEmail(raw) ?? null;
}

/** Every address-looking token in a short label ("Google Account: Alex (alex@x.com)"). */
export function emailAddressesInLabel(label: string | null | undefined): string[] {
  if (!label) return [];
  const found: string[] = [];
  for (const token of label.slice(0, 1000).split(/[\s<>()[\],;:"]+/)) {
    const address = normaliseEmailAddress(token);
    if (address && !found.includes(address)) found.push(address);
  }
  return found;
}
