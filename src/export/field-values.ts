import { isShowableTime } from '../model/plain-values';
import type { Contact, Interaction, Sentiment, Task } from '../model/schemas';
import { linkedInProfileUrl } from '../identity/normalise';
import { interactionKindLabel } from '../model/interaction-kinds';
import type { CsvTarget, FieldName, TimeFormat } from './crm-mappings';

/**
 * What a row of an export file is about: a contact, and for an interaction's row the interaction,
 * for a follow-up's row the task. These functions are plain data in, text out, so the live sync
 * (src/sync) can render a note or map a stage exactly as the files do.
 */
export interface RowSubject {
  contact: Contact | undefined;
  interaction?: Interaction;
  task?: Task;
  /** Undefined where the file has no last-sentiment column or the person never had one. */
  lastSentiment?: Sentiment | undefined;
}

/**
 * The text of one cell. Lists are joined with "; ". A time field's cell is written by the writer
 * with the column's time-format rule (`fieldTime` + `formatTime`); here it is the milliseconds.
 * Escaping for spreadsheets happens in the CSV writer.
 */
export function fieldValue(field: FieldName, subject: RowSubject, target: Pick<CsvTarget, 'stageMap'>): string {
  const { contact, interaction, task } = subject;
  switch (field) {
    case 'contact.id':
      return contact?.id ?? interaction?.contactId ?? task?.contactId ?? '';
    case 'contact.name':
      return contact?.name.trim() ?? '';
    case 'contact.firstName':
      return contact ? splitName(contact.name).first : '';
    case 'contact.lastName':
      return contact ? splitName(contact.name).last : '';
    case 'contact.email':
      return contact?.emails[0] ?? '';
    case 'contact.otherEmails':
      return list(contact?.emails.slice(1));
    case 'contact.allEmails':
      return list(contact?.emails);
    case 'contact.linkedinUrl':
      return contact ? linkedInProfileUrl(contact.linkedinIds) : '';
    case 'contact.linkedinIds':
      return list(contact?.linkedinIds);
    case 'contact.company':
      return contact?.company ?? '';
    case 'contact.title':
      return contact?.title ?? '';
    case 'contact.location':
      return contact?.location ?? '';
    case 'contact.stage':
      return contact?.stage ?? '';
    case 'contact.crmStage':
      return contact ? crmStage(contact, target) : '';
    case 'contact.score':
      return contact?.score === undefined ? '' : String(Math.round(contact.score));
    case 'contact.lastSentiment':
      return subject.lastSentiment ?? '';
    case 'contact.tags':
      return list(contact?.tags);
    case 'contact.description':
      return contact ? describeContact(contact, subject.lastSentiment) : '';
    case 'interaction.id':
      return interaction?.id ?? '';
    case 'interaction.kind':
      return interaction?.kind ?? '';
    case 'interaction.sentiment':
      return interaction?.sentiment ?? '';
    case 'interaction.objection':
      return interaction?.objection ?? '';
    case 'interaction.emotion':
      return interaction?.emotion ?? '';
    case 'interaction.nextStep':
      return interaction?.nextStep ?? '';
    case 'interaction.subject':
      return interaction?.subject ?? '';
    case 'interaction.body':
      return interaction?.body ?? '';
    case 'interaction.noteBody':
      return interaction ? noteBody(interaction) : '';
    case 'interaction.tags':
      return list(interaction?.tags);
    case 'interaction.author':
      return interaction?.author ?? '';
    case 'interaction.sourceSite':
      return interaction?.source.site ?? '';
    case 'interaction.sourceUrl':
      return interaction?.source.url ?? '';
    case 'task.id':
      return task?.id ?? '';
    case 'task.title':
      return task?.title ?? '';
    case 'task.activityType':
      return task ? 'task' : '';
    case 'activity.id':
      return interaction?.id ?? task?.id ?? '';
    case 'activity.subject':
      return interaction ? subjectLine(interaction) : (task?.title ?? '');
    case 'activity.description':
      return interaction ? noteBody(interaction) : '';
    case 'activity.salesforceStatus':
      return interaction ? 'Completed' : task ? 'Not Started' : '';
    case 'contact.createdAt':
    case 'contact.updatedAt':
    case 'interaction.at':
    case 'interaction.createdAt':
    case 'interaction.updatedAt':
    case 'task.due':
    case 'task.createdAt':
    case 'activity.at': {
      const at = fieldTime(field, subject);
      return at === undefined ? '' : String(at);
    }
  }
}

/** The time a time field holds (see TIME_FIELDS), or undefined when the row has none. */
export function fieldTime(field: FieldName, subject: RowSubject): number | undefined {
  const { contact, interaction, task } = subject;
  switch (field) {
    case 'contact.createdAt':
      return contact?.createdAt;
    case 'contact.updatedAt':
      return contact?.updatedAt;
    case 'interaction.at':
      return interaction?.at;
    case 'interaction.createdAt':
      return interaction?.createdAt;
    case 'interaction.updatedAt':
      return interaction?.updatedAt;
    case 'task.due':
      return task?.due;
    case 'task.createdAt':
      return task?.createdAt;
    case 'activity.at':
      return interaction?.at ?? task?.due;
    default:
      return undefined;
  }
}

/** A time in one of the formats the importers document (crm-mappings.ts, TimeFormat); always UTC. */
export function formatTime(at: number, format: TimeFormat): string {
  // A stored time no date can show ('' then), so one such row never stops an export.
  if (!isShowableTime(at)) return '';
  const iso = new Date(at).toISOString(); // 2026-05-12T09:30:15.123Z
  switch (format) {
    case 'iso-8601-utc':
      return `${iso.slice(0, 19)}Z`;
    case 'utc-seconds':
      return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
    case 'utc-date':
      return iso.slice(0, 10);
    case 'utc-time':
      return iso.slice(11, 16);
  }
}

/**
 * "Priya Raman" → Priya / Raman; "Jean de la Fontaine" → Jean / de la Fontaine; a one-word name
 * ("Madonna") is the last name, which every CRM that splits names requires (Salesforce's LastName).
 */
export function splitName(name: string): { first: string; last: string } {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  const space = trimmed.indexOf(' ');
  return space < 0 ? { first: '', last: trimmed } : { first: trimmed.slice(0, space), last: trimmed.slice(space + 1) };
}

function list(values: readonly string[] | undefined): string {
  return values ? values.join('; ') : '';
}

/** Margin's stage in a CRM's terms; At-Risk keeps the stage the contact had before (blank: leave the CRM's value). */
export function crmStage(contact: Pick<Contact, 'stage' | 'previousStage'>, target: Pick<CsvTarget, 'stageMap'>): string {
  if (!target.stageMap) return contact.stage;
  const mapped = target.stageMap[contact.stage];
  if (mapped !== null) return mapped;
  const before = contact.previousStage ? target.stageMap[contact.previousStage] : null;
  return before ?? '';
}

function describeContact(contact: Contact, lastSentiment: Sentiment | undefined): string {
  const parts = [`Margin stage: ${contact.stage}`];
  if (contact.score !== undefined) parts.push(`score ${Math.round(contact.score)}`);
  if (lastSentiment) parts.push(`last sentiment ${lastSentiment}`);
  if (contact.tags.length > 0) parts.push(`tags: ${contact.tags.join(', ')}`);
  return parts.join('; ');
}

/** "Call: Re: pricing", or the kind alone ("Note"). */
export function subjectLine(interaction: Interaction): string {
  const label = interactionKindLabel(interaction.kind);
  return interaction.subject ? `${label}: ${interaction.subject}` : label;
}

/** A note's text with its structured fields, as one body a CRM shows on the timeline. */
export function noteBody(interaction: Interaction): string {
  const lines: string[] = [];
  if (interaction.kind !== 'note') lines.push(interactionKindLabel(interaction.kind));
  if (interaction.subject) lines.push(`Subject: ${interaction.subject}`);
  if (interaction.body) lines.push(interaction.body);
  if (interaction.stageChange) {
    const { from, to, reason } = interaction.stageChange;
    lines.push(`Stage: ${from ? `${from} → ` : ''}${to}${reason ? ` (${reason})` : ''}`);
  }
  if (interaction.objection) lines.push(`Objection: ${interaction.objection}`);
  if (interaction.emotion) lines.push(`Emotion: ${interaction.emotion}`);
  if (interaction.nextStep) lines.push(`Next step: ${interaction.nextStep}`);
  if (interaction.sentiment) lines.push(`Sentiment: ${interaction.sentiment}`);
  if (interaction.tags && interaction.tags.length > 0) lines.push(`Tags: ${interaction.tags.join(', ')}`);
  if (interaction.author) lines.push(`Logged by ${interaction.author} in Margin`);
  return lines.join('\n');
}
