import type { Stage } from '../model/schemas';
import type { CrmHttpError } from './crm-http';

/**
 * What the sync layer hands a CRM, in Margin's terms. An adapter (src/sync/adapters/<crm>.ts)
 * turns these into its API's requests; the worker never knows a CRM's paths or field names.
 * A third CRM is one more adapter file and one row in src/sync/adapters/crm-adapters.ts.
 */

/** A tracked person. `crmId` is set once the CRM knows them: then it is an update, never a create. */
export interface CrmPerson {
  localId: string;
  crmId?: string;
  name: string;
  /** Canonical addresses, the first one primary. */
  emails: readonly string[];
  /** `https://www.linkedin.com/in/<slug or member id>/` (`linkedInProfileUrl`), when Margin knows the profile. */
  linkedinUrl?: string;
  company?: string;
  title?: string;
  stage: Stage;
  /** The stage before At-Risk, for CRMs whose stages have no At-Risk (HubSpot keeps the earlier one). */
  previousStage?: Stage;
}

/** Kinds of record that hang off a person: the adapter picks the CRM object for each. */
export type CrmRecordKind = 'note' | 'email' | 'linkedin-message' | 'task';

export interface CrmRecord {
  localId: string;
  kind: CrmRecordKind;
  crmId?: string;
  personCrmId: string;
  /**
   * Set on an update when the record hung off another CRM person until now (two contacts were
   * merged in Margin): the adapter moves it to `personCrmId`, so it is never created twice.
   */
  movedFromPersonCrmId?: string;
  /** When it happened (note, message) or is due (task), epoch ms. */
  at: number;
  /** One line a CRM shows as the title: an email's subject, a task's title. */
  title: string;
  /** Readable text: a note with its structured fields and sentiment, a message's metadata. */
  text: string;
  direction?: 'in' | 'out';
  /** Tasks only. */
  done?: boolean;
}

/** The outcome for one item of a batch, in the order the items were given. */
export type CrmItemResult = { ok: true; crmId: string } | { ok: false; reason: string };

/**
 * What became of a batch: one result per item, in order, `undefined` where the batch stopped
 * first. When it stopped (token refused, 429, no answer), `stopped` says why and which items may
 * have been carried out although no answer came back (`unknown`, by index).
 */
export interface CrmBatchOutcome {
  results: (CrmItemResult | undefined)[];
  stopped?: { error: CrmHttpError; unknown: readonly number[] };
}

export interface CrmAdapter {
  /** One read that proves the address and token work; returns who the token belongs to. */
  checkConnection(): Promise<string>;
  /** Finds each person by email, then LinkedIn URL (never by name), creates the missing, updates the rest. */
  upsertPeople(people: readonly CrmPerson[]): Promise<CrmBatchOutcome>;
  upsertRecords(records: readonly CrmRecord[]): Promise<CrmBatchOutcome>;
  deleteRecords(records: readonly { kind: CrmRecordKind; crmId: string }[]): Promise<CrmBatchOutcome>;
  /**
   * Looks for a record an earlier attempt may have created before its answer was lost (the
   * service worker stopped, the network dropped). Every record carries its Margin id as a marker.
   */
  findRecord(record: CrmRecord): Promise<string | undefined>;
  /** The CRM said no request is left for today (see CrmHttpClient.dailyAllowanceUsedUp). */
  dailyAllowanceUsedUp(): boolean;
}

/** The marker written into every record's text, so a lost answer can be recovered by looking it up. */
export function recordMarker(localId: string): string {
  // Closed by ';' so that one id is never found inside a longer one (bulk-1 in bulk-10).
  return `margin-ref:${localId};`;
}
