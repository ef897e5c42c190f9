import * as z from 'zod/mini';
import { SYNCED_ENTITIES, type SyncedEntity } from '../model/crm-link';

/**
 * Rows of the live sync to a CRM (schema version 4). The CRM ids (`crmLinks`) are in the backup,
 * so a restore into another browser updates the CRM's records instead of creating them again;
 * the outbox and the sync state describe one browser's connection and stay out, and the API
 * token is not in the database at all (browser.storage.local only).
 */

/** The table each synced entity lives in. */
export const ENTITY_OF_TABLE: Readonly<Record<string, SyncedEntity>> = { contacts: 'contact', interactions: 'interaction', tasks: 'task' };

/** Sentinel `dueAt` of an entry the CRM refused: it waits for the user's Retry. */
export const WAITS_FOR_RETRY = Number.MAX_SAFE_INTEGER;

export const outboxEntrySchema = z.object({
  /** `<entity>:<local id>`: one entry per row, so ten edits before a send are one request. */
  key: z.string(),
  entity: z.enum(SYNCED_ENTITIES),
  localId: z.string(),
  /** The person it is about (for the sidebar's per-person state). */
  contactId: z.string(),
  op: z.enum(['upsert', 'delete']),
  /** New for every change: the worker removes an entry after a send only if no change came since. */
  changeId: z.string(),
  changedAt: z.number(),
  /** When the worker may send it (now, after a backoff, or WAITS_FOR_RETRY). */
  dueAt: z.number(),
  attempts: z.number(),
  /** Why the last attempt failed, in words for the user. */
  failure: z.optional(z.string()),
  /**
   * Set just before a create is sent, cleared when its answer arrives. Still set on the next
   * attempt means the answer was lost: the worker looks the record up before creating it again.
   */
  sentAt: z.optional(z.number()),
  /**
   * The CRM person the create marked by `sentAt` was sent for. The row may have moved to another
   * contact since (a merge): the lost record is looked up where it was sent, and moved from there.
   */
  sentToPersonCrmId: z.optional(z.string()),
  /** A contact entry that also brings the person's notes, messages and follow-ups not yet in the CRM (on connect). */
  withHistory: z.optional(z.boolean()),
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

export function outboxKey(entity: SyncedEntity, localId: string): string {
  return `${entity}:${localId}`;
}

/** Which CRM is connected (the token is not here), read inside every write transaction. */
export const syncConnectionSchema = z.object({
  crm: z.string(),
  baseUrl: z.string(),
  /** Who the token belongs to, as the CRM said when it was checked. */
  account: z.string(),
  connectedAt: z.number(),
});
export type SyncConnection = z.infer<typeof syncConnectionSchema>;

export const syncStatusSchema = z.object({
  lastSuccessAt: z.optional(z.number()),
  lastAttemptAt: z.optional(z.number()),
  /** Nothing is sent before this time (a 429's Retry-After, a backoff while the CRM is unreachable). */
  pausedUntil: z.optional(z.number()),
  /**
   * Why sending stopped: the token was refused (until the user reconnects), throttled, the CRM's
   * allowance for today is used up (until the next 00:00 UTC), unreachable.
   */
  stoppedBy: z.optional(z.object({ kind: z.enum(['auth', 'rate-limited', 'daily-limit', 'unavailable']), message: z.string() })),
  /** Consecutive runs that reached no CRM, for the backoff. */
  unreachableRuns: z.optional(z.number()),
  /** Consecutive 429s that said no Retry-After, for the backoff. */
  throttledRuns: z.optional(z.number()),
  requestsSent: z.optional(z.number()),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const syncStateRowSchema = z.object({ key: z.string(), value: z.unknown() });
export type SyncStateRow = z.infer<typeof syncStateRowSchema>;
