import * as z from 'zod/mini';
import { crmLinkSchema } from './crm-link';
import { describeIssue } from './describe-issue';
import { INTERACTION_KINDS } from './interaction-kinds';
import { plainValueSchema, timestampSchema, userKeyedRecord } from './plain-values';
import { SITES } from './sites';

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

export { INTERACTION_KINDS, type InteractionKind } from './interaction-kinds';
export const interactionKindSchema = z.enum(INTERACTION_KINDS);

/** Longest note body accepted (issue: notes up to 50,000 characters; longer ones are refused). */
export const MAX_NOTE_LENGTH = 50_000;
/** Longest structured field (objection, emotion, next step). */
export const MAX_FIELD_LENGTH = 2_000;

const id = z.string().check(z.minLength(1), z.maxLength(64));
/** Milliseconds since the epoch, never past the year 9999, so every stored time is a valid Date. */
const timestamp = timestampSchema;
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
  /** Custom field id → value; `userKeyedRecord` keeps any key, `__proto__` included. */
  customFields: userKeyedRecord(100, z.union([z.string().check(z.maxLength(MAX_FIELD_LENGTH)), z.number(), z.boolean(), z.null()])),
  /** The engagement score (0–100) as last computed, for sorting and filtering; v2. */
  score: z.optional(z.number().check(z.gte(0), z.lte(100))),
  scoreComputedAt: z.optional(timestamp),
  /** The stage before At-Risk, so a recovery can suggest it back; v2. */
  previousStage: z.optional(stageSchema),
  /**
   * Cached with the score (src/metrics/contact-activity.ts), so the dashboard never reads every
   * interaction: the newest touch, the newest sentiment, and a surge as of `scoreComputedAt`.
   * `surge` is written on every computation, so its absence means "not computed yet"; v3.
   */
  lastTouchAt: z.optional(timestamp),
  lastSentiment: z.optional(sentimentSchema),
  surge: z.optional(z.boolean()),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Contact = z.infer<typeof contactSchema>;

/** What the rep logs by hand from the composer's Type control: each scored by its own weight. */
export const LOGGED_KINDS = ['note', 'call', 'meeting'] as const;
export const loggedKindSchema = z.enum(LOGGED_KINDS);
export type LoggedKind = z.infer<typeof loggedKindSchema>;

/** A call or meeting lasts 1 minute to 24 hours. */
export const MAX_DURATION_MINUTES = 24 * 60;
export const durationMinutesSchema = z.number().check(z.int(), z.gte(1), z.lte(MAX_DURATION_MINUTES));

export const interactionSourceSchema = z.object({
  /** The site it was captured on, or 'margin' for what the user wrote in Margin itself. */
  site: z.enum([...SITES, 'margin']),
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
  /** An email's subject (metadata only; bodies are kept only with "keep a snippet"); v2. */
  subject: z.optional(shortText),
  /** For kind 'stage-change': from where to where, and why; v2. */
  stageChange: z.optional(
    z.object({ from: z.optional(stageSchema), to: stageSchema, reason: z.optional(shortText) }),
  ),
  /** Who logged it (a rep's name or address), kept through backups and team merges; v2. */
  author: z.optional(z.string().check(z.maxLength(320))),
  /** Answers to a user-defined note template's fields (e.g. Budget, Authority), label → text; v2. */
  templateFields: z.optional(userKeyedRecord(100, shortText)),
  /** Set when a note is edited; `at` keeps the original time; v2. */
  editedAt: z.optional(timestamp),
  /** How long a call or meeting the rep logged lasted, in minutes (optional, unindexed). */
  durationMinutes: z.optional(durationMinutesSchema),
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
  /** When the reminder last fired, so a restarted browser does not notify twice; v2. */
  notifiedAt: z.optional(timestamp),
  doneAt: z.optional(timestamp),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Task = z.infer<typeof taskSchema>;

export const settingSchema = z.object({
  key: z.string().check(z.minLength(1), z.maxLength(100)),
  /** Any JSON value a backup can hold (nested at most 16 deep); each setting's reader checks its own shape. */
  value: plainValueSchema,
});
export type Setting = z.infer<typeof settingSchema>;

/** What the user was typing for a person, saved as they type so nothing is lost; v2. */
export const draftSchema = z.object({
  /** The person's identity key (see identityKeyOfPerson), so a draft survives before a contact exists. */
  key: z.string().check(z.minLength(1), z.maxLength(400)),
  noteId: id,
  body: z.string().check(z.maxLength(MAX_NOTE_LENGTH * 2)),
  templateId: z.optional(z.string().check(z.maxLength(100))),
  templateFields: z.optional(userKeyedRecord(100, z.string().check(z.maxLength(MAX_FIELD_LENGTH * 2)))),
  objection: z.optional(z.string().check(z.maxLength(MAX_FIELD_LENGTH * 2))),
  emotion: z.optional(z.string().check(z.maxLength(MAX_FIELD_LENGTH * 2))),
  nextStep: z.optional(z.string().check(z.maxLength(MAX_FIELD_LENGTH * 2))),
  sentiment: z.optional(sentimentSchema),
  tags: z.optional(z.array(z.string().check(z.maxLength(100)))),
  followUpDue: z.optional(timestamp),
  /** Call or meeting (absent: a note) and its duration as typed. */
  kind: z.optional(loggedKindSchema),
  duration: z.optional(z.string().check(z.maxLength(20))),
  updatedAt: timestamp,
});
export type Draft = z.infer<typeof draftSchema>;

/** A lifecycle stage change Margin suggests; the user accepts or dismisses it; v2. */
export const stageSuggestionSchema = z.object({
  id,
  contactId: id,
  from: stageSchema,
  to: stageSchema,
  /** Which rule fired (e.g. 'at-risk-silence'), for tests and for the explanation. */
  rule: z.string().check(z.maxLength(100)),
  /** A sentence for the user: "Silent 41 days; usually replies every 9". */
  reason: shortText,
  /** The newest interaction time the rule looked at: a dismissed rule fires again only after newer activity. */
  basisAt: timestamp,
  status: z.enum(['open', 'accepted', 'dismissed']),
  createdAt: timestamp,
  decidedAt: z.optional(timestamp),
});
export type StageSuggestion = z.infer<typeof stageSuggestionSchema>;

/** Enough to undo a destructive change (merge, delete) exactly; v2. */
export const undoRecordSchema = z.object({
  id,
  kind: z.enum(['merge-contacts', 'delete-contact', 'delete-interaction', 'edit-interaction']),
  /** A sentence for the undo button: "Merged Priya Raman into Priya R." */
  label: shortText,
  /** The rows as they were before the change. */
  before: z.object({
    contacts: z.array(contactSchema),
    interactions: z.array(interactionSchema),
    tasks: z.array(taskSchema),
  }),
  /** Ids of rows the change created, removed again on undo. */
  createdIds: z.object({
    contacts: z.array(id),
    interactions: z.array(id),
    tasks: z.array(id),
  }),
  createdAt: timestamp,
});
export type UndoRecord = z.infer<typeof undoRecordSchema>;

/** Each table's row schema: what the database accepts on every write and what a backup holds. */
export const ROW_SCHEMAS = {
  contacts: contactSchema,
  interactions: interactionSchema,
  tasks: taskSchema,
  settings: settingSchema,
  drafts: draftSchema,
  suggestions: stageSuggestionSchema,
  undo: undoRecordSchema,
  crmLinks: crmLinkSchema,
} as const;
export type TableName = keyof typeof ROW_SCHEMAS;

/** The first thing wrong with `row` as a row of `table`, as a sentence fragment, or null when it fits. */
export function rowProblem(table: TableName, row: unknown): string | null {
  const parsed = z.safeParse(ROW_SCHEMAS[table], row, { reportInput: true });
  return parsed.success ? null : describeIssue(parsed.error.issues[0]!);
}
