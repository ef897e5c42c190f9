import { aliceBackup } from '../export/fixture-backups';

/**
 * The bad-file corpus: files a user may pick that Margin must refuse, each with what the message
 * must say and where (a JSON path, a line, a row). `npx tsx test/export/write-fixtures.ts` writes
 * them to test/fixtures/exports/bad with expected.json; the unit test and the dashboard e2e read
 * them from there.
 */
type Json = Record<string, unknown>;
type Tables = Record<string, Json[]>;

function alice(): Json {
  return JSON.parse(JSON.stringify(aliceBackup())) as Json;
}

/** Alice's backup with one change made to it, written as the export writes it (2-space JSON). */
function changed(change: (backup: Json, tables: Tables) => void): string {
  const backup = alice();
  change(backup, backup.tables as Tables);
  return `${JSON.stringify(backup, null, 2)}\n`;
}

const first = (tables: Tables, table: string): Json => tables[table]![0]!;

type BadFile = { text: string; says: string };

/** A regular expression's text for the JSON path the message must end with. */
const at = (path: string): string => `.*${path.replace(/[$.[\]]/g, (character) => `\\${character}`)}`;

/** The first row of `table` with `field` set to `value`: the message says `says`, then the field's path. */
function firstRow(table: string, field: string, value: unknown, says: string): BadFile {
  return { text: changed((_, t) => (first(t, table)[field] = value)), says: `${says}${at(`$.tables.${table}[0].${field}`)}` };
}

/** `table`'s first row again at its end (row `copyIndex`): the message says `says`, then the copy's `key`. */
function duplicateFirstRow(table: string, key: string, copyIndex: number, says: string): BadFile {
  return {
    text: changed((_, t) => t[table]!.push({ ...first(t, table) })),
    says: `${says}${at(`$.tables.${table}[${copyIndex}].${key}`)}`,
  };
}

/** Priya's CRM id in Pipedrive, as the live sync stores it. */
function crmLink(fields: Json = {}): Json {
  return { key: 'pipedrive:contact:c-0001', crm: 'pipedrive', entity: 'contact', localId: 'c-0001', contactId: 'c-0001', crmId: '77', syncedAt: 1, ...fields };
}

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level += 1) value = [value];
  return value;
}

export const BAD_BACKUP_FILES: Record<string, BadFile> = {
  'long-name-backup.json': firstRow(
    'contacts', 'name', 'N'.repeat(600),
    'contacts row 1 \\(id "c-0001"\\): the name is 600 characters long; at most 500',
  ),
  'long-company-backup.json': firstRow('contacts', 'company', 'C'.repeat(2_500), 'the company is 2,500 characters long'),
  'long-tag-backup.json': {
    text: changed((_, t) => ((first(t, 'contacts').tags as string[])[1] = 't'.repeat(150))),
    says: 'the tags, item 2 is 150 characters long.*\\$\\.tables\\.contacts\\[0\\]\\.tags\\[1\\]',
  },
  'long-email-backup.json': {
    text: changed((_, t) => ((first(t, 'contacts').emails as string[])[0] = `${'e'.repeat(400)}@x.example`)),
    says: 'the emails, item 1 is 410 characters long.*\\$\\.tables\\.contacts\\[0\\]\\.emails\\[0\\]',
  },
  'far-future-time-backup.json': firstRow(
    'interactions', 'at', 9e15,
    'interactions row 1 \\(id "i-0001"\\): the time is after the year 9999',
  ),
  'negative-time-backup.json': firstRow('contacts', 'createdAt', -5, 'the creation time is -5; it cannot be below 0'),
  'fractional-time-backup.json': firstRow('tasks', 'due', 1.5, 'the due date is 1.5; it should be a whole number'),
  'text-time-backup.json': firstRow('contacts', 'updatedAt', '2026-05-01', 'the last-change time is text; it should be a number'),
  'score-too-high-backup.json': firstRow('contacts', 'score', 150, 'the score is 150; it can be at most 100'),
  'unknown-sentiment-backup.json': firstRow(
    'interactions', 'sentiment', 'Angry',
    'the sentiment is “Angry”; it should be one of “Positive”',
  ),
  'unknown-kind-backup.json': firstRow('interactions', 'kind', 'fax', 'the kind is “fax”; it should be one of'),
  'unknown-site-backup.json': {
    text: changed((_, t) => ((first(t, 'interactions').source as Json).site = 'facebook')),
    says: 'the source, “site” is “facebook”.*\\$\\.tables\\.interactions\\[0\\]\\.source\\.site',
  },
  'missing-name-backup.json': {
    text: changed((_, t) => delete first(t, 'contacts').name),
    says: 'contacts row 1 \\(id "c-0001"\\): the name is missing.*\\$\\.tables\\.contacts\\[0\\]\\.name',
  },
  'emails-not-a-list-backup.json': firstRow('contacts', 'emails', 'priya@x.example', 'the emails is text; it should be a list'),
  'empty-id-backup.json': firstRow('tasks', 'id', '', 'tasks row 1: the id is empty'),
  'long-id-backup.json': firstRow('suggestions', 'id', 's'.repeat(65), 'the id is 65 characters long; at most 64'),
  'unknown-task-status-backup.json': firstRow('tasks', 'status', 'maybe', 'the status is “maybe”'),
  'custom-field-object-backup.json': {
    text: changed((_, t) => ((first(t, 'contacts').customFields as Json).region = { nested: true })),
    says: 'the custom fields, “region” is an object, which this field cannot hold.*\\$\\.tables\\.contacts\\[0\\]\\.customFields\\.region',
  },
  'custom-fields-list-backup.json': firstRow('contacts', 'customFields', ['EMEA'], 'the custom fields should be an object of named values'),
  'long-template-answer-backup.json': {
    text: changed((_, t) => (first(t, 'interactions').templateFields = { Budget: 'b'.repeat(2_001) })),
    says: 'the template fields, “Budget” is 2,001 characters long.*\\$\\.tables\\.interactions\\[0\\]\\.templateFields\\.Budget',
  },
  'long-draft-backup.json': firstRow(
    'drafts', 'body', 'd'.repeat(100_001),
    'drafts row 1 \\(key "email:zoe@example.org"\\): the body is 100,001 characters long',
  ),
  'deep-setting-backup.json': firstRow(
    'settings', 'value', nested(2_000),
    'settings row 1 \\(key "user.name"\\): the value is nested more than 16 levels deep',
  ),
  'empty-setting-key-backup.json': firstRow('settings', 'key', '', 'settings row 1: the key is empty'),
  'unknown-undo-kind-backup.json': {
    text: changed((_, t) =>
      t.undo!.push({
        id: 'u-1',
        kind: 'rename-contact',
        label: 'x',
        before: { contacts: [], interactions: [], tasks: [] },
        createdIds: { contacts: [], interactions: [], tasks: [] },
        createdAt: 1,
      }),
    ),
    says: 'undo row 1 \\(id "u-1"\\): the kind is “rename-contact”.*\\$\\.tables\\.undo\\[0\\]\\.kind',
  },
  'bad-stage-change-backup.json': {
    text: changed((_, t) => (first(t, 'interactions').stageChange = { to: 'Won' })),
    says: 'the stageChange, “to” is “Won”.*\\$\\.tables\\.interactions\\[0\\]\\.stageChange\\.to',
  },
  'duplicate-contact-backup.json': duplicateFirstRow(
    'contacts', 'id', 4,
    'Two contacts have the id "c-0001" \\(rows 1 and 5 of contacts\\)',
  ),
  'duplicate-interaction-backup.json': duplicateFirstRow(
    'interactions', 'id', 8,
    'Two interactions have the id "i-0001" \\(rows 1 and 9 of interactions\\)',
  ),
  'duplicate-task-backup.json': duplicateFirstRow('tasks', 'id', 1, 'Two follow-ups have the id "t-0001"'),
  'duplicate-setting-backup.json': duplicateFirstRow('settings', 'key', 1, 'Two settings have the key "user.name"'),
  'duplicate-draft-backup.json': duplicateFirstRow('drafts', 'key', 1, 'Two drafts have the key "email:zoe@example.org"'),
  'duplicate-suggestion-backup.json': duplicateFirstRow('suggestions', 'id', 1, 'Two suggestions have the id "s-0001"'),
  'duplicate-undo-backup.json': {
    text: changed((_, t) => {
      const step = {
        id: 'u-1',
        kind: 'delete-interaction',
        label: 'Deleted a note',
        before: { contacts: [], interactions: [], tasks: [] },
        createdIds: { contacts: [], interactions: [], tasks: [] },
        createdAt: 1,
      };
      t.undo!.push(step, { ...step });
    }),
    says: 'Two undo steps have the id "u-1".*\\$\\.tables\\.undo\\[1\\]\\.id',
  },
  'dangling-task-backup.json': {
    text: changed((_, t) => (first(t, 'tasks').contactId = 'c-4040')),
    says: 'c-4040.*\\$\\.tables\\.tasks\\[0\\]\\.contactId',
  },
  'dangling-suggestion-backup.json': {
    text: changed((_, t) => (first(t, 'suggestions').contactId = 'c-4041')),
    says: 'c-4041.*\\$\\.tables\\.suggestions\\[0\\]\\.contactId',
  },
  'no-tables-backup.json': {
    text: changed((backup) => delete backup.tables),
    says: 'the tables is missing.*at \\$\\.tables',
  },
  'contacts-not-a-list-backup.json': {
    text: changed((backup) => ((backup.tables as Json).contacts = {})),
    says: 'the tables, “contacts” is an object; it should be a list.*\\$\\.tables\\.contacts',
  },
  'version-as-text-backup.json': {
    text: changed((backup) => (backup.version = '1')),
    says: 'no version number.*\\$\\.version',
  },
  'version-zero-backup.json': {
    text: changed((backup) => (backup.version = 0)),
    says: 'version 0 is not one Margin ever wrote.*\\$\\.version',
  },
  'negative-exported-at-backup.json': {
    text: changed((backup) => (backup.exportedAt = -1)),
    says: 'the exportedAt is -1; it cannot be below 0.*\\$\\.exportedAt',
  },
  'long-crm-id-backup.json': {
    text: changed((_, t) => t.crmLinks!.push(crmLink({ crmId: '9'.repeat(101) }))),
    says: 'crmLinks row 1 \\(key "pipedrive:contact:c-0001"\\): the CRM id is 101 characters long; at most 100.*\\$\\.tables\\.crmLinks\\[0\\]\\.crmId',
  },
  'far-future-crm-sync-time-backup.json': {
    text: changed((_, t) => t.crmLinks!.push(crmLink({ syncedAt: 9e15 }))),
    says: 'crmLinks row 1 \\(key "pipedrive:contact:c-0001"\\): the sync time is after the year 9999.*\\$\\.tables\\.crmLinks\\[0\\]\\.syncedAt',
  },
  'duplicate-crm-id-backup.json': {
    text: changed((_, t) => t.crmLinks!.push(crmLink(), crmLink({ crmId: '78' }))),
    says: 'Two CRM ids have the key "pipedrive:contact:c-0001" \\(rows 1 and 2 of crmLinks\\).*\\$\\.tables\\.crmLinks\\[1\\]\\.key',
  },
  'misnamed-crm-id-backup.json': {
    text: changed((_, t) => t.crmLinks!.push(crmLink({ key: 'pipedrive:contact:someone-else' }))),
    says: 'A CRM id\'s key "pipedrive:contact:someone-else" does not name its CRM, kind and row.*\\$\\.tables\\.crmLinks\\[0\\]\\.key',
  },
  'empty-backup.json': { text: '   \n', says: 'The file is empty.*character 1' },
  'list-not-object-backup.json': { text: '[1, 2, 3]\n', says: 'holds no JSON object.*at \\$' },
  'stray-comma-backup.json': {
    text: changed(() => undefined).replace('"Alice Chen"', '"Alice Chen",'),
    says: 'not valid JSON.*line \\d+, column \\d+',
  },
};

export const BAD_CSV_FILES: Record<string, BadFile> = {
  'no-header-contacts.csv': { text: ',,,\r\n', says: 'no header row.*row 1' },
  'too-many-fields-contacts.csv': {
    text: 'Name,Email\r\nAda Lovelace,ada@example.com\r\nGrace Hopper,grace@example.com,Navy,1906\r\n',
    says: 'A row has 4 fields but the header names 2 columns.*row 3',
  },
  'stray-quote-contacts.csv': {
    text: 'Name,Email\r\n"Ada" Lovelace,ada@example.com\r\n',
    says: 'quoting is broken.*row 2, line 2',
  },
};
