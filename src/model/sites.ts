import type { InteractionKind } from './interaction-kinds';

/**
 * What each site Margin reads means, in one table: where its pages live, which pages the content
 * script runs on, how the sidebar names it, which attribute changes can change who is on the
 * page, and what a message read there is recorded as. Adding a site is a row here, its page
 * kinds in page-kinds.ts, its recogniser folder in src/sites/<site>/ and its content-script
 * entrypoint.
 *
 * Free of zod, so content scripts and wxt.config.ts can use it at run time.
 */
/**
 * How a site's pages take the width the sidebar leaves them. `reflows`: the page lays itself out
 * in the width it is given (Gmail). `follows-window`: its breakpoints and fixed header follow the
 * window width (LinkedIn), so text can stay under the sidebar however the page is narrowed; the
 * sidebar measures there (src/content/sidebar-frame.ts).
 */
export type PageLayout = 'reflows' | 'follows-window';

/**
 * The id of the element Margin adds to every site's page (src/content/sidebar-frame.ts); the page
 * walk for a description leaves it out (src/sites/page-skeleton.ts).
 */
export const SIDEBAR_HOST_ID = 'margin-root';

/**
 * What a site's content script needs: where it runs and how to watch and make room on its pages.
 * Its own table (joined into SITE_TABLE below) so the content scripts, which must stay within
 * 10 KB gzip, carry these columns only, not the sidebar's words.
 */
export interface SitePages {
  /** The only origin its pages (and the contexts its content script reports) may come from. */
  origin: string;
  /** The content script's match patterns; the sidebar frame is exposed to these pages only. */
  matches: readonly string[];
  /** Attributes whose change, in place, can change who is on the page (the watcher re-reads then). */
  watchedAttributes: readonly string[];
  layout: PageLayout;
}

export interface SiteDefinition extends SitePages {
  /** The site's name, as the user knows it. */
  label: string;
  /** The link back to where an interaction was captured. */
  openLabel: string;
  /** What the sidebar says when nobody is recognised on one of its pages. */
  emptyHint: string;
  /** What a message read here becomes: from them, and from the user. */
  messageKinds: { in: InteractionKind; out: InteractionKind };
  /** What opening a person's page there is recorded as (at most once a day), if anything. */
  visitKind?: InteractionKind;
  /**
   * How its conversations work. An email thread has a subject and the user's addresses choose
   * who it is about; a collapsed message hides its recipients, so a reply counts for everyone who
   * wrote. A chat names people only by name inside the conversation with the person shown.
   */
  conversation: 'email-thread' | 'chat';
}

export const SITE_PAGES = {
  gmail: {
    origin: 'https://mail.google.com',
    matches: ['https://mail.google.com/*'],
    watchedAttributes: ['email', 'data-hovercard-id', 'data-name', 'data-thread-perm-id', 'data-legacy-thread-id', 'href'],
    layout: 'reflows',
  },
  linkedin: {
    origin: 'https://www.linkedin.com',
    matches: ['https://www.linkedin.com/*'],
    watchedAttributes: ['href'],
    layout: 'follows-window',
  },
} as const satisfies Record<string, SitePages>;

const TABLE = {
  gmail: {
    ...SITE_PAGES.gmail,
    label: 'Gmail',
    openLabel: 'Open in Gmail',
    emptyHint: 'Open an email thread and Margin shows the person who wrote last, their history and a place for your note.',
    messageKinds: { in: 'email-in', out: 'email-out' },
    conversation: 'email-thread',
  },
  linkedin: {
    ...SITE_PAGES.linkedin,
    label: 'LinkedIn',
    openLabel: 'Open on LinkedIn',
    emptyHint: 'Open a LinkedIn profile and Margin shows that person and what you know about them.',
    messageKinds: { in: 'linkedin-message-in', out: 'linkedin-message-out' },
    visitKind: 'linkedin-view',
    conversation: 'chat',
  },
} as const satisfies Record<keyof typeof SITE_PAGES, SiteDefinition>;

export type Site = keyof typeof TABLE;

export const SITE_TABLE: Readonly<Record<Site, SiteDefinition>> = TABLE;

// Pure: a content script that reads none of these carries no copy of the table.
export const SITES = /* @__PURE__ */ Object.keys(TABLE) as [Site, ...Site[]];

/** Every page Margin's content scripts run on (and the sidebar frame may be shown in). */
export const ALL_SITE_MATCHES: readonly string[] = /* @__PURE__ */ SITES.flatMap((site) => SITE_PAGES[site].matches);

/** The origin a site's pages live on; a context claiming a site must come from that origin. */
export function originOfSite(site: Site): string {
  return SITE_TABLE[site].origin;
}

export function siteOfOrigin(origin: string): Site | undefined {
  return SITES.find((site) => SITE_TABLE[site].origin === origin);
}

/** The site a stored link points into, by its origin; undefined for anything else. */
export function siteOfUrl(url: string): Site | undefined {
  try {
    return siteOfOrigin(new URL(url).origin);
  } catch {
    return undefined;
  }
}
