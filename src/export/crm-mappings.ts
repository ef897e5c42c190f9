import { kindsWhere, type InteractionKind } from '../model/interaction-kinds';
import type { Stage } from '../model/schemas';

/**
 * What each CRM gets, as data: one table per target, in this one file, so that a column label a
 * CRM renames or a stage mapping a team prefers is a one-line change. Values come from the named
 * fields in field-values.ts. Column labels follow ../shared/EXPORT-FORMATS.md; the ones marked
 * "verify" there are the labels each product's import wizard showed when this was written.
 */

/** A value Margin knows how to put in a cell (see field-values.ts). */
export type FieldName =
  | 'contact.id'
  | 'contact.name'
  | 'contact.firstName'
  | 'contact.lastName'
  | 'contact.email'
  | 'contact.otherEmails'
  | 'contact.allEmails'
  | 'contact.linkedinUrl'
  | 'contact.linkedinIds'
  | 'contact.company'
  | 'contact.title'
  | 'contact.location'
  | 'contact.stage'
  | 'contact.crmStage'
  | 'contact.score'
  | 'contact.lastSentiment'
  | 'contact.tags'
  | 'contact.description'
  | 'contact.createdAt'
  | 'contact.updatedAt'
  | 'interaction.id'
  | 'interaction.at'
  | 'interaction.date'
  | 'interaction.kind'
  | 'interaction.kindLabel'
  | 'interaction.subjectLine'
  | 'interaction.sentiment'
  | 'interaction.objection'
  | 'interaction.emotion'
  | 'interaction.nextStep'
  | 'interaction.subject'
  | 'interaction.body'
  | 'interaction.noteBody'
  | 'interaction.tags'
  | 'interaction.author'
  | 'interaction.sourceSite'
  | 'interaction.sourceUrl'
  | 'interaction.createdAt'
  | 'interaction.updatedAt'
  | 'constant.completed'
  | 'constant.empty';

export interface CsvColumn {
  header: string;
  field: FieldName;
}

/**
 * Which rows a file holds: one per contact, one per interaction (with its contact's columns), or
 * every contact first and then every interaction (a people-with-notes sheet).
 */
export type FileRows = 'contacts' | 'interactions' | 'contacts-then-interactions';

export interface CsvFileMapping {
  file: string;
  rows: FileRows;
  /** Interactions of these kinds go in the file (files of contacts only ignore it). */
  interactionKinds?: readonly InteractionKind[];
  /** Interaction rows whose contact lacks this value are left out (a note HubSpot could not attach). */
  skipInteractionsWithout?: FieldName;
  columns: readonly CsvColumn[];
}

export interface CsvTarget {
  id: CsvTargetId;
  label: string;
  files: readonly CsvFileMapping[];
  /** Margin's stage in the CRM's own terms (`contact.crmStage`); `null` keeps the stage before At-Risk. */
  stageMap?: Readonly<Record<Stage, string | null>>;
  /** A plain-text file written beside the CSVs (the steps to import them). */
  readme?: { file: string; text: string };
}

export const CSV_TARGET_IDS = ['hubspot', 'salesforce', 'pipedrive', 'generic'] as const;
export type CsvTargetId = (typeof CSV_TARGET_IDS)[number];

/** Conversations and notes a CRM keeps on the contact's timeline as a note. */
const NOTE_KINDS: readonly InteractionKind[] = [...kindsWhere((kind) => ['note', 'meeting', 'call'].includes(kind.crmActivity ?? ''))];
/** Every kind a CRM keeps as an activity; page views and ticked-off follow-ups are not. */
const ACTIVITY_KINDS: readonly InteractionKind[] = [...kindsWhere((kind) => kind.crmActivity !== null)];

const HUBSPOT_CONTACT_COLUMNS: readonly CsvColumn[] = [
  { header: 'Email', field: 'contact.email' },
  { header: 'First Name', field: 'contact.firstName' },
  { header: 'Last Name', field: 'contact.lastName' },
];

export const HUBSPOT: CsvTarget = {
  id: 'hubspot',
  label: 'HubSpot',
  stageMap: {
    Awareness: 'lead',
    Engaged: 'marketingqualifiedlead',
    Qualified: 'salesqualifiedlead',
    Delighted: 'customer',
    'At-Risk': null,
  },
  files: [
    {
      file: 'hubspot-contacts.csv',
      rows: 'contacts',
      columns: [
        ...HUBSPOT_CONTACT_COLUMNS,
        { header: 'Company Name', field: 'contact.company' },
        { header: 'Job Title', field: 'contact.title' },
        { header: 'LinkedIn URL', field: 'contact.linkedinUrl' },
        { header: 'Lifecycle Stage', field: 'contact.crmStage' },
        // Extra columns: map them to custom contact properties in HubSpot's import wizard.
        { header: 'Margin Stage', field: 'contact.stage' },
        { header: 'Margin Score', field: 'contact.score' },
        { header: 'Margin Sentiment', field: 'contact.lastSentiment' },
        { header: 'Margin Tags', field: 'contact.tags' },
      ],
    },
    {
      // A multi-object file: each note is associated with the contact matched on Email.
      file: 'hubspot-notes.csv',
      rows: 'interactions',
      interactionKinds: NOTE_KINDS,
      skipInteractionsWithout: 'contact.email',
      columns: [
        ...HUBSPOT_CONTACT_COLUMNS,
        { header: 'Activity date', field: 'interaction.at' },
        { header: 'Note body', field: 'interaction.noteBody' },
      ],
    },
  ],
};

export const SALESFORCE: CsvTarget = {
  id: 'salesforce',
  label: 'Salesforce',
  files: [
    {
      file: 'salesforce-contacts.csv',
      rows: 'contacts',
      columns: [
        { header: 'First Name', field: 'contact.firstName' },
        { header: 'Last Name', field: 'contact.lastName' },
        { header: 'Email', field: 'contact.email' },
        { header: 'Title', field: 'contact.title' },
        { header: 'Account Name', field: 'contact.company' },
        { header: 'Mailing City', field: 'contact.location' },
        { header: 'Contact Description', field: 'contact.description' },
      ],
    },
    {
      // Shaped for Data Loader's Task insert; WhoId is filled from Contact Email after step 1.
      file: 'salesforce-activities.csv',
      rows: 'interactions',
      interactionKinds: ACTIVITY_KINDS,
      columns: [
        { header: 'WhoId', field: 'constant.empty' },
        { header: 'Contact Email', field: 'contact.email' },
        { header: 'Subject', field: 'interaction.subjectLine' },
        { header: 'ActivityDate', field: 'interaction.date' },
        { header: 'Status', field: 'constant.completed' },
        { header: 'Description', field: 'interaction.noteBody' },
        { header: 'Margin Interaction Id', field: 'interaction.id' },
      ],
    },
  ],
  readme: {
    file: 'README-salesforce.txt',
    text: [
      'Importing this Margin export into Salesforce takes two steps.',
      '',
      '1. Contacts: Setup > Data Import Wizard > Accounts and Contacts > Add new and update existing',
      '   records, match Contact by Email, and upload salesforce-contacts.csv.',
      '',
      '2. Activities: the wizard does not import tasks, so use Data Loader.',
      '   a. Export the contacts you just imported (Data Loader > Export > Contact: Id, Email).',
      '   b. In salesforce-activities.csv fill the WhoId column with the Id whose Email equals the',
      '      row\'s Contact Email (a VLOOKUP in a spreadsheet does it), and save as CSV (UTF-8).',
      '   c. Data Loader > Insert > Task, choose the file, and map Subject, ActivityDate, Status,',
      '      Description and WhoId. Leave Contact Email and Margin Interaction Id unmapped.',
      '',
      'Every cell that could be read as a spreadsheet formula starts with an apostrophe.',
      '',
    ].join('\r\n'),
  },
};

export const PIPEDRIVE: CsvTarget = {
  id: 'pipedrive',
  label: 'Pipedrive',
  files: [
    {
      // People first, then one row per note with the person's columns: Pipedrive merges the
      // person rows (name + email) and links each note to its person.
      file: 'pipedrive-people-notes.csv',
      rows: 'contacts-then-interactions',
      interactionKinds: NOTE_KINDS,
      columns: [
        { header: 'Person - Name', field: 'contact.name' },
        { header: 'Person - Email', field: 'contact.email' },
        { header: 'Organization - Name', field: 'contact.company' },
        { header: 'Person - Job title', field: 'contact.title' },
        { header: 'Person - Labels', field: 'contact.tags' },
        { header: 'Note - Content', field: 'interaction.noteBody' },
        { header: 'Note - Add time', field: 'interaction.at' },
      ],
    },
  ],
};

export const GENERIC: CsvTarget = {
  id: 'generic',
  label: 'Generic CSV',
  files: [
    {
      file: 'contacts.csv',
      rows: 'contacts',
      columns: [
        { header: 'id', field: 'contact.id' },
        { header: 'name', field: 'contact.name' },
        { header: 'first_name', field: 'contact.firstName' },
        { header: 'last_name', field: 'contact.lastName' },
        { header: 'emails', field: 'contact.allEmails' },
        { header: 'linkedin_ids', field: 'contact.linkedinIds' },
        { header: 'company', field: 'contact.company' },
        { header: 'title', field: 'contact.title' },
        { header: 'location', field: 'contact.location' },
        { header: 'stage', field: 'contact.stage' },
        { header: 'score', field: 'contact.score' },
        { header: 'last_sentiment', field: 'contact.lastSentiment' },
        { header: 'tags', field: 'contact.tags' },
        { header: 'created_at', field: 'contact.createdAt' },
        { header: 'updated_at', field: 'contact.updatedAt' },
      ],
    },
    {
      file: 'interactions.csv',
      rows: 'interactions',
      columns: [
        { header: 'id', field: 'interaction.id' },
        { header: 'contact_id', field: 'contact.id' },
        { header: 'contact_email', field: 'contact.email' },
        { header: 'at', field: 'interaction.at' },
        { header: 'kind', field: 'interaction.kind' },
        { header: 'sentiment', field: 'interaction.sentiment' },
        { header: 'objection', field: 'interaction.objection' },
        { header: 'emotion', field: 'interaction.emotion' },
        { header: 'next_step', field: 'interaction.nextStep' },
        { header: 'subject', field: 'interaction.subject' },
        { header: 'body', field: 'interaction.body' },
        { header: 'tags', field: 'interaction.tags' },
        { header: 'author', field: 'interaction.author' },
        { header: 'source_site', field: 'interaction.sourceSite' },
        { header: 'source_url', field: 'interaction.sourceUrl' },
        { header: 'created_at', field: 'interaction.createdAt' },
        { header: 'updated_at', field: 'interaction.updatedAt' },
      ],
    },
  ],
};

/** Every CSV target, in the order the dashboard offers them. */
export const CSV_TARGETS: readonly CsvTarget[] = [HUBSPOT, SALESFORCE, PIPEDRIVE, GENERIC];

export function csvTarget(id: CsvTargetId): CsvTarget {
  const target = CSV_TARGETS.find((candidate) => candidate.id === id);
  if (!target) throw new Error(`No CSV target ${id}`);
  return target;
}
