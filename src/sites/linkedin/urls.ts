/**
 * LinkedIn page kinds from the URL alone. A profile lives at `/in/<slug>/`, and its sub-pages
 * (`/in/<slug>/overlay/contact-info/`, `/in/<slug>/details/experience/`) belong to the same person.
 */

const LINKEDIN_HOST = 'www.linkedin.com';
const LINKEDIN_ORIGIN = `https://${LINKEDIN_HOST}`;
const PROFILE_PATH = /^\/in\/([^/]+)(?:\/|$)/;
/** The PageContext contract's slug pattern: the canonical (percent-encoded) form must fit it. */
const SLUG_PATTERN = /^[A-Za-z0-9\-_%]{2,100}$/;

/** A member id (`/in/ACoAA…`, how messaging links people): case-sensitive, kept exactly. */
const MEMBER_ID = /^ACoAA[A-Za-z0-9_-]{10,80}$/;

/**
 * The profile id in a LinkedIn URL, canonical. A member id (`ACoAA…`) is kept exactly as it is:
 * it is case-sensitive, and lower-cased it is another, broken address. A vanity slug has its
 * percent-escapes decoded (a malformed escape means no slug), is lower-cased (LinkedIn treats
 * vanity URLs case-insensitively), then re-encoded, so `/in/Jos%c3%a9/` and `/in/josé/` give
 * the same `jos%C3%A9`. Null when the URL is no profile.
 */
export function linkedInSlugFromUrl(url: URL): string | null {
  if (url.protocol !== 'https:' || url.hostname !== LINKEDIN_HOST) return null;
  const raw = PROFILE_PATH.exec(url.pathname)?.[1];
  if (!raw) return null;
  if (MEMBER_ID.test(raw)) return raw;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const slug = encodeURIComponent(decoded.trim().toLowerCase());
  return SLUG_PATTERN.test(slug) ? slug : null;
}

/** Whether a profile id is a member id (`ACoAA…`) rather than a vanity slug. */
export function isMemberId(slug: string): boolean {
  return MEMBER_ID.test(slug);
}

/**
 * Whether the URL is one of a profile's sub-pages (`/in/<slug>/details/experience/`,
 * `/in/<slug>/recent-activity/all/`, …) rather than the profile itself. Overlays
 * (`/in/<slug>/overlay/…`) open over the profile, whose top card stays on the page.
 */
export function isLinkedInProfileSubPage(url: URL): boolean {
  if (!isLinkedInProfile(url)) return false;
  const rest = url.pathname.replace(PROFILE_PATH, '').replace(/\/+$/, '');
  return rest !== '' && !rest.startsWith('overlay/');
}

/** The profile slug a link on a LinkedIn page points at (relative links resolve against LinkedIn). */
export function linkedInSlugFromHref(href: string | null | undefined): string | null {
  if (!href) return null;
  try {
    return linkedInSlugFromUrl(new URL(href, LINKEDIN_ORIGIN));
  } catch {
    return null;
  }
}

/** Whether the URL shows one member's profile (or one of its sub-pages, such as the contact-info overlay). */
export function isLinkedInProfile(url: URL): boolean {
  return linkedInSlugFromUrl(url) !== null;
}

const CONTACT_INFO_PATH = /^\/in\/[^/]+\/overlay\/contact-info\/?$/;
const MESSAGING_THREAD_PATH = /^\/messaging\/thread\/([A-Za-z0-9_=-]{2,200})\/?$/;
const SALES_LEAD_PATH = /^\/sales\/(?:lead|people)\/([A-Za-z0-9_-]{10,100})(?:,[^/]*)?\/?$/;

function isLinkedInUrl(url: URL): boolean {
  return url.protocol === 'https:' && url.hostname === LINKEDIN_HOST;
}

/** Whether the URL is a profile's "Contact info" overlay (`/in/<slug>/overlay/contact-info/`). */
export function isLinkedInContactInfo(url: URL): boolean {
  return isLinkedInProfile(url) && CONTACT_INFO_PATH.test(url.pathname);
}

/** The conversation id of a messaging thread URL (`/messaging/thread/<id>/`), or null. */
export function linkedInMessagingThreadId(url: URL): string | null {
  if (!isLinkedInUrl(url)) return null;
  return MESSAGING_THREAD_PATH.exec(url.pathname)?.[1] ?? null;
}

/** The conversation id a link on the page points at (the conversation list's entries). */
export function linkedInMessagingThreadIdFromHref(href: string | null | undefined): string | null {
  if (!href) return null;
  try {
    return linkedInMessagingThreadId(new URL(href, LINKEDIN_ORIGIN));
  } catch {
    return null;
  }
}

export function isLinkedInMessaging(url: URL): boolean {
  return linkedInMessagingThreadId(url) !== null;
}

/** Sales Navigator's lead id (`/sales/lead/ACwAA…,NAME_SEARCH,xyz`, also `/sales/people/…`), or null. */
export function linkedInSalesLeadId(url: URL): string | null {
  if (!isLinkedInUrl(url)) return null;
  return SALES_LEAD_PATH.exec(url.pathname)?.[1] ?? null;
}

/** The lead a link points at, sub-pages included (`/sales/lead/<id>,…/notes`). */
export function linkedInSalesLeadIdFromHref(href: string | null | undefined): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, LINKEDIN_ORIGIN);
    if (!isLinkedInUrl(url)) return null;
    return /^\/sales\/(?:lead|people)\/([A-Za-z0-9_-]{10,100})(?:[,/]|$)/.exec(url.pathname)?.[1] ?? null;
  } catch {
    return null;
  }
}

export function isLinkedInSalesLead(url: URL): boolean {
  return linkedInSalesLeadId(url) !== null;
}
