import * as z from 'zod/mini';

/**
 * The CRM id Margin remembers for each synced row (live sync, src/sync/). A model row like any
 * other: it is in the backup and checked on every write, so a restore into another browser
 * connected to the same CRM updates those records instead of creating them again.
 */

export const SYNCED_ENTITIES = ['contact', 'interaction', 'task'] as const;
export type SyncedEntity = (typeof SYNCED_ENTITIES)[number];

/** The CRM's id of a Margin row, so a change updates it and never creates it twice. */
export const crmLinkSchema = z.object({
  /** `<crm>:<entity>:<local id>` */
  key: z.string(),
  crm: z.string(),
  entity: z.enum(SYNCED_ENTITIES),
  localId: z.string(),
  contactId: z.string(),
  crmId: z.string(),
  /** The CRM object a record became (note, email, …), needed to delete it. */
  recordKind: z.optional(z.string()),
  /**
   * The CRM person a record hangs off, as last sent. When the row's contact changed (a merge, an
   * undone merge) and that contact's CRM person differs, the record is moved, not created again.
   */
  personCrmId: z.optional(z.string()),
  syncedAt: z.number(),
});
export type CrmLink = z.infer<typeof crmLinkSchema>;

export function crmLinkKey(crm: string, entity: SyncedEntity, localId: string): string {
  return `${crm}:${entity}:${localId}`;
}
