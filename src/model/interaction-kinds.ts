/**
 * What each kind of interaction means, in one table: how it is labelled and counted in a
 * sentence, which way it went, whether it shows the person is there (a touch), which CRM
 * activity it becomes on export, and which timeline filter shows it. Every list of kinds
 * elsewhere (score rules, cadence, surge, export, timeline filters) is read from here.
 *
 * Free of zod, so content scripts may use it at run time; the row schema's enum is built from it.
 */

/** Which way it went: from them, from the user, both at once (a call, a meeting), or neither. */
export type InteractionDirection = 'in' | 'out' | 'both' | 'none';

/** What a CRM keeps it as; null: nothing (a page view, a ticked-off follow-up). */
export type CrmActivity = 'note' | 'meeting' | 'call' | 'email' | 'message' | 'stage-change' | null;

/** Which of the timeline's filters shows it. */
export type TimelineGroup = 'notes' | 'email' | 'linkedin' | 'meetings' | 'changes';

export interface InteractionKindDefinition {
  /** How the timeline and exports name one: "Email received". */
  label: string;
  /** How a sentence counts them: "3 emails from them". */
  noun: readonly [singular: string, plural: string];
  direction: InteractionDirection;
  /** Whether it says anything about the person; bookkeeping (a stage change) does not. */
  touch: boolean;
  crmActivity: CrmActivity;
  timelineGroup: TimelineGroup;
}

const TABLE = {
  note: { label: 'Note', noun: ['note', 'notes'], direction: 'none', touch: true, crmActivity: 'note', timelineGroup: 'notes' },
  'email-in': {
    label: 'Email received',
    noun: ['email from them', 'emails from them'],
    direction: 'in',
    touch: true,
    crmActivity: 'email',
    timelineGroup: 'email',
  },
  'email-out': {
    label: 'Email sent',
    noun: ['email from you', 'emails from you'],
    direction: 'out',
    touch: true,
    crmActivity: 'email',
    timelineGroup: 'email',
  },
  'linkedin-view': {
    label: 'LinkedIn profile viewed',
    noun: ['profile visit', 'profile visits'],
    direction: 'none',
    touch: true,
    crmActivity: null,
    timelineGroup: 'linkedin',
  },
  'linkedin-message-in': {
    label: 'LinkedIn message received',
    noun: ['LinkedIn message from them', 'LinkedIn messages from them'],
    direction: 'in',
    touch: true,
    crmActivity: 'message',
    timelineGroup: 'linkedin',
  },
  'linkedin-message-out': {
    label: 'LinkedIn message sent',
    noun: ['LinkedIn message from you', 'LinkedIn messages from you'],
    direction: 'out',
    touch: true,
    crmActivity: 'message',
    timelineGroup: 'linkedin',
  },
  meeting: { label: 'Meeting', noun: ['meeting', 'meetings'], direction: 'both', touch: true, crmActivity: 'meeting', timelineGroup: 'meetings' },
  call: { label: 'Call', noun: ['call', 'calls'], direction: 'both', touch: true, crmActivity: 'call', timelineGroup: 'meetings' },
  'stage-change': {
    label: 'Stage changed',
    noun: ['stage change', 'stage changes'],
    direction: 'none',
    touch: false,
    crmActivity: 'stage-change',
    timelineGroup: 'changes',
  },
  'task-done': {
    label: 'Follow-up done',
    noun: ['follow-up done', 'follow-ups done'],
    direction: 'none',
    touch: false,
    crmActivity: null,
    timelineGroup: 'changes',
  },
} as const satisfies Record<string, InteractionKindDefinition>;

export type InteractionKind = keyof typeof TABLE;

export const INTERACTION_KIND_TABLE: Readonly<Record<InteractionKind, InteractionKindDefinition>> = TABLE;

/** Every kind, in the table's order. */
export const INTERACTION_KINDS = Object.keys(TABLE) as [InteractionKind, ...InteractionKind[]];

export function interactionKindLabel(kind: InteractionKind): string {
  return INTERACTION_KIND_TABLE[kind].label;
}

/** The kinds whose definition passes `test`, e.g. every kind that came from the person. */
export function kindsWhere(test: (definition: InteractionKindDefinition) => boolean): ReadonlySet<InteractionKind> {
  return new Set(INTERACTION_KINDS.filter((kind) => test(INTERACTION_KIND_TABLE[kind])));
}
