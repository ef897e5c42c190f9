import * as z from 'zod/mini';
import { pageContextSchema, type PageContext } from '../model/page-context';

/**
 * Every runtime message Margin sends, as one discriminated union. Receivers parse with
 * `messageSchema`; anything that does not parse is rejected and logged, never acted on.
 */
export const messageSchema = z.discriminatedUnion('type', [
  /** Content script → background (and the sidebar in the same tab): what the page shows now. */
  z.object({ type: z.literal('page/context'), context: pageContextSchema }),
  /** Sidebar → background: the context of the tab the sidebar lives in, for its first render. */
  z.object({ type: z.literal('sidebar/get-context') }),
  /** Background → the sidebar of one tab: the user pressed the "write a note" shortcut there. */
  z.object({ type: z.literal('sidebar/focus-composer'), tabId: z.number().check(z.int(), z.nonnegative()) }),
  /** Background → a tab's content script: open the sidebar if collapsed and give it the keyboard. */
  z.object({ type: z.literal('sidebar/reveal') }),
  /**
   * Sidebar → background → the tab's content script: a redacted description of the page's
   * structure (no text, addresses or ids) for a bug report about a page Margin cannot read.
   */
  z.object({ type: z.literal('page/describe-structure') }),
  /** Extension page → background: follow-ups were added or moved; reschedule their reminders. */
  z.object({ type: z.literal('tasks/changed') }),
  /** Extension page → background: something waits in the CRM outbox (a change, a connect, Retry); send it now. */
  z.object({ type: z.literal('sync/run') }),
]);
export type Message = z.infer<typeof messageSchema>;
export type MessageType = Message['type'];
export type MessageOf<T extends MessageType> = Extract<Message, { type: T }>;

/**
 * The sidebar's first screen as the background read it for a context: each read's query key and
 * result. Unchecked on the wire: the sidebar parses each entry against its read's schema
 * (src/db/first-screen.ts) before it seeds its cache with it.
 */
export type FirstScreenAnswer = Array<{ key: readonly unknown[]; data: unknown }>;

/** What each message answers. */
export interface Responses {
  'page/context': { stored: boolean };
  /** The tab's context, and what the sidebar's first screen shows for it (empty without a context). */
  'sidebar/get-context': { tabId: number; context: PageContext | null; firstScreen: FirstScreenAnswer };
  'sidebar/focus-composer': { focused: boolean };
  'sidebar/reveal': { revealed: boolean };
  'tasks/changed': { scheduled: number };
  'sync/run': { started: boolean };
  'page/describe-structure': { description: string };
}

/** What the background accepts back from a content script for `page/describe-structure` (see PageSkeleton). */
export const pageSkeletonSchema = z.object({
  url: z.string().check(z.maxLength(10_000)),
  title: z.string().check(z.maxLength(10_000)),
  nodes: z
    .array(
      z.tuple([
        z.number().check(z.int(), z.nonnegative(), z.lte(100)),
        z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9-]{0,40}$/)),
        z.array(z.tuple([z.string().check(z.maxLength(200)), z.string().check(z.maxLength(300))])).check(z.maxLength(200)),
        z.boolean(),
      ]),
    )
    .check(z.maxLength(4_000)),
});
