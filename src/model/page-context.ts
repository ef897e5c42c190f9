import * as z from 'zod/mini';
import { MAX_PAGE_TEXT, MAX_SNIPPET } from './limits';
import { PAGE_KINDS, type PageKind } from './page-kinds';
import { SITES, type Site } from './sites';

/**
 * What a content script reports about the page the user is looking at.
 *
 * Content scripts build it with `import type` only (no zod in their bundle); the extension's own
 * pages parse it with `pageContextSchema` because page text is attacker-controlled.
 */


const pageText = z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_PAGE_TEXT));

export const siteSchema = z.enum(SITES);
export type { Site };

export const pageKindSchema = z.enum(PAGE_KINDS);
export type { PageKind };

/**
 * A person as the page shows them. At least one identity is required: an email address, a LinkedIn
 * profile slug, or (Sales Navigator, which shows neither) a Sales Navigator lead id.
 */
export const personOnPageSchema = z
  .object({
    name: pageText,
    /** As the page shows it (lower-cased); matched on its canonical form (src/identity/normalise.ts). */
    email: z.optional(z.email().check(z.maxLength(320))),
    linkedinSlug: z.optional(z.string().check(z.regex(/^[A-Za-z0-9\-_%]{2,100}$/))),
    linkedinUrn: z.optional(z.string().check(z.regex(/^ACoAA[A-Za-z0-9_-]{10,80}$/))),
    /** Sales Navigator's lead id (`/sales/lead/<id>,…`); stored as the LinkedIn id `sales:<id>`. */
    linkedinSalesId: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{10,100}$/))),
    headline: z.optional(pageText),
    company: z.optional(pageText),
    location: z.optional(pageText),
  })
  .check(
    z.refine((person) => Boolean(person.email || person.linkedinSlug || person.linkedinSalesId), {
      message: 'a person needs an email address or a LinkedIn profile id',
    }),
  );
export type PersonOnPage = z.infer<typeof personOnPageSchema>;

/** Someone named in a message's header; unlike PersonOnPage the name may be missing. */
export const addresseeSchema = z.object({
  name: z.optional(pageText),
  email: z.optional(z.email().check(z.maxLength(320))),
  linkedinSlug: z.optional(z.string().check(z.regex(/^[A-Za-z0-9\-_%]{2,100}$/))),
});
export type Addressee = z.infer<typeof addresseeSchema>;

/**
 * One message the page shows (a Gmail message, a LinkedIn chat message): metadata, and for an
 * open Gmail message the start of its text. What activity capture turns into email-in/out and
 * linkedin-message-in/out; the text is stored only when the user turns on "keep a snippet".
 */
export const messageOnPageSchema = z.object({
  /** Gmail `msg-f:…` (the `#` of `data-message-id` dropped) or the legacy hex id, LinkedIn message URN: the de-duplication key. */
  id: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  /** Milliseconds since the epoch, when the page tells. */
  at: z.optional(z.number().check(z.int(), z.nonnegative())),
  from: addresseeSchema,
  to: z.array(addresseeSchema).check(z.maxLength(1_000)),
  cc: z.array(addresseeSchema).check(z.maxLength(1_000)),
  /** Sent by the user (one of their own addresses, or LinkedIn's "is-sender" group). */
  fromUser: z.boolean(),
  /**
   * The start of the message's own visible text, never quoted or forwarded text (Gmail, open
   * messages only). Someone else's words: plain text, kept only with "keep a snippet" on.
   */
  snippet: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_SNIPPET))),
});
export type MessageOnPage = z.infer<typeof messageOnPageSchema>;

export const noPersonReasonSchema = z.enum([
  /** The page kind should show someone, but nothing matched: the markup probably changed. */
  'not-found',
  /** The DOM still shows the previous thread/profile under the new URL (SPA navigation). */
  'stale-page',
  /** Gmail: the page did not say which address is the user's, so no sender could be chosen. */
  'own-address-unknown',
  /** Everyone on the page is the user (a note to self, a thread only the user wrote in). */
  'only-you',
  /** A compose window is open without recipients yet. */
  'no-recipients',
  /** The page's signals (address, heading, title, member id) name different people: nobody is shown. */
  'signals-disagree',
  /** The user's own LinkedIn profile (edit controls, or the "Me" menu names the same person): never tracked. */
  'own-profile',
]);
export type NoPersonReason = z.infer<typeof noPersonReasonSchema>;

/**
 * One independent signal a recogniser read, and what became of it: the page-health report the
 * sidebar shows when a page that should show someone could not be read ("the name heading is
 * missing"), so a markup change is described in words instead of guessed around.
 */
export const pageSignalSchema = z.object({
  signal: z.enum([
    /** The page address names the person or thread (profile slug, thread id). */
    'address',
    /** The profile's top-card name heading. */
    'heading',
    /** The browser tab's title ("(3) Eugene Mann | LinkedIn"). */
    'title',
    /** The member id (`ACoAA…`) in the page's links. */
    'member-id',
    /** A link on the page to the profile of the address, naming the person. */
    'profile-link',
    /** The open conversation or thread element. */
    'conversation',
    /** The messages of that conversation. */
    'messages',
    /** Who wrote the messages. */
    'sender',
  ]),
  state: z.enum(['found', 'missing', 'disagrees']),
});
export type PageSignal = z.infer<typeof pageSignalSchema>;

export const pageContextSchema = z.object({
  site: siteSchema,
  url: z.url({ protocol: /^https$/ }),
  pageKind: pageKindSchema,
  /** The person the sidebar shows; null means "nobody recognised here", never a guess. */
  person: z.nullable(personOnPageSchema),
  /** Other people on the page the user can switch to (thread participants, compose recipients, group members). */
  participants: z.optional(z.array(personOnPageSchema).check(z.maxLength(200))),
  /** A Gmail thread's or LinkedIn conversation's id and subject. */
  thread: z.optional(
    z.object({
      id: z.optional(z.string().check(z.maxLength(200))),
      subject: z.optional(pageText),
    }),
  ),
  /** The messages of the open thread, metadata only (for activity capture). */
  messages: z.optional(z.array(messageOnPageSchema).check(z.maxLength(500))),
  /** The user's own addresses the page shows (Gmail title, account button): never contacts. */
  ownAddresses: z.optional(z.array(z.email().check(z.maxLength(320))).check(z.maxLength(20))),
  /** Gmail's account index (`/mail/u/<n>/`), so own addresses are kept per account. */
  account: z.optional(z.number().check(z.int(), z.nonnegative(), z.lte(99))),
  /**
   * A message of the thread went to more people than one conversation has (> 20 recipients):
   * no person is forced; `participants` holds at most a few worth showing (those who wrote).
   */
  announcement: z.optional(z.object({ recipients: z.number().check(z.int(), z.nonnegative(), z.lte(100_000)) })),
  /** Why `person` is null on a page kind that usually has one, so the sidebar can say so plainly. */
  noPersonReason: z.optional(noPersonReasonSchema),
  /** With `not-found` or `signals-disagree`: which signals were read, missing or in disagreement. */
  signals: z.optional(z.array(pageSignalSchema).check(z.maxLength(12))),
});
export type PageContext = z.infer<typeof pageContextSchema>;
