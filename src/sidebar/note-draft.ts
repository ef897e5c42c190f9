import { LOGGED_KINDS, MAX_DURATION_MINUTES, type Draft, type Interaction, type LoggedKind, type Sentiment } from '../model/schemas';
import type { NoteInput } from '../actions/log-note';
import { BUILT_IN_TEMPLATE, type TemplateChoice } from '../settings/note-templates';
import { ownValue } from '../model/plain-values';
import { fromDateTimeInput, toDateTimeInput } from './date-time-input';

/**
 * The note composer's fields as typed, and the pure steps between them, the stored draft and
 * the note to save. The hook that keeps them (use-note-draft.ts) only decides when.
 */
export interface NoteFields {
  kind: LoggedKind;
  /** Minutes as typed, for a call or meeting. */
  duration: string;
  body: string;
  objection: string;
  emotion: string;
  nextStep: string;
  templateFields: Record<string, string>;
  sentiment: Sentiment | undefined;
  tags: string;
  followUp: string;
}

export const EMPTY_NOTE_FIELDS: NoteFields = {
  kind: 'note',
  duration: '',
  body: '',
  objection: '',
  emotion: '',
  nextStep: '',
  templateFields: {},
  sentiment: undefined,
  tags: '',
  followUp: '',
};

/** Nothing typed or chosen: a restored draft like this is not worth a "Draft restored". */
export function isBlank(fields: NoteFields): boolean {
  return (
    fields.kind === 'note' &&
    !fields.duration.trim() &&
    ![fields.body, fields.objection, fields.emotion, fields.nextStep, fields.tags, fields.followUp, ...Object.values(fields.templateFields)].some(
      (text) => text.trim(),
    ) &&
    !fields.sentiment
  );
}

/** A call or a meeting is worth logging with nothing written: it happened. */
export function hasContent(fields: NoteFields): boolean {
  if (fields.kind !== 'note') return true;
  return [fields.body, fields.objection, fields.emotion, fields.nextStep, ...Object.values(fields.templateFields)].some((text) => text.trim());
}

/** Whole minutes from 1 to 24 hours; undefined when empty; NaN when it is not a duration. */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const minutes = Number(trimmed);
  return Number.isInteger(minutes) && minutes >= 1 && minutes <= MAX_DURATION_MINUTES ? minutes : Number.NaN;
}

export function parseTags(text: string): string[] {
  return [...new Set(text.split(',').map((tag) => tag.trim()).filter(Boolean))];
}

/** The row that keeps what is typed: empty fields and the built-in template are left out. */
export function draftOfFields(input: { key: string; noteId: string; fields: NoteFields; templateId: string; now: number }): Draft {
  const { key, noteId, fields, templateId, now } = input;
  const followUpDue = fromDateTimeInput(fields.followUp);
  return {
    key,
    noteId,
    body: fields.body,
    ...(templateId !== BUILT_IN_TEMPLATE.id ? { templateId } : {}),
    ...(Object.keys(fields.templateFields).length ? { templateFields: fields.templateFields } : {}),
    ...(fields.objection ? { objection: fields.objection } : {}),
    ...(fields.emotion ? { emotion: fields.emotion } : {}),
    ...(fields.nextStep ? { nextStep: fields.nextStep } : {}),
    ...(fields.sentiment ? { sentiment: fields.sentiment } : {}),
    ...(fields.tags.trim() ? { tags: parseTags(fields.tags) } : {}),
    ...(followUpDue ? { followUpDue } : {}),
    ...(fields.kind !== 'note' ? { kind: fields.kind } : {}),
    ...(fields.kind !== 'note' && fields.duration.trim() ? { duration: fields.duration.trim().slice(0, 20) } : {}),
    updatedAt: now,
  };
}

type WrittenNote = Pick<Draft, 'objection' | 'emotion' | 'nextStep' | 'templateFields' | 'sentiment' | 'tags'> & {
  kind: LoggedKind;
  duration: string | undefined;
  body?: string | undefined;
  followUpDue: number | undefined;
};

/** The form's fields from what a draft or a stored note holds (what is absent: empty). */
function formFields(written: WrittenNote): NoteFields {
  return {
    kind: written.kind,
    duration: written.duration ?? '',
    body: written.body ?? '',
    objection: written.objection ?? '',
    emotion: written.emotion ?? '',
    nextStep: written.nextStep ?? '',
    templateFields: written.templateFields ?? {},
    sentiment: written.sentiment,
    tags: (written.tags ?? []).join(', '),
    followUp: written.followUpDue ? toDateTimeInput(written.followUpDue) : '',
  };
}

/** A stored draft back in the form, with the template and note id it was typed under. */
export function fieldsOfDraft(draft: Draft): { fields: NoteFields; templateId: string | undefined; noteId: string } {
  return {
    fields: formFields({ ...draft, kind: draft.kind ?? 'note', duration: draft.duration, followUpDue: draft.followUpDue }),
    templateId: draft.templateId,
    noteId: draft.noteId,
  };
}

/** A stored note back in the form (Undo), with the follow-up it made, if any. */
export function fieldsOfNote(note: Interaction, followUpDue: number | undefined): NoteFields {
  return formFields({
    ...note,
    kind: LOGGED_KINDS.includes(note.kind as LoggedKind) ? (note.kind as LoggedKind) : 'note',
    duration: note.durationMinutes ? String(note.durationMinutes) : undefined,
    followUpDue,
  });
}

/**
 * The note to save from the form: a template's answers replace objection and emotion; empty
 * optional fields are left out. `durationMinutes` and `followUpDue` are the parsed inputs.
 */
export function noteOfFields(input: {
  noteId: string;
  fields: NoteFields;
  template: TemplateChoice;
  durationMinutes: number | undefined;
  followUpDue: number | undefined;
}): NoteInput {
  const { noteId, fields, template, durationMinutes, followUpDue } = input;
  const templateFields = template.fields
    ? Object.fromEntries(template.fields.map((label) => [label, ownValue(fields.templateFields, label) ?? '']))
    : undefined;
  return {
    id: noteId,
    ...(fields.kind !== 'note' ? { kind: fields.kind } : {}),
    ...(durationMinutes !== undefined ? { durationMinutes } : {}),
    body: fields.body,
    objection: template.fields ? '' : fields.objection,
    emotion: template.fields ? '' : fields.emotion,
    nextStep: fields.nextStep,
    ...(templateFields ? { templateFields } : {}),
    ...(fields.sentiment ? { sentiment: fields.sentiment } : {}),
    ...(fields.tags.trim() ? { tags: parseTags(fields.tags) } : {}),
    ...(followUpDue ? { followUpDue } : {}),
  };
}
