import { isShowableTime } from '../model/plain-values';
import type { Contact, Interaction, Sentiment } from '../model/schemas';
import { linkedInProfileUrl } from '../identity/normalise';
import { interactionKindLabel } from '../model/interaction-kinds';
import type { CsvTarget, FieldName } from './crm-mappings';

/** What a row of an export file is about: a contact, and for interaction rows the interaction. */
export interface RowSubject {
  contact: Contact | undefined;
  interaction?: Interaction;
  lastSentiment?: Sentiment;
}

/**
 * The text of one cell. Times are UTC (`2026-05-12 09:30`), so a file is the same wherever it was
 * written; lists are joined with "; ". Escaping for spreadsheets happens in the CSV writer.
 */
export function fieldValue(field: FieldName, subject: RowSubject, target: Pick<CsvTarget, 'stageMap'>): string {
  const { contact, interaction } = subject;
  switch (field) {
    case 'contact.id':
      return contact?.id ?? interaction?.contactId ?? '';
    case 'contact.name':
      return contact?.name ?? '';
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
    case 'contact.createdAt':
      return contact ? dateTime(contact.createdAt) : '';
    case 'contact.updatedAt':
      return contact ? dateTime(contact.updatedAt) : '';
    case 'interaction.id':
      return interaction?.id ?? '';
    case 'interaction.at':
      return interaction ? dateTime(interaction.at) : '';
    case 'interaction.date':
      return interaction ? dateTime(interaction.at).slice(0, 10) : '';
    case 'interaction.kind':
      return interaction?.kind ?? '';
    case 'interaction.kindLabel':
      return interaction ? interactionKindLabel(interaction.kind) : '';
    case 'interaction.subjectLine':
      return interaction ? subjectLine(interaction) : '';
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
    case 'interaction.createdAt':
      return interaction ? dateTime(interaction.createdAt) : '';
    case 'interaction.updatedAt':
      return interaction ? dateTime(interaction.updatedAt) : '';
    case 'constant.completed':
      return 'Completed';
    case 'constant.empty':
      return '';
  }
}

/** "Priya Raman" → Priya / Raman; "Madonna" → Madonna / (empty); "Jean de la Fontaine" → Jean / de la Fontaine. */
export function splitName(name: string): { first: string; last: string } {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  const space = trimmed.indexOf(' ');
  return space < 0 ? { first: trimmed, last: '' } : { first: trimmed.slice(0, space), last: trimmed.slice(space + 1) };
}

/** `2026-05-12 09:30` in UTC; '' for a stored time no date can show, so one such row never stops an export. */
export function dateTime(at: number): string {
  if (!isShowableTime(at)) return '';
  return new Date(at).toISOString().slice(0, 16).replace('T', ' ');
}

function list(values: readonly string[] | undefined): string {
  return values ? values.join('; ') : '';
}

function crmStage(contact: Contact, target: Pick<CsvTarget, 'stageMap'>): string {
  if (!target.stageMap) return contact.stage;
  const mapped = target.stageMap[contact.stage];
  if (mapped !== null) return mapped;
  // At-Risk has no CRM equivalent: keep what the contact was before; blank leaves the CRM's value.
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

function subjectLine(interaction: Interaction): string {
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
