/**
 * Identities are compared in one canonical form so that "Jane@Acme.com" on Gmail and
 * "jane@acme.com" typed by hand are the same person. Names are never identities.
 *
 * This is the ONE normalisation path: content scripts (src/sites/email-address.ts), the sidebar,
 * the repositories and import all go through these functions. No zod here, so content scripts
 * can import it without growing.
 */

const MAX_EMAIL_LENGTH = 320;
/**
 * What the PageContext contract's `z.email()` accepts (plain ASCII addresses with a dotted
 * domain); test/sites/email-address.test.ts keeps the two in agreement.
 */
const EMAIL_PATTERN =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

/** Domains where dots in the local part mean nothing and `+tag` is a suffix of the same mailbox. */
const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

/**
 * The address as it is shown, in lower case and trimmed (a `mailto:` prefix dropped), or
 * undefined when it is not one plain address. Use it for display and storage of what was seen.
 */
export function normaliseEmail(raw: string): string | undefined {
  const address = raw.trim().replace(/^mailto:/i, '').toLowerCase();
  if (address.length > MAX_EMAIL_LENGTH || !EMAIL_PATTERN.test(address)) return undefined;
  return address;
}

/**
 * The form two addresses are compared in: `normaliseEmail`, and for gmail.com / googlemail.com
 * also without dots and `+tag` in the local part (`Priya.Raman+crm@googlemail.com` →
 * `priyaraman@gmail.com`). Other domains keep both: many treat them as different mailboxes.
 */
export function canonicalEmail(raw: string): string | undefined {
  const address = normaliseEmail(raw);
  if (!address) return undefined;
  const at = address.lastIndexOf('@');
  const domain = address.slice(at + 1);
  if (!GMAIL_DOMAINS.has(domain)) return address;
  const local = address.slice(0, at).split('+')[0]?.replaceAll('.', '') ?? '';
  return local ? `${local}@gmail.com` : undefined;
}

/** Whether two addresses reach the same mailbox (by the rules of `canonicalEmail`). */
export function sameEmail(a: string, b: string): boolean {
  const canonical = canonicalEmail(a);
  return canonical !== undefined && canonical === canonicalEmail(b);
}

/** Member URNs are case-sensitive ids; vanity slugs are not. */
const MEMBER_URN = /^ACoAA[A-Za-z0-9_-]{10,80}$/;
const MEMBER_URN_INSIDE = /(?:^|:)(ACoAA[A-Za-z0-9_-]{10,80})$/;
/** Sales Navigator lead ids (`/sales/lead/ACwAA…,NAME_SEARCH,…`), kept as `sales:<id>`. */
const SALES_ID = /^sales:([A-Za-z0-9_-]{10,100})$/;
const PROFILE_URL_SLUG = /linkedin\.com\/in\/([^/?#]+)/i;
const SLUG_SHAPE = /^[\p{L}\p{N}_-]{2,100}$/u;

/**
 * A LinkedIn profile id in canonical form: a member URN (`ACoAA…`, case kept), a Sales Navigator
 * lead id (`sales:ACwAA…`, case kept) or a vanity slug (lower-case, %-escapes decoded). Accepts a
 * bare slug, a profile URL or a `urn:li:…:ACoAA…`.
 */
export function normaliseLinkedInId(raw: string): string | undefined {
  let candidate = raw.trim();
  const salesId = SALES_ID.exec(candidate)?.[1];
  if (salesId) return `sales:${salesId}`;
  const fromUrl = PROFILE_URL_SLUG.exec(candidate)?.[1];
  if (fromUrl) candidate = fromUrl;

  const urn = MEMBER_URN_INSIDE.exec(candidate)?.[1];
  if (urn && MEMBER_URN.test(urn)) return urn;

  const slug = decodePercentEscapes(candidate).toLowerCase();
  return SLUG_SHAPE.test(slug) ? slug : undefined;
}

/** Whether a stored LinkedIn id is a member id (`ACoAA…`), which is case-sensitive. */
export function isMemberId(id: string): boolean {
  return MEMBER_URN.test(id);
}

/**
 * Before member ids kept their case, a member id read from a `/in/ACoAA…` link was stored
 * lower-cased (`acoaa…`): a broken spelling no page shows. Lookups also try it, so such a contact
 * is still found (and its id repaired when the person is seen again); the schema v5 upgrade
 * repairs every one whose right spelling it can find.
 */
export function legacyMemberIdSpelling(id: string): string | undefined {
  return isMemberId(id) ? id.toLowerCase() : undefined;
}

/** Whether a stored id is such a lower-cased member id. */
export function isLegacyMemberIdSpelling(id: string): boolean {
  return /^acoaa[a-z0-9_-]{10,80}$/.test(id);
}

/**
 * The LinkedIn profile address of a contact's ids: its vanity slug, else its member id (exactly
 * as stored: `/in/ACoAA…/` works, lower-cased it is a dead address); '' when it has neither
 * (a Sales Navigator lead id is no public profile address).
 */
export function linkedInProfileUrl(ids: readonly string[]): string {
  const vanity = ids.find((id) => !isMemberId(id) && !isLegacyMemberIdSpelling(id) && !SALES_ID.test(id));
  const profile = vanity ?? ids.find(isMemberId);
  return profile ? `https://www.linkedin.com/in/${profile}/` : '';
}

/** A malformed escape ("%E0%A4%A") would make decodeURIComponent throw; keep the text as it came. */
function decodePercentEscapes(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * A person's name in the form name suggestions compare ("Priya  RAMAN" = "priya raman"). Only
 * ever used to *suggest* a contact; a name never links or merges anything by itself.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLocaleLowerCase('en')
    .replace(/[\s\u200B-\u200D\u2060\uFEFF]+/g, ' ')
    .trim();
}
