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
const duplicateFirst = (table: string) => (_: Json, tables: Tables) => tables[table]!.push({ ...first(tables, table) });

/** Priya's CRM id in Pipedrive, as the live sync stores it. */
function crmLink(fields: Json = {}): Json {
  return { key: 'pipedrive:contact:c-0001', crm: 'pipedrive', entity: 'contact', localId: 'c-0001', contactId: 'c-0001', crmId: '77', syncedAt: 1, ...fields };
}

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level += 1) value = [value];
  return value;
}

export const BAD_BACKUP_FILES: Record<string, { text: string; says: string }> = {
  'long-name-backup.json': {
    text: changed((_, t) => (first(t, 'contacts').name = 'N'.repeat(600))),
    says: 'contacts row 1 \\(id "c-0001"\\): the name is 600 characters long; at most 500.*\\$\\.tables\\.contacts\\[0\\]\\.name',
  },
  'long-company-backup.json': {
    text: changed((_, t) => (first(t, 'contacts').company = 'C'.repeat(2_500))),
    says: 'the company is 2,500 characters long.*\\$\\.tables\\.contacts\\[0\\]\\.company',
  },
  'long-tag-backup.json': {
    text: changed((_, t) => ((first(t, 'contacts').tags as string[])[1] = 't'.repeat(150))),
    says: 'the tags, item 2 is 150 characters long.*\\$\\.tables\\.contacts\\[0\\]\\.tags\\[1\\]',
  },
  'long-email-backup.json': {
    text: changed((_, t) => ((first(t, 'contacts').emails as string[])[0] = `${'e'.repeat(400)}@x.example`)),
    says: 'the emails, item 1 is 410 characters long.*\\$\\.tables\\.contacts\\[0\\]\\.emails\\[0\\]',
  },
  'far-future-time-backup.json': {
    text: changed((_, t) => (first(t, 'interactions').at = 9e15)),
    says: 'interactions row 1 \\(id "i-0001"\\): the time is after the year 9999.*\\$\\.tables\\.interactions\\[0\\]\\.at',
  },
  'negative-time-backup.json': {
    text: changed((_, t) => (first(t, 'contacts').createdAt = -5)),
    says: 'the creation time is -5; it cannot be below 0.*\\$\\.tables\\.contacts\\[0\\]\\.createdAt',
  },
  'fractional-time-backup.json': {
    text: changed((_, t) => (first(t, 'tasks').due = 1.5)),
    says: 'the due date is 1.5; it should be a whole number.*\\$\\.tables\\.tasks\\[0\\]\\.due',
  },
  'text-time-backup.json': {
    text: changed((_, t) => (first(t, 'contacts').updatedAt = '2026-05-01')),
    says: 'the last-change time is text; it should be a number.*\\$\\.tables\\.contacts\\[0\\]\\.updatedAt',
  },
  'score-too-high-backup.json': {
    text: changed((_, t) => (first(t, 'contacts').score = 150)),
    says: 'the score is 150; it can be at most 100.*\\$\\.tables\\.contacts\\[0\\]\\.score',
  },
  'unknown-sentiment-backup.json': {
    text: changed((_, t) => (first(t, 'interactions').sentiment = 'Angry')),
    says: 'the sentiment is “Angry”; it should be one of “Positive”.*\\$\\.tables\\.interactions\\[0\\]\\.sentiment',
  },
  'unknown-kind-backup.json': {
    text: changed((_, t) => (first(t, 'interactions').kind = 'fax')),
    says: 'the kind is “fax”; it should be one of.*\\$\\.tables\\.interactions\\[0\\]\\.kind',
  },
  'unknown-site-backup.json': {
    text: changed((_, t) => ((first(t, 'interactions').source as Json).site = 'facebook')),
    says: 'the source, “site” is “facebook”.*\\$\\.tables\\.interactions\\[0\\]\\.source\\.site',
  },
  'missing-name-backup.json': {
    text: changed((_, t) => delete first(t, 'contacts').name),
    says: 'contacts row 1 \\(id "c-0001"\\): the name is missing.*\\$\\.tables\\.contacts\\[0\\]\\.name',
  },
  'emails-not-a-list-backup.json': {
    text: changed((_, t) => (first(t, 'contacts').emails = 'priya@x.example')),
    says: 'the emails is text; it should be a list.*\\$\\.tables\\.contacts\\[0\\]\\.emails',
  },
  'empty-id-backup.json': {
    text: changed((_, t) => (first(t, 'tasks').id = '')),
    says: 'tasks row 1: the id is empty.*\\$\\.tables\\.tasks\\[0\\]\\.id',
  },
  'long-id-backup.json': {
    text: changed((_, t) => (first(t, 'suggestions').id = 's'.repeat(65))),
    says: 'the id is 65 characters long; at most 64.*\\$\\.tables\\.suggestions\\[0\\]\\.id',
  },
  'unknown-task-status-backup.json': {
    text: changed((_, t) => (first(t, 'tasks').status = 'maybe')),
    says: 'the status is “maybe”.*\\$\\.tables\\.tasks\\[0\\]\\.status',
  },
  'custom-field-object-backup.json': {
    text: changed((_, t) => ((first(t, 'contacts').customFields as Json).region = { nested: true })),
    says: 'the custom fields, “region” is an object, which this field cannot hold.*\\$\\.tables\\.contacts\\[0\\]\\.customFields\\.region',
  },
  'custom-fields-list-backup.json': {
    text: changed((_, t) => (first(t, 'contacts').customFields = ['EMEA'])),
    says: 'the custom fields should be an object of named values.*\\$\\.tables\\.contacts\\[0\\]\\.customFields',
  },
  'long-template-answer-backup.json': {
    text: changed((_, t) => (first(t, 'interactions').templateFields = { Budget: 'b'.repeat(2_001) })),
    says: 'the template fields, “Budget” is 2,001 characters long.*\\$\\.tables\\.interactions\\[0\\]\\.templateFields\\.Budget',
  },
  'long-draft-backup.json': {
    text: changed((_, t) => (first(t, 'drafts').body = 'd'.repeat(100_001))),
    says: 'drafts row 1 \\(key "email:zoe@example.org"\\): the body is 100,001 characters long.*\\$\\.tables\\.drafts\\[0\\]\\.body',
  },
  'deep-setting-backup.json': {
    text: changed((_, t) => (first(t, 'settings').value = nested(2_000))),
    says: 'settings row 1 \\(key "user.name"\\): the value is nested more than 16 levels deep.*\\$\\.tables\\.settings\\[0\\]\\.value',
  },
  'empty-setting-key-backup.json': {
    text: changed((_, t) => (first(t, 'settings').key = '')),
    says: 'settings row 1: the key is empty.*\\$\\.tables\\.settings\\[0\\]\\.key',
  },
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
  'duplicate-contact-backup.json': {
    text: changed(duplicateFirst('contacts')),
    says: 'Two contacts have the id "c-0001" \\(rows 1 and 5 of contacts\\).*\\$\\.tables\\.contacts\\[4\\]\\.id',
  },
  'duplicate-interaction-backup.json': {
    text: changed(duplicateFirst('interactions')),
    says: 'Two interactions have the id "i-0001" \\(rows 1 and 9 of interactions\\).*\\$\\.tables\\.interactions\\[8\\]\\.id',
  },
  'duplicate-task-backup.json': {
    text: changed(duplicateFirst('tasks')),
    says: 'Two follow-ups have the id "t-0001".*\\$\\.tables\\.tasks\\[1\\]\\.id',
  },
  'duplicate-setting-backup.json': {
    text: changed(duplicateFirst('settings')),
    says: 'Two settings have the key "user.name".*\\$\\.tables\\.settings\\[1\\]\\.key',
  },
  'duplicate-draft-backup.json': {
    text: changed(duplicateFirst('drafts')),
    says: 'Two drafts have the key "email:zoe@example.org".*\\$\\.tables\\.drafts\\[1\\]\\.key',
  },
  'duplicate-suggestion-backup.json': {
    text: changed(duplicateFirst('suggestions')),
    says: 'Two suggestions have the id "s-0001".*\\$\\.tables\\.suggestions\\[1\\]\\.id',
  },
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

export const BAD_CSV_FILES: Record<string, { text: string; says: string }> = {
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
