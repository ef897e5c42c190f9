import type { CrmAdapter } from '../crm-adapter';

export interface AdapterOptions {
  /** The API address the user connected (the vendor's by default, or a company proxy). */
  baseUrl: string;
  token: string;
  /** What an adapter learns once and keeps between runs (Pipedrive's custom field codes). */
  memo: Map<string, unknown>;
  fetch?: typeof fetch;
}

/** Everything the sync layer and the options page need to know about one CRM. */
export interface CrmDefinition {
  /** Stable key kept with the connection and the CRM ids Margin remembers. */
  id: string;
  label: string;
  defaultBaseUrl: string;
  /** Where the user finds the token, shown under the field. */
  tokenLabel: string;
  /** How many outbox entries the worker hands the adapter at once. */
  batchSize: number;
  createAdapter(options: AdapterOptions): CrmAdapter;
}
