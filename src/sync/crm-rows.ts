import type { Contact, Interaction, Task } from '../model/schemas';
import { noteBody } from '../export/field-values';
import { linkedInProfileUrl } from '../identity/normalise';
import { interactionKindLabel } from '../model/interaction-kinds';
import type { CrmPerson, CrmRecord, CrmRecordKind } from './crm-adapter';

/** Margin's rows in the CRM-neutral shape the adapters take. */

export function personOfContact(contact: Contact, crmId: string | undefined): CrmPerson {
  // The same address the CSV export gives: never a lower-cased member id (a dead address) or a lead id.
  const linkedinUrl = linkedInProfileUrl(contact.linkedinIds);
  return {
    localId: contact.id,
    ...(crmId ? { crmId } : {}),
    name: contact.name,
    emails: contact.emails,
    ...(linkedinUrl ? { linkedinUrl } : {}),
    ...(contact.company ? { company: contact.company } : {}),
    ...(contact.title ? { title: contact.title } : {}),
    stage: contact.stage,
    ...(contact.previousStage ? { previousStage: contact.previousStage } : {}),
  };
}

export function recordKindOfInteraction(interaction: Interaction): CrmRecordKind {
  switch (interaction.kind) {
    case 'email-in':
    case 'email-out':
      return 'email';
    case 'linkedin-message-in':
    case 'linkedin-message-out':
      return 'linkedin-message';
    default:
      return 'note';
  }
}

export function recordOfInteraction(interaction: Interaction, personCrmId: string, crmId: string | undefined): CrmRecord {
  const kind = recordKindOfInteraction(interaction);
  const answers = Object.entries(interaction.templateFields ?? {}).map(([label, text]) => `${label}: ${text}`);
  return {
    localId: interaction.id,
    kind,
    ...(crmId ? { crmId } : {}),
    personCrmId,
    at: interaction.at,
    title: interaction.subject ?? interactionKindLabel(interaction.kind),
    // The note with its structured fields and sentiment as readable lines (the same text as the
    // CSV export); a captured message is its metadata, and a snippet only if the user kept one.
    text: [noteBody(interaction), ...answers].filter(Boolean).join('\n'),
    ...(interaction.kind.endsWith('-in') ? { direction: 'in' as const } : interaction.kind.endsWith('-out') ? { direction: 'out' as const } : {}),
  };
}

export function recordOfTask(task: Task, personCrmId: string, crmId: string | undefined): CrmRecord {
  return {
    localId: task.id,
    kind: 'task',
    ...(crmId ? { crmId } : {}),
    personCrmId,
    at: task.due,
    title: task.title,
    text: `Follow-up: ${task.title}`,
    done: task.status === 'done',
  };
}
