import type { CrmDefinition } from './crm-definition';
import { HUBSPOT } from './hubspot';
import { PIPEDRIVE } from './pipedrive';

/** Every CRM Margin syncs with, in the order the options page offers them. A new CRM is one row. */
export const CRM_DEFINITIONS = [PIPEDRIVE, HUBSPOT] as const satisfies readonly CrmDefinition[];

export type CrmId = (typeof CRM_DEFINITIONS)[number]['id'];
export const CRM_IDS = CRM_DEFINITIONS.map((definition) => definition.id) as [CrmId, ...CrmId[]];

export function crmDefinition(id: CrmId): CrmDefinition {
  const definition = CRM_DEFINITIONS.find((candidate) => candidate.id === id);
  if (!definition) throw new Error(`No CRM ${id}`);
  return definition;
}
