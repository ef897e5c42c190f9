import type * as z from 'zod/mini';

type Issue = z.core.$ZodIssue;

/**
 * A schema problem as a sentence for the person who picked the file or typed the value. zod/mini
 * ships no messages ("Invalid input"), and loading its English locale would put ~5 KB into every
 * bundle for sentences written for developers; these say what is wrong with the value itself.
 * Issues must come from a parse with `reportInput: true`, so lengths and values can be told.
 * A message a schema sets on purpose is kept: a sentence ("A field needs a name.") as it is, a
 * fragment ("is after the year 9999") after the field's name.
 */
export function describeIssue(issue: Issue): string {
  const subject = fieldName(issue.path);
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return `${subject} is missing`;
      if (issue.expected === 'int') return `${subject} is ${shown(input)}; it should be a whole number`;
      return `${subject} is ${kindOf(input)}; it should be ${EXPECTED[issue.expected] ?? issue.expected}`;
    case 'too_big':
      if (isSetOnPurpose(issue.message)) return withSubject(subject, issue.message);
      if (issue.origin === 'string') return `${subject} is ${count(lengthOf(input), 'character')} long; at most ${count(issue.maximum, 'character')} are allowed`;
      if (issue.origin === 'array') return `${subject} has ${count(lengthOf(input), 'item')}; at most ${count(issue.maximum, 'item')} are allowed`;
      return `${subject} is ${shown(input)}; it can be at most ${Number(issue.maximum).toLocaleString('en')}`;
    case 'too_small':
      if (isSetOnPurpose(issue.message)) return withSubject(subject, issue.message);
      if (issue.origin === 'string') return issue.minimum === 1 ? `${subject} is empty` : `${subject} is shorter than ${count(issue.minimum, 'character')}`;
      if (issue.origin === 'array') return `${subject} has fewer than ${count(issue.minimum, 'item')}`;
      return `${subject} is ${shown(input)}; it cannot be below ${Number(issue.minimum).toLocaleString('en')}`;
    case 'invalid_value':
      return `${subject} is ${shown(input)}; it should be ${issue.values.length === 1 ? shown(issue.values[0]) : `one of ${issue.values.map(shown).join(', ')}`}`;
    case 'invalid_union':
      return `${subject} is ${kindOf(input)}, which this field cannot hold`;
    case 'invalid_format':
      return `${subject} is not a valid ${issue.format}`;
    case 'custom':
      return isSetOnPurpose(issue.message) ? withSubject(subject, issue.message) : `${subject} is not valid`;
    default:
      return `${subject} is not valid`;
  }
}

/** "the name", "the tags, item 3", "the templateFields, “__proto__”"; "the value" for the whole. */
export function fieldName(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the value';
  const parts = path.map((key, index) =>
    typeof key === 'number' ? `item ${key + 1}` : index === 0 ? (FIELD_WORDS[String(key)] ?? String(key)) : `“${String(key)}”`,
  );
  return `the ${parts.join(', ')}`;
}

/** Field names that are not words. */
const FIELD_WORDS: Record<string, string> = {
  at: 'time',
  due: 'due date',
  createdAt: 'creation time',
  updatedAt: 'last-change time',
  editedAt: 'edit time',
  doneAt: 'done time',
  notifiedAt: 'reminder time',
  decidedAt: 'decision time',
  basisAt: 'basis time',
  scoreComputedAt: 'score time',
  lastTouchAt: 'last-touch time',
  followUpDue: 'follow-up date',
  customFields: 'custom fields',
  templateFields: 'template fields',
  linkedinIds: 'LinkedIn ids',
  crmId: 'CRM id',
  personCrmId: 'CRM person id',
  syncedAt: 'sync time',
  localId: 'Margin id',
  contactId: 'contact id',
};

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

function isSetOnPurpose(message: string): boolean {
  return message !== '' && message !== 'Invalid input';
}

/** A schema's own message: a sentence ("A field needs a name.") as it is, a fragment ("is after …") after the field. */
function withSubject(subject: string, message: string): string {
  return /^[A-Z]/.test(message) ? message.replace(/\.$/, '') : `${subject} ${message}`;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return Number.isFinite(value) ? `the number ${value}` : String(value);
  if (typeof value === 'boolean') return String(value);
  if (value === undefined) return 'missing';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A value as it can be shown in a sentence: short text quoted, long text and objects described. */
function shown(value: unknown): string {
  if (typeof value === 'string') return value.length <= 40 ? `“${value}”` : `a text of ${count(value.length, 'character')}`;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : String(value);
  return kindOf(value);
}

function lengthOf(value: unknown): number {
  return typeof value === 'string' || Array.isArray(value) ? value.length : Number.NaN;
}

function count(value: number | bigint, noun: string): string {
  const number = Number(value);
  return `${number.toLocaleString('en')} ${number === 1 ? noun : `${noun}s`}`;
}
