import type { Site } from './sites';

/**
 * What each kind of page means to Margin, in one table: which site it belongs to, whether it
 * should show someone (so "nobody found" is a problem worth saying), what activity capture
 * records from it, and what the people switcher is called there.
 *
 * Free of zod, so content scripts may use it at run time; the page-context schema's enum is
 * built from it.
 */
export interface PageKindDefinition {
  site: Site;
  /** The page is about someone: finding nobody means the page changed or is stale. */
  expectsPerson: boolean;
  /** Activity capture reads it: its messages, and for a profile the visit itself. */
  captures: 'messages' | 'messages-and-visit' | null;
  /** The people switcher's label; undefined: "People on this page". */
  switcherLabel?: string;
}

const TABLE = {
  'gmail-thread': { site: 'gmail', expectsPerson: true, captures: 'messages', switcherLabel: 'People in this thread' },
  /** A new message, inline reply or pop-out: its recipients take priority over what is behind. */
  'gmail-compose': { site: 'gmail', expectsPerson: true, captures: null, switcherLabel: 'Recipients' },
  /** Inbox, label, search results: no person is forced. */
  'gmail-list': { site: 'gmail', expectsPerson: false, captures: null },
  'gmail-other': { site: 'gmail', expectsPerson: false, captures: null },
  'linkedin-profile': { site: 'linkedin', expectsPerson: true, captures: 'messages-and-visit' },
  /** The contact-info overlay: links the profile to the address it shows. */
  'linkedin-contact-info': { site: 'linkedin', expectsPerson: true, captures: null },
  'linkedin-messaging': { site: 'linkedin', expectsPerson: true, captures: 'messages', switcherLabel: 'People in this conversation' },
  'linkedin-sales-lead': { site: 'linkedin', expectsPerson: true, captures: 'messages-and-visit' },
  'linkedin-other': { site: 'linkedin', expectsPerson: false, captures: null },
} as const satisfies Record<string, PageKindDefinition>;

export type PageKind = keyof typeof TABLE;

export const PAGE_KIND_TABLE: Readonly<Record<PageKind, PageKindDefinition>> = TABLE;

export const PAGE_KINDS = Object.keys(TABLE) as [PageKind, ...PageKind[]];

export const DEFAULT_SWITCHER_LABEL = 'People on this page';
