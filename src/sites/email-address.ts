/**
 * Email addresses as Margin stores them: trimmed, lower-cased, and accepted only when the
 * PageContext contract would accept them (its check is zod's `z.email()`; the pattern is repeated
 * here because content scripts carry no zod, and a test keeps the two in agreement).
 */
const EMAIL_PATTERN =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
const MAX_EMAIL_LENGTH = 320;

/** The normalised address, or null when `raw` is not one plain address. */
export function normaliseEmailAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const candidate = raw.trim().replace(/^mailto:/i, '').toLowerCase();
  if (candidate.length > MAX_EMAIL_LENGTH || !EMAIL_PATTERN.test(candidate)) return null;
  return candidate;
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
