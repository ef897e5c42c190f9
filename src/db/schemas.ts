import * as z from 'zod/mini';

/**
 * Row shapes of the database (schema version 1). Types are inferred from these schemas so that
 * what is validated at a boundary (import, message) and what is stored are the same thing.
 */

export const STAGES = ['Awareness', 'Engaged', 'Qualified', 'Delighted', 'At-Risk'] as const;
export const stageSchema = z.enum(STAGES);
export type Stage = z.infer<typeof stageSchema>;

export const SENTIMENTS = ['Positive', 'Neutral', 'Negative', 'Concerned'] as const;
export const sentimentSchema = z.enum(SENTIMENTS);
export type Sentiment = z.infer<typeof sentimentSchema>;

export const INTERACTION_KINDS = [
  'note',
  'email-in',
  'email-out',
  'linkedin-view',
  'linkedin-message-in',
  'linkedin-message-out',
  'meeting',
  'call',
  'stage-change',
  'task-done',
] as const;
export const interactionKindSchema = z.enum(INTERACTION_KINDS);
export type InteractionKind = z.infer<typeof interactionKindSchema>;

/** Longest note body accepted (issue: notes up to 50,000 characters; longer ones are refused). */
export const MAX_NOTE_LENGTH = 50_000;
/** Longest structured field (objection, emotion, next step). */
export const MAX_FIELD_LENGTH = 2_000;

const id = z.string().check(z.minLength(1), z.maxLength(64));
/** Milliseconds since the epoch. */
const timestamp = z.number().check(z.int(), z.nonnegative());
const shortText = z.string().check(z.maxLength(MAX_FIELD_LENGTH));

export const contactSchema = z.object({
  id,
  name: z.string().check(z.maxLength(500)),
  /** Normalised (lower-case, trimmed) addresses. */
  emails: z.array(z.string().check(z.maxLength(320))),
  /** LinkedIn profile slugs (`/in/<slug>/`, lower-case) and member URNs (`ACoAA…`). */
  linkedinIds: z.array(z.string().check(z.maxLength(200))),
  company: z.optional(shortText),
  title: z.optional(shortText),
  location: z.optional(shortText),
  stage: stageSchema,
  tags: z.array(z.string().check(z.maxLength(100))),
  customFields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Contact = z.infer<typeof contactSchema>;

export const interactionSourceSchema = z.object({
  site: z.enum(['gmail', 'linkedin', 'margin']),
  url: z.optional(z.string().check(z.maxLength(2_000))),
  threadId: z.optional(z.string().check(z.maxLength(200))),
  messageId: z.optional(z.string().check(z.maxLength(200))),
});
export type InteractionSource = z.infer<typeof interactionSourceSchema>;

export const interactionSchema = z.object({
  id,
  contactId: id,
  /** When it happened (for a note: when it was written; edits keep this). */
  at: timestamp,
  kind: interactionKindSchema,
  sentiment: z.optional(sentimentSchema),
  objection: z.optional(shortText),
  emotion: z.optional(shortText),
  nextStep: z.optional(shortText),
  body: z.optional(z.string().check(z.maxLength(MAX_NOTE_LENGTH))),
  tags: z.optional(z.array(z.string().check(z.maxLength(100)))),
  source: interactionSourceSchema,
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Interaction = z.infer<typeof interactionSchema>;

export const taskSchema = z.object({
  id,
  contactId: id,
  due: timestamp,
  title: shortText,
  status: z.enum(['open', 'done']),
  fromInteractionId: z.optional(id),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Task = z.infer<typeof taskSchema>;

export const settingSchema = z.object({
  key: z.string().check(z.minLength(1), z.maxLength(100)),
  value: z.unknown(),
});
export type Setting = z.infer<typeof settingSchema>;
