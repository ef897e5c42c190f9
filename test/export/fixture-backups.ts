import type { Contact, Interaction } from '../../src/model/schemas';
import { BACKUP_FORMAT, BACKUP_VERSION, emptyBackupTables, type Backup } from '../../src/export/backup-schema';

/**
 * The two reps' backups behind test/fixtures/exports/*.json and the golden files: overlapping
 * people, spreadsheet formulas planted in names and notes, non-ASCII text, commas, quotes and line
 * breaks in cells. `npx tsx test/export/write-fixtures.ts` writes them out.
 */
const T = Date.UTC(2026, 4, 4, 9, 0); // Mon 4 May 2026 09:00 UTC
const H = 3_600_000;
const D = 24 * H;

function contact(fields: Partial<Contact> & Pick<Contact, 'id' | 'name'>): Contact {
  return { emails: [], linkedinIds: [], stage: 'Awareness', tags: [], customFields: {}, createdAt: T - 90 * D, updatedAt: T - D, ...fields };
}

function interaction(fields: Partial<Interaction> & Pick<Interaction, 'id' | 'contactId' | 'kind' | 'at'>): Interaction {
  return { source: { site: 'margin' }, createdAt: fields.at, updatedAt: fields.at, ...fields };
}

export function aliceBackup(): Backup {
  const tables = emptyBackupTables();
  tables.contacts = [
    contact({
      id: 'c-0001',
      name: 'Priya Raman',
      emails: ['priya.raman@northwind.example'],
      linkedinIds: ['priya-raman-northwind'],
      company: 'Northwind Logistics',
      title: 'VP Operations',
      location: 'Rotterdam, South Holland, Netherlands',
      stage: 'Qualified',
      tags: ['pilot', 'logistics'],
      customFields: { region: 'EMEA', seats: 40 },
      score: 72,
      scoreComputedAt: T,
    }),
    contact({
      id: 'c-0002',
      name: 'Mallory Formula',
      emails: ['mallory@evil.example'],
      company: "=cmd|' /C calc'!A0",
      title: '@SUM(1+1)*cmd|\' /C calc\'!A0',
      tags: ['=HYPERLINK("http://evil.example","Click")'],
      score: 5,
    }),
    contact({
      id: 'c-0003',
      name: 'Zoë Ångström-Łukasiewicz',
      emails: ['zoe@example.org'],
      company: 'Café "Ünïcode", Ltd.',
      title: '+44 lead, "the" boss',
      stage: 'At-Risk',
      previousStage: 'Engaged',
      score: 31,
    }),
    contact({
      id: 'c-0004',
      name: 'Tomás Díaz',
      linkedinIds: ['tomas-diaz', 'ACoAABcdEfGhIjKlMnOp'],
      company: 'Fabrikam',
      stage: 'Delighted',
      score: 88,
    }),
  ];
  tables.interactions = [
    interaction({
      id: 'i-0001',
      contactId: 'c-0001',
      kind: 'note',
      at: T - 10 * D,
      body: 'Pilot scope agreed.\nSecond line, with a comma; and "quotes".',
      sentiment: 'Positive',
      objection: 'Budget is tight until Q3',
      emotion: 'Relieved',
      nextStep: 'Send the ROI summary',
      tags: ['roi'],
      author: 'Alice Chen',
    }),
    interaction({
      id: 'i-0002',
      contactId: 'c-0001',
      kind: 'email-in',
      at: T - 9 * D,
      subject: 'Re: Pilot timeline',
      source: { site: 'gmail', url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgz1', threadId: 'thread-f:1', messageId: '#msg-f:1001' },
      author: 'Alice Chen',
    }),
    interaction({ id: 'i-0003', contactId: 'c-0001', kind: 'meeting', at: T - 8 * D, body: '-10% discount asked', sentiment: 'Neutral', author: 'Alice Chen' }),
    interaction({ id: 'i-0004', contactId: 'c-0002', kind: 'note', at: T - 7 * D, body: '@SUM(A1:A9)', sentiment: 'Negative', author: 'Alice Chen' }),
    interaction({ id: 'i-0005', contactId: 'c-0003', kind: 'call', at: T - 6 * D, body: '\tTabbed start\r\nand a CRLF', sentiment: 'Concerned', author: 'Alice Chen' }),
    interaction({
      id: 'i-0006',
      contactId: 'c-0003',
      kind: 'stage-change',
      at: T - 5 * D,
      stageChange: { from: 'Engaged', to: 'At-Risk', reason: 'Silent 41 days; usually replies every 9' },
      author: 'Alice Chen',
    }),
    interaction({
      id: 'i-0007',
      contactId: 'c-0004',
      kind: 'linkedin-message-in',
      at: T - 4 * D,
      source: { site: 'linkedin', url: 'https://www.linkedin.com/messaging/thread/2-abc/' },
      author: 'Alice Chen',
    }),
    interaction({ id: 'i-0008', contactId: 'c-0004', kind: 'note', at: T - 3 * D, body: '=1+1\nsecond line', sentiment: 'Positive', author: 'Alice Chen' }),
  ];
  tables.tasks = [
    { id: 't-0001', contactId: 'c-0001', due: T + 2 * D, title: 'Send the ROI summary', status: 'open', fromInteractionId: 'i-0001', createdAt: T - 10 * D, updatedAt: T - 10 * D },
  ];
  tables.settings = [{ key: 'user.name', value: 'Alice Chen' }];
  tables.drafts = [{ key: 'email:zoe@example.org', noteId: 'n-draft-1', body: 'Half-written apology', updatedAt: T - D }];
  tables.suggestions = [
    {
      id: 's-0001',
      contactId: 'c-0003',
      from: 'Engaged',
      to: 'At-Risk',
      rule: 'at-risk-silence',
      reason: 'Silent 41 days; usually replies every 9',
      basisAt: T - 6 * D,
      status: 'accepted',
      createdAt: T - 5 * D,
      decidedAt: T - 5 * D,
    },
  ];
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, schemaVersion: 2, exportedAt: T, tables };
}

export function bobBackup(): Backup {
  const tables = emptyBackupTables();
  tables.contacts = [
    contact({
      id: 'b-0001',
      name: 'Priya R.',
      emails: ['priya.raman@northwind.example', 'priya@personal.example'],
      tags: ['security'],
      stage: 'Engaged',
      updatedAt: T - 20 * D,
    }),
    contact({ id: 'b-0002', name: 'Dana Lee', emails: ['dana@lee.example'], company: 'Lee & Sons', stage: 'Engaged', score: 40 }),
  ];
  tables.interactions = [
    interaction({ id: 'j-0001', contactId: 'b-0001', kind: 'note', at: T - 2 * D, body: 'Security review passed', sentiment: 'Positive' }),
    interaction({
      id: 'j-0002',
      contactId: 'b-0001',
      kind: 'email-in',
      at: T - 9 * D,
      subject: 'Re: Pilot timeline',
      source: { site: 'gmail', messageId: '#msg-f:1001' },
    }),
    interaction({ id: 'j-0003', contactId: 'b-0002', kind: 'note', at: T - D, body: 'Intro call; wants pricing', author: 'Bob O. (manager)' }),
  ];
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, schemaVersion: 2, exportedAt: T, exportedBy: 'Bob Okafor', tables };
}
