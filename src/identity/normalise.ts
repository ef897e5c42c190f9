/**
 * Identities are compared in one canonical form so that "Jane@Acme.com" on Gmail and
 * "jane@acme.com" typed by hand are the same person. Names are never identities.
 */

const MAX_EMAIL_LENGTH = 320;
const EMAIL_SHAPE = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

/**
 * Lower-cased, trimmed address, or undefined when it does not look like one.
 * Gmail's dots and +tags are kept on purpose for now: folding them is a separate decision.
 */
export function normaliseEmail(raw: string): string | undefined {
  const address = raw.trim().replace(/^mailto:/i, '').toLowerCase();
  if (address.length > MAX_EMAIL_LENGTH || !EMAIL_SHAPE.test(address)) return undefined;
  return address;
}

/** Member URNs are case-sensitive ids; vanity slugs are not. */
const MEMBER_URN = /^ACoAA[A-Za-z0-9_-]{10,80}$/;
const MEMBER_URN_INSIDE = /(?:^|:)(ACoAA[A-Za-z0-9_-]{10,80})$/;
const PROFILE_URL_SLUG = /linkedin\.com\/in\/([^/?#]+)/i;
const SLUG_SHAPE = /^[\p{L}\p{N}_-]{2,100}$/u;

/**
 * A LinkedIn profile id in canonical form: a member URN (`ACoAA…`, case kept) or a vanity slug
 * (lower-case, %-escapes decoded). Accepts a bare slug, a profile URL or a `urn:li:…:ACoAA…`.
 */
export function normaliseLinkedInId(raw: string): string | undefined {
  let candidate = raw.trim();
  const fromUrl = PROFILE_URL_SLUG.exec(candidate)?.[1];
  if (fromUrl) candidate = fromUrl;

  const urn = MEMBER_URN_INSIDE.exec(candidate)?.[1];
  if (urn && MEMBER_URN.test(urn)) return urn;

  const slug = decodePercentEscapes(candidate).toLowerCase();
  return SLUG_SHAPE.test(slug) ? slug : undefined;
}

/** A malformed escape ("%E0%A4%A") would make decodeURIComponent throw; keep the text as it came. */
function decodePercentEscapes(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
