import * as z from 'zod/mini';
import { timestampSchema } from './plain-values';

/**
 * The CRM id Margin remembers for each synced row (live sync, src/sync/). A model row like any
 * other: it is in the backup and checked on every write, so a restore into another browser
 * connected to the same CRM updates those records instead of creating them again.
 */

export const SYNCED_ENTITIES = ['contact', 'interaction', 'task'] as const;
export type SyncedEntity = (typeof SYNCED_ENTITIES)[number];

/** A Margin row's id, bounded as in schemas.ts. */
const localId = z.string().check(z.minLength(1), z.maxLength(64));
/** A CRM's own id of a record: Pipedrive's and HubSpot's are numbers written as text; room for a third CRM's. */
const crmRecordId = z.string().check(z.minLength(1), z.maxLength(100));
/** A short machine word: a CRM's id ("pipedrive") or a CRM object kind ("note"). */
const word = z.string().check(z.minLength(1), z.maxLength(32));

/** The CRM's id of a Margin row, so a change updates it and never creates it twice. */
export const crmLinkSchema = z.object({
  /** `<crm>:<entity>:<local id>` (parse-backup.ts checks that it names its own row). */
  key: z.string().check(z.minLength(1), z.maxLength(200)),
  crm: word,
  entity: z.enum(SYNCED_ENTITIES),
  localId,
  contactId: localId,
  crmId: crmRecordId,
  /** The CRM object a record became (note, email, …), needed to delete it. */
  recordKind: z.optional(word),
  /**
   * The CRM person a record hangs off, as last sent. When the row's contact changed (a merge, an
   * undone merge) and that contact's CRM person differs, the record is moved, not created again.
   */
  personCrmId: z.optional(crmRecordId),
  syncedAt: timestampSchema,
});
export type CrmLink = z.infer<typeof crmLinkSchema>;

export function crmLinkKey(crm: string, entity: SyncedEntity, localId: string): string {
  return `${crm}:${entity}:${localId}`;
}
