import { kindsWhere, type InteractionKind } from '../model/interaction-kinds';
import type { Stage } from '../model/schemas';

/**
 * What each CRM gets, as data: one table per target, in this one file: the columns (which Margin
 * value goes under which header) and, beside them, every rule the CRM's importer documents
 * (required fields, length limits, time formats, value lists, what it matches rows on, file
 * limits, columns that need setting up first), each with the vendor page it comes from. The
 * writer (export-csv.ts) enforces the rules; test/export/crm-rules.test.ts walks this table and
 * checks each rule against the writer's output, so a rule added here is tested by that alone.
 *
 * Facts come from ../shared/EXPORT-FORMATS.md ("What the importers do with Margin's files") and
 * the vendor pages named in `source`. Column labels marked "verify" there are the labels each
 * product's import wizard showed when this was written.
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
  | 'interaction.kind'
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
  | 'task.id'
  | 'task.title'
  | 'task.due'
  | 'task.createdAt'
  /** Pipedrive's activity type for a follow-up ("task"); empty on other rows. */
  | 'task.activityType'
  /** An interaction's or a follow-up's id (one activities file holds both). */
  | 'activity.id'
  /** An interaction's subject line ("Call: Re: pricing"), or a follow-up's title. */
  | 'activity.subject'
  /** When an interaction happened, or when a follow-up is due. */
  | 'activity.at'
  /** An interaction's note text; empty for a follow-up (its title is the subject). */
  | 'activity.description'
  /** Salesforce Task Status: Completed for what happened, Not Started for an open follow-up. */
  | 'activity.salesforceStatus';

/** Fields whose value is a time: their cells are written in the format of the column's time-format rule. */
export const TIME_FIELDS: ReadonlySet<FieldName> = new Set<FieldName>([
  'contact.createdAt',
  'contact.updatedAt',
  'interaction.at',
  'interaction.createdAt',
  'interaction.updatedAt',
  'task.due',
  'task.createdAt',
  'activity.at',
]);

/** A column: a Margin value, or the same text in every row (a CRM's fixed value such as a task status). */
export type CsvColumn = { header: string; field: FieldName } | { header: string; constant: string };

/** What rows a file holds, in this order: people, their interactions, their open follow-ups. */
export type RowKind = 'contacts' | 'interactions' | 'tasks';

export interface CsvFileMapping {
  file: string;
  rows: readonly RowKind[];
  /** Interactions of these kinds go in the file (every kind when absent). */
  interactionKinds?: readonly InteractionKind[];
  columns: readonly CsvColumn[];
}

/** Where a rule comes from: the vendor's page, and the section of ../shared/EXPORT-FORMATS.md that sums it up. */
export interface RuleSource {
  page: string;
  url: string;
  formats: string;
}

export type TimeFormat =
  /** `2026-05-12T09:30:00Z`: ISO 8601 with its zone (UTC). */
  | 'iso-8601-utc'
  /** `2026-05-12 09:30:00` in UTC (Pipedrive's documented format). */
  | 'utc-seconds'
  /** `2026-05-12`: the UTC day. */
  | 'utc-date'
  /** `09:30`: the UTC time of day. */
  | 'utc-time';

/** The limits of one file as the importer takes it; larger exports are split into numbered parts. */
export interface FileLimit {
  kind: 'file-limit';
  file: string;
  /** Data rows per part, the header row not counted. */
  maxRows: number;
  /** Bytes per part (UTF-8, header included). */
  maxBytes: number;
  source: RuleSource;
}

export type ColumnRule =
  | {
      kind: 'required';
      file: string;
      column: string;
      /** Values tried in order when the column's own value is empty… */
      fallbacks: readonly FieldName[];
      /** …and the text written when all of them are empty, so the cell is never empty. */
      lastResort: string;
      source: RuleSource;
    }
  | {
      kind: 'max-length';
      file: string;
      column: string;
      /** Characters (UTF-16 code units, as the CRMs count them). */
      max: number;
      /** The column of the same row that keeps the full text when this one is cut. */
      keepFullTextIn?: string;
      source: RuleSource;
    }
  | { kind: 'time-format'; file: string; column: string; format: TimeFormat; source: RuleSource }
  | { kind: 'one-of'; file: string; column: string; values: readonly string[]; source: RuleSource }
  | {
      /**
       * The CRM matches a row to an existing record on these values: a row with none of them
       * would become a new duplicate at every import, so it goes to `asideFile` (the same columns)
       * instead, and the readiness summary names it.
       */
      kind: 'match-key';
      file: string;
      anyOf: readonly FieldName[];
      asideFile: string;
      /** Why, in the summary: "no email address". */
      missing: string;
      source: RuleSource;
    }
  | {
      /** The CRM does not map this column by itself: it needs a custom property, field or label first. */
      kind: 'needs-setup';
      file: string;
      column: string;
      needs: string;
      howTo: string;
      source: RuleSource;
    };

export type CrmRule = ColumnRule | FileLimit;

export interface CsvTarget {
  id: CsvTargetId;
  label: string;
  files: readonly CsvFileMapping[];
  /** Every rule the importer documents for these files (see the file comment). */
  rules: readonly CrmRule[];
  /** Margin's stage in the CRM's own terms (`contact.crmStage`); `null` keeps the stage before At-Risk. */
  stageMap?: Readonly<Record<Stage, string | null>>;
  /** The steps to import the files, written at the top of the target's README with the readiness summary. */
  steps: readonly string[];
  /** What importing the same people again does (matching keys, duplicates). */
  reimport: readonly string[];
  /** The README written beside the CSVs. */
  readme: string;
}

export const CSV_TARGET_IDS = ['hubspot', 'salesforce', 'pipedrive', 'generic'] as const;

/** What the dashboard calls a target's CSV export ("HubSpot CSV"); the generic target's label already says CSV. */
export function csvExportLabel(target: Pick<CsvTarget, 'label'>): string {
  return target.label.endsWith('CSV') ? target.label : `${target.label} CSV`;
}
export type CsvTargetId = (typeof CSV_TARGET_IDS)[number];

/** Conversations and notes a CRM keeps on the contact's timeline as a note. */
const NOTE_KINDS: readonly InteractionKind[] = [...kindsWhere((kind) => ['note', 'meeting', 'call'].includes(kind.crmActivity ?? ''))];
/** Every kind a CRM keeps as an activity; page views and ticked-off follow-ups are not. */
const ACTIVITY_KINDS: readonly InteractionKind[] = [...kindsWhere((kind) => kind.crmActivity !== null)];

const FORMATS_IMPORTERS = 'EXPORT-FORMATS.md, "What the importers do with Margin\'s files"';

// ---------------------------------------------------------------------------------------------
// HubSpot

const HUBSPOT_IMPORT_FILES: RuleSource = {
  page: 'HubSpot Knowledge Base: Set up import files',
  url: 'https://knowledge.hubspot.com/import-and-export/set-up-your-import-file',
  formats: `EXPORT-FORMATS.md, "HubSpot"; ${FORMATS_IMPORTERS} (Size, Matching on re-import)`,
};
const HUBSPOT_NOTES: RuleSource = {
  page: 'HubSpot developers: Notes (hs_timestamp, hs_note_body)',
  url: 'https://developers.hubspot.com/docs/api/crm/notes',
  formats: `${FORMATS_IMPORTERS} (Times, Required and limited fields)`,
};
const HUBSPOT_TASKS: RuleSource = {
  page: 'HubSpot developers: Tasks (hs_timestamp is the due date; hs_task_status; hs_task_type)',
  url: 'https://developers.hubspot.com/docs/api/crm/tasks',
  formats: `${FORMATS_IMPORTERS} (Times)`,
};
const HUBSPOT_LIFECYCLE: RuleSource = {
  page: 'HubSpot Knowledge Base: Set up import files (enumeration values use internal names)',
  url: 'https://knowledge.hubspot.com/import-and-export/set-up-your-import-file',
  formats: 'EXPORT-FORMATS.md, "HubSpot" (Lifecycle stage must use internal names)',
};
const HUBSPOT_PROPERTIES: RuleSource = {
  page: 'HubSpot Knowledge Base: Set up import files (each header matches a property; create custom ones first)',
  url: 'https://knowledge.hubspot.com/import-and-export/set-up-your-import-file',
  formats: 'EXPORT-FORMATS.md, "HubSpot" (our own stage, score and sentiment go in custom properties)',
};

const HUBSPOT_CONTACT_COLUMNS: readonly CsvColumn[] = [
  { header: 'Email', field: 'contact.email' },
  { header: 'First Name', field: 'contact.firstName' },
  { header: 'Last Name', field: 'contact.lastName' },
];
export const HUBSPOT_LIFECYCLE_STAGES = [
  'subscriber',
  'lead',
  'marketingqualifiedlead',
  'salesqualifiedlead',
  'opportunity',
  'customer',
  'evangelist',
  'other',
] as const;

const hubspotFiles = ['hubspot-contacts.csv', 'hubspot-notes.csv', 'hubspot-tasks.csv'] as const;
const hubspotCustomProperty = (column: string, type: string): ColumnRule => ({
  kind: 'needs-setup',
  file: 'hubspot-contacts.csv',
  column,
  needs: 'a custom contact property',
  howTo: `Settings > Properties > Contact properties > Create property "${column}" (${type}), or pick "Create new property" for this column on the import's mapping screen.`,
  source: HUBSPOT_PROPERTIES,
});

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
      rows: ['contacts'],
      columns: [
        ...HUBSPOT_CONTACT_COLUMNS,
        { header: 'Company Name', field: 'contact.company' },
        { header: 'Job Title', field: 'contact.title' },
        { header: 'LinkedIn URL', field: 'contact.linkedinUrl' },
        { header: 'Lifecycle Stage', field: 'contact.crmStage' },
        { header: 'Margin Stage', field: 'contact.stage' },
        { header: 'Margin Score', field: 'contact.score' },
        { header: 'Margin Sentiment', field: 'contact.lastSentiment' },
        { header: 'Margin Tags', field: 'contact.tags' },
      ],
    },
    {
      // A multi-object file (Contacts + Notes): each note is associated with the contact matched on Email.
      file: 'hubspot-notes.csv',
      rows: ['interactions'],
      interactionKinds: NOTE_KINDS,
      columns: [...HUBSPOT_CONTACT_COLUMNS, { header: 'Activity date', field: 'interaction.at' }, { header: 'Note body', field: 'interaction.noteBody' }],
    },
    {
      // A multi-object file (Contacts + Tasks): each open follow-up becomes a task on its contact.
      file: 'hubspot-tasks.csv',
      rows: ['tasks'],
      columns: [
        ...HUBSPOT_CONTACT_COLUMNS,
        { header: 'Task Title', field: 'task.title' },
        { header: 'Due Date', field: 'task.due' },
        { header: 'Task Status', constant: 'NOT_STARTED' },
        { header: 'Task Type', constant: 'TODO' },
      ],
    },
  ],
  rules: [
    ...hubspotFiles.map(
      (file): CrmRule => ({ kind: 'file-limit', file, maxRows: 1_048_575, maxBytes: 20_000_000, source: HUBSPOT_IMPORT_FILES }),
    ),
    ...hubspotFiles.map(
      (file): CrmRule => ({
        kind: 'match-key',
        file,
        anyOf: ['contact.email'],
        asideFile: file.replace('.csv', '-no-email.csv'),
        missing: 'no email address',
        source: HUBSPOT_IMPORT_FILES,
      }),
    ),
    { kind: 'one-of', file: 'hubspot-contacts.csv', column: 'Lifecycle Stage', values: HUBSPOT_LIFECYCLE_STAGES, source: HUBSPOT_LIFECYCLE },
    hubspotCustomProperty('Margin Stage', 'single-line text'),
    hubspotCustomProperty('Margin Score', 'number'),
    hubspotCustomProperty('Margin Sentiment', 'single-line text'),
    hubspotCustomProperty('Margin Tags', 'single-line text'),
    {
      kind: 'needs-setup',
      file: 'hubspot-contacts.csv',
      column: 'LinkedIn URL',
      needs: 'a contact property for the profile address, if the account has none',
      howTo: 'Map it to an existing LinkedIn property if your account has one; otherwise create a single-line text property "LinkedIn URL" (Settings > Properties).',
      source: HUBSPOT_PROPERTIES,
    },
    { kind: 'time-format', file: 'hubspot-notes.csv', column: 'Activity date', format: 'iso-8601-utc', source: HUBSPOT_NOTES },
    { kind: 'max-length', file: 'hubspot-notes.csv', column: 'Note body', max: 65_536, source: HUBSPOT_NOTES },
    { kind: 'time-format', file: 'hubspot-tasks.csv', column: 'Due Date', format: 'iso-8601-utc', source: HUBSPOT_TASKS },
    { kind: 'one-of', file: 'hubspot-tasks.csv', column: 'Task Status', values: ['NOT_STARTED', 'COMPLETED'], source: HUBSPOT_TASKS },
    { kind: 'one-of', file: 'hubspot-tasks.csv', column: 'Task Type', values: ['EMAIL', 'CALL', 'TODO'], source: HUBSPOT_TASKS },
  ],
  steps: [
    'Create the custom contact properties listed under "Set up first" (once).',
    'Contacts > Import > Start an import > File from computer > One file > One object > Contacts: upload hubspot-contacts.csv (each part, in order). Match existing contacts on Email.',
    'Import > One file > Multiple objects > Contacts and Notes: upload hubspot-notes.csv. The notes attach to the contact with the same Email.',
    'Import > One file > Multiple objects > Contacts and Tasks: upload hubspot-tasks.csv. Each open follow-up becomes a task (Not started, due on its date).',
  ],
  reimport: [
    'Contacts are matched on Email: importing them again updates them. A contact without an address would be created again at every import, which is why those rows are in the -no-email file.',
    'HubSpot cannot update an imported note or task: importing the same notes or tasks file twice creates every note and task twice. Each Margin export carries a note or follow-up once; "Download again" on the dashboard gives the same rows back, so import a re-download only if the first import did not happen.',
  ],
  readme: 'README-hubspot.txt',
};

// ---------------------------------------------------------------------------------------------
// Salesforce

const SALESFORCE_CONTACT_FIELDS: RuleSource = {
  page: 'Salesforce Field Reference: Contact (LastName required, 80; FirstName 40; MailingCity 40; Title 128; Description 32,000)',
  url: 'https://developer.salesforce.com/docs/platform/field-reference/references/field-reference/salesforce-field-reference-contact.html',
  formats: `${FORMATS_IMPORTERS} (Required and limited fields)`,
};
const SALESFORCE_TASK: RuleSource = {
  page: 'Salesforce Object Reference: Task (Subject 255, Description 32,000, ActivityDate date, Status picklist)',
  url: 'https://developer.salesforce.com/docs/platform/object-reference/references/standard-objects/object-task.html',
  formats: `EXPORT-FORMATS.md, "Salesforce"; ${FORMATS_IMPORTERS} (Times, Required and limited fields)`,
};
const SALESFORCE_IMPORT_WIZARD: RuleSource = {
  page: 'Salesforce Help: General Importing Questions (Data Import Wizard: 50,000 records, files up to 100 MB; matching by email)',
  url: 'https://help.salesforce.com/s/articleView?id=sf.faq_import_general.htm&type=5',
  formats: `EXPORT-FORMATS.md, "Salesforce"; ${FORMATS_IMPORTERS} (Size, Matching on re-import)`,
};
const SALESFORCE_DATA_LOADER: RuleSource = {
  page: 'Salesforce Data Loader Guide: Data Loader Process Configuration Parameters (Read all CSVs with UTF-8 encoding)',
  url: 'https://developer.salesforce.com/docs/atlas.en-us.dataLoader.meta/dataLoader/loader_params.htm',
  formats: `EXPORT-FORMATS.md, "Salesforce"; ${FORMATS_IMPORTERS} (Matching on re-import, Encoding)`,
};

export const SALESFORCE_TASK_STATUSES = ['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'] as const;

export const SALESFORCE: CsvTarget = {
  id: 'salesforce',
  label: 'Salesforce',
  files: [
    {
      file: 'salesforce-contacts.csv',
      rows: ['contacts'],
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
      // What happened goes in as Completed tasks, open follow-ups as Not Started ones due on their date.
      file: 'salesforce-activities.csv',
      rows: ['interactions', 'tasks'],
      interactionKinds: ACTIVITY_KINDS,
      columns: [
        { header: 'WhoId', constant: '' },
        { header: 'Contact Email', field: 'contact.email' },
        { header: 'Subject', field: 'activity.subject' },
        { header: 'ActivityDate', field: 'activity.at' },
        { header: 'Status', field: 'activity.salesforceStatus' },
        { header: 'Description', field: 'activity.description' },
        { header: 'Margin Id', field: 'activity.id' },
      ],
    },
  ],
  rules: [
    { kind: 'file-limit', file: 'salesforce-contacts.csv', maxRows: 50_000, maxBytes: 100_000_000, source: SALESFORCE_IMPORT_WIZARD },
    // Data Loader takes up to 5,000,000 records a file; the same part size keeps each load short.
    { kind: 'file-limit', file: 'salesforce-activities.csv', maxRows: 50_000, maxBytes: 100_000_000, source: SALESFORCE_DATA_LOADER },
    {
      kind: 'match-key',
      file: 'salesforce-contacts.csv',
      anyOf: ['contact.email'],
      asideFile: 'salesforce-contacts-no-email.csv',
      missing: 'no email address',
      source: SALESFORCE_IMPORT_WIZARD,
    },
    {
      kind: 'match-key',
      file: 'salesforce-activities.csv',
      anyOf: ['contact.email'],
      asideFile: 'salesforce-activities-no-email.csv',
      missing: 'no email address to find the contact\'s Id by',
      source: SALESFORCE_DATA_LOADER,
    },
    {
      kind: 'required',
      file: 'salesforce-contacts.csv',
      column: 'Last Name',
      fallbacks: ['contact.email', 'contact.linkedinIds'],
      lastResort: '(no name in Margin)',
      source: SALESFORCE_CONTACT_FIELDS,
    },
    { kind: 'max-length', file: 'salesforce-contacts.csv', column: 'First Name', max: 40, keepFullTextIn: 'Contact Description', source: SALESFORCE_CONTACT_FIELDS },
    { kind: 'max-length', file: 'salesforce-contacts.csv', column: 'Last Name', max: 80, keepFullTextIn: 'Contact Description', source: SALESFORCE_CONTACT_FIELDS },
    { kind: 'max-length', file: 'salesforce-contacts.csv', column: 'Title', max: 128, keepFullTextIn: 'Contact Description', source: SALESFORCE_CONTACT_FIELDS },
    { kind: 'max-length', file: 'salesforce-contacts.csv', column: 'Account Name', max: 255, keepFullTextIn: 'Contact Description', source: SALESFORCE_CONTACT_FIELDS },
    { kind: 'max-length', file: 'salesforce-contacts.csv', column: 'Mailing City', max: 40, keepFullTextIn: 'Contact Description', source: SALESFORCE_CONTACT_FIELDS },
    { kind: 'max-length', file: 'salesforce-contacts.csv', column: 'Contact Description', max: 32_000, source: SALESFORCE_CONTACT_FIELDS },
    { kind: 'max-length', file: 'salesforce-activities.csv', column: 'Subject', max: 255, keepFullTextIn: 'Description', source: SALESFORCE_TASK },
    { kind: 'max-length', file: 'salesforce-activities.csv', column: 'Description', max: 32_000, source: SALESFORCE_TASK },
    { kind: 'time-format', file: 'salesforce-activities.csv', column: 'ActivityDate', format: 'utc-date', source: SALESFORCE_TASK },
    { kind: 'one-of', file: 'salesforce-activities.csv', column: 'Status', values: SALESFORCE_TASK_STATUSES, source: SALESFORCE_TASK },
    {
      kind: 'needs-setup',
      file: 'salesforce-activities.csv',
      column: 'WhoId',
      needs: "the Salesforce Id of each row's contact",
      howTo: 'After step 1, export Contact Id and Email with Data Loader and fill WhoId by matching Contact Email (a VLOOKUP does it).',
      source: SALESFORCE_DATA_LOADER,
    },
    {
      kind: 'needs-setup',
      file: 'salesforce-activities.csv',
      column: 'Margin Id',
      needs: 'a custom Task field to keep (optional)',
      howTo: 'Leave it unmapped, or create a Task text field "Margin Id" (External ID, unique) and load with Upsert on it: then a re-import updates instead of duplicating.',
      source: SALESFORCE_DATA_LOADER,
    },
  ],
  steps: [
    'Open nothing in Excel by double-clicking it: Excel reads a double-clicked CSV in the local code page and garbles accents. To look at or edit a file, use Excel\'s Data > From Text/CSV and choose "65001: Unicode (UTF-8)".',
    'Contacts: Setup > Data Import Wizard > Accounts and Contacts > Add new and update existing records, match Contact by Email, character encoding "Unicode (UTF-8)", and upload salesforce-contacts.csv (each part, in order).',
    'Activities: the wizard does not import tasks, so use Data Loader. In Data Loader > Settings, tick "Read all CSVs with UTF-8 encoding" and check its time zone (or "use GMT for date values") so ActivityDate stays on its day.',
    '  a. Export the contacts you just imported (Data Loader > Export > Contact: Id, Email).',
    "  b. In salesforce-activities.csv fill the WhoId column with the Id whose Email equals the row's Contact Email (a VLOOKUP in a spreadsheet opened through Data > From Text/CSV), and save as \"CSV UTF-8\".",
    '  c. Data Loader > Insert > Task, choose the file, and map Subject, ActivityDate, Status, Description and WhoId. Leave Contact Email unmapped, and Margin Id unless you created the field.',
    'What happened goes in as Completed tasks; open follow-ups as Not Started tasks due on their date.',
  ],
  reimport: [
    'The Data Import Wizard matches contacts on Email when you choose it: importing them again updates them; a contact without an address becomes a new duplicate at every import (those rows are in the -no-email file).',
    'A Task carries no external id unless your org adds one: inserting the same activities file twice gives every task twice. Create the "Margin Id" External ID field and use Upsert to make a repeated load safe.',
  ],
  readme: 'README-salesforce.txt',
};

// ---------------------------------------------------------------------------------------------
// Pipedrive

const PIPEDRIVE_IMPORT: RuleSource = {
  page: 'Pipedrive Knowledge Base: Importing data into Pipedrive with spreadsheets (50 MB, 50,000 rows; people, notes and activities in one sheet)',
  url: 'https://support.pipedrive.com/hc/en-us/articles/208039595-How-can-I-import-data-into-Pipedrive-with-spreadsheets-',
  formats: `EXPORT-FORMATS.md, "Pipedrive"; ${FORMATS_IMPORTERS} (Size, Matching on re-import, Pipedrive fields)`,
};
const PIPEDRIVE_NOTES_API: RuleSource = {
  page: 'Pipedrive API v1 (OpenAPI, ../shared/contracts/pipedrive/openapi-v1.yaml): notes add_time "YYYY-MM-DD HH:MM:SS" in UTC; activities due_date, due_time',
  url: 'https://developers.pipedrive.com/docs/api/v1/Notes',
  formats: `${FORMATS_IMPORTERS} (Times)`,
};

export const PIPEDRIVE_ACTIVITY_TYPES = ['call', 'meeting', 'task', 'deadline', 'email', 'lunch'] as const;

export const PIPEDRIVE: CsvTarget = {
  id: 'pipedrive',
  label: 'Pipedrive',
  files: [
    {
      // People first, then one row per note and one per open follow-up, each with the person's
      // columns: Pipedrive merges the person rows (name + email) and links each note and activity to its person.
      file: 'pipedrive-people-notes.csv',
      rows: ['contacts', 'interactions', 'tasks'],
      interactionKinds: NOTE_KINDS,
      columns: [
        { header: 'Person - Name', field: 'contact.name' },
        { header: 'Person - Email', field: 'contact.email' },
        { header: 'Organization - Name', field: 'contact.company' },
        { header: 'Person - Job title', field: 'contact.title' },
        { header: 'Person - Labels', field: 'contact.tags' },
        { header: 'Note - Content', field: 'interaction.noteBody' },
        { header: 'Note - Add time', field: 'interaction.at' },
        { header: 'Activity - Subject', field: 'task.title' },
        { header: 'Activity - Type', field: 'task.activityType' },
        { header: 'Activity - Due date', field: 'task.due' },
        { header: 'Activity - Due time', field: 'task.due' },
      ],
    },
  ],
  rules: [
    { kind: 'file-limit', file: 'pipedrive-people-notes.csv', maxRows: 49_999, maxBytes: 50_000_000, source: PIPEDRIVE_IMPORT },
    {
      kind: 'match-key',
      file: 'pipedrive-people-notes.csv',
      anyOf: ['contact.email', 'contact.company'],
      asideFile: 'pipedrive-people-notes-no-match.csv',
      missing: 'neither an email address nor an organisation',
      source: PIPEDRIVE_IMPORT,
    },
    {
      kind: 'required',
      file: 'pipedrive-people-notes.csv',
      column: 'Person - Name',
      fallbacks: ['contact.email', 'contact.linkedinIds'],
      lastResort: '(no name in Margin)',
      source: PIPEDRIVE_IMPORT,
    },
    { kind: 'time-format', file: 'pipedrive-people-notes.csv', column: 'Note - Add time', format: 'utc-seconds', source: PIPEDRIVE_NOTES_API },
    { kind: 'time-format', file: 'pipedrive-people-notes.csv', column: 'Activity - Due date', format: 'utc-date', source: PIPEDRIVE_NOTES_API },
    { kind: 'time-format', file: 'pipedrive-people-notes.csv', column: 'Activity - Due time', format: 'utc-time', source: PIPEDRIVE_NOTES_API },
    { kind: 'one-of', file: 'pipedrive-people-notes.csv', column: 'Activity - Type', values: PIPEDRIVE_ACTIVITY_TYPES, source: PIPEDRIVE_NOTES_API },
    {
      kind: 'needs-setup',
      file: 'pipedrive-people-notes.csv',
      column: 'Person - Job title',
      needs: 'contact sync, or a custom person field',
      howTo: 'Pipedrive has "Job title" only with contact sync: otherwise create a person field "Job title" (Company settings > Data fields > Person) before importing, or leave the column unmapped.',
      source: PIPEDRIVE_IMPORT,
    },
    {
      kind: 'needs-setup',
      file: 'pipedrive-people-notes.csv',
      column: 'Person - Labels',
      needs: 'labels that already exist',
      howTo: 'Add each label first (Company settings > Data fields > Person > Labels), or leave the column unmapped: a label Pipedrive does not know is not imported.',
      source: PIPEDRIVE_IMPORT,
    },
  ],
  steps: [
    'Tools and apps > Import data > From a spreadsheet: upload pipedrive-people-notes.csv (each part, in order: people come before their notes and follow-ups).',
    'Map the Person, Organization, Note and Activity columns (verify the labels on the mapping screen) and let Pipedrive merge duplicates.',
    'Notes keep their time (Add time is UTC); open follow-ups become activities of type "task" due on their date and time (UTC).',
  ],
  reimport: [
    'Pipedrive merges people on name plus email, phone or organisation: importing them again updates them. A person with neither an email nor an organisation would be added again (those rows are in the -no-match file).',
    'Notes and activities are added, never merged: importing the same rows twice gives every note and activity twice.',
  ],
  readme: 'README-pipedrive.txt',
};

// ---------------------------------------------------------------------------------------------
// Generic

const GENERIC_SOURCE: RuleSource = {
  page: 'RFC 3339 (ISO 8601 profile for Internet timestamps); Margin\'s own limit for a spreadsheet-sized part',
  url: 'https://www.rfc-editor.org/rfc/rfc3339',
  formats: `${FORMATS_IMPORTERS} (Times, Size)`,
};
const genericFiles = ['contacts.csv', 'interactions.csv', 'tasks.csv'] as const;

export const GENERIC: CsvTarget = {
  id: 'generic',
  label: 'Generic CSV',
  files: [
    {
      file: 'contacts.csv',
      rows: ['contacts'],
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
      rows: ['interactions'],
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
    {
      file: 'tasks.csv',
      rows: ['tasks'],
      columns: [
        { header: 'id', field: 'task.id' },
        { header: 'contact_id', field: 'contact.id' },
        { header: 'contact_email', field: 'contact.email' },
        { header: 'title', field: 'task.title' },
        { header: 'due', field: 'task.due' },
        { header: 'created_at', field: 'task.createdAt' },
      ],
    },
  ],
  rules: [
    // Excel's sheet holds 1,048,576 rows: a part stays within one sheet.
    ...genericFiles.map((file): CrmRule => ({ kind: 'file-limit', file, maxRows: 1_048_575, maxBytes: 500_000_000, source: GENERIC_SOURCE })),
    ...(
      [
        ['contacts.csv', 'created_at'],
        ['contacts.csv', 'updated_at'],
        ['interactions.csv', 'at'],
        ['interactions.csv', 'created_at'],
        ['interactions.csv', 'updated_at'],
        ['tasks.csv', 'due'],
        ['tasks.csv', 'created_at'],
      ] as const
    ).map(([file, column]): CrmRule => ({ kind: 'time-format', file, column, format: 'iso-8601-utc', source: GENERIC_SOURCE })),
  ],
  steps: ['Every contact, interaction and open follow-up, one table per file; times are ISO 8601 in UTC.'],
  reimport: ['Every row carries its Margin id (id, contact_id): use it to update rather than duplicate.'],
  readme: 'README-generic.txt',
};

/** Every CSV target, in the order the dashboard offers them. */
export const CSV_TARGETS: readonly CsvTarget[] = [HUBSPOT, SALESFORCE, PIPEDRIVE, GENERIC];

export function csvTarget(id: CsvTargetId): CsvTarget {
  const target = CSV_TARGETS.find((candidate) => candidate.id === id);
  if (!target) throw new Error(`No CSV target ${id}`);
  return target;
}

/** The rules of one file, by kind. */
export function rulesOf<K extends CrmRule['kind']>(target: CsvTarget, file: string, kind: K): Array<Extract<CrmRule, { kind: K }>> {
  return target.rules.filter((rule): rule is Extract<CrmRule, { kind: K }> => rule.kind === kind && rule.file === file);
}
