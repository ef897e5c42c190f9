import * as z from 'zod/mini';
import { MAX_PAGE_TEXT } from './limits';

/**
 * What a content script reports about the page the user is looking at.
 *
 * Content scripts build it with `import type` only (no zod in their bundle); the extension's own
 * pages parse it with `pageContextSchema` because page text is attacker-controlled.
 */


const pageText = z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_PAGE_TEXT));

export const siteSchema = z.enum(['gmail', 'linkedin']);
export type Site = z.infer<typeof siteSchema>;

export const pageKindSchema = z.enum([
  'gmail-thread',
  'gmail-other',
  'linkedin-profile',
  'linkedin-other',
]);
export type PageKind = z.infer<typeof pageKindSchema>;

/** A person as the page shows them. At least one identity (email or LinkedIn slug) is required. */
export const personOnPageSchema = z
  .object({
    name: pageText,
    email: z.optional(z.email().check(z.maxLength(320))),
    linkedinSlug: z.optional(z.string().check(z.regex(/^[A-Za-z0-9\-_%]{2,100}$/))),
    linkedinUrn: z.optional(z.string().check(z.regex(/^ACoAA[A-Za-z0-9_-]{10,80}$/))),
    headline: z.optional(pageText),
    company: z.optional(pageText),
    location: z.optional(pageText),
  })
  .check(
    z.refine((person) => Boolean(person.email || person.linkedinSlug), {
      message: 'a person needs an email address or a LinkedIn profile id',
    }),
  );
export type PersonOnPage = z.infer<typeof personOnPageSchema>;

export const pageContextSchema = z.object({
  site: siteSchema,
  url: z.url({ protocol: /^https$/ }),
  pageKind: pageKindSchema,
  /** The person the sidebar shows; null means "nobody recognised here", never a guess. */
  person: z.nullable(personOnPageSchema),
  /** A Gmail thread's id and subject, when the page is a thread. */
  thread: z.optional(
    z.object({
      id: z.optional(z.string().check(z.maxLength(200))),
      subject: z.optional(pageText),
    }),
  ),
});
export type PageContext = z.infer<typeof pageContextSchema>;

const SITE_ORIGINS: Record<Site, string> = {
  gmail: 'https://mail.google.com',
  linkedin: 'https://www.linkedin.com',
};

/** The origin a site's pages live on; a context claiming a site must come from that origin. */
export function originOfSite(site: Site): string {
  return SITE_ORIGINS[site];
}

export function siteOfOrigin(origin: string): Site | undefined {
  return (Object.keys(SITE_ORIGINS) as Site[]).find((site) => SITE_ORIGINS[site] === origin);
}
