/**
 * Export throughput and peak memory at 100,000 contacts / 1,000,000 interactions:
 *
 *   npm run bench:export                 # every format, 1,000,000 interactions
 *   npm run bench:export -- --interactions 200000 --contacts 20000
 *
 * Rows are generated a page at a time (deterministic, realistic lengths, formula-leading cells
 * included) and run through the very export code the dashboard and the team command use: the
 * mappings, field values, Papa Parse with formula escaping, the backup writer. The output is
 * counted and thrown away (bench-output/ holds nothing large), so the numbers are the export
 * pipeline's own. Peak memory is the largest RSS and heap seen between pages: flat numbers
 * mean the export streams instead of holding the file.
 */
import { parseArgs } from 'node:util';
import type { Contact, Interaction, Sentiment, Task } from '../src/model/schemas';
import { SENTIMENTS, STAGES } from '../src/model/schemas';
import type { BackupTable, BackupTables } from '../src/export/backup-schema';
import { CSV_TARGETS } from '../src/export/crm-mappings';
import { exportBackup } from '../src/export/export-backup';
import { exportCsv } from '../src/export/export-csv';
import type { ExportSink } from '../src/export/export-sink';
import { EXPORT_PAGE_SIZE, type ExportSource } from '../src/export/export-source';

const { values } = parseArgs({
  options: {
    contacts: { type: 'string', default: '100000' },
    interactions: { type: 'string', default: '1000000' },
  },
});
const CONTACTS = Number(values.contacts);
const INTERACTIONS = Number(values.interactions);
const T0 = Date.UTC(2026, 0, 1);
const KINDS = ['note', 'email-in', 'email-out', 'meeting', 'call', 'linkedin-message-in'] as const;

const contactId = (index: number) => `c-${String(index).padStart(7, '0')}`;
function contactAt(index: number): Contact {
  return {
    id: contactId(index),
    name: `Person ${index} Example-Name`,
    emails: [`person${index}@company${index % 5000}.example`],
    linkedinIds: index % 3 === 0 ? [`person-${index}`] : [],
    company: index % 97 === 0 ? `=HYPERLINK("x","Company ${index}")` : `Company ${index % 5000} Ltd.`,
    title: 'Head of Operations, EMEA',
    stage: STAGES[index % STAGES.length]!,
    tags: ['pilot', `cohort-${index % 12}`],
    customFields: {},
    score: index % 101,
    createdAt: T0,
    updatedAt: T0 + index,
  };
}
function interactionAt(index: number): Interaction {
  const kind = KINDS[index % KINDS.length]!;
  return {
    id: `i-${String(index).padStart(8, '0')}`,
    contactId: contactId(index % CONTACTS),
    at: T0 + index * 1000,
    kind,
    ...(index % 4 === 0 ? { sentiment: SENTIMENTS[index % SENTIMENTS.length] as Sentiment } : {}),
    ...(kind === 'note' || kind === 'meeting' || kind === 'call'
      ? {
          body: `Discussed the rollout for team ${index % 40}; they asked about pricing, security review and the timeline.\nFollow up next week.`,
          objection: index % 5 === 0 ? 'Budget' : undefined,
          nextStep: '-send the proposal',
        }
      : { subject: `Re: Proposal ${index % 1000}` }),
    author: 'Bench Rep',
    source: { site: 'gmail', messageId: `#msg-f:${index}` },
    createdAt: T0 + index * 1000,
    updatedAt: T0 + index * 1000,
  } as Interaction;
}

/** One open follow-up for every tenth person. */
const TASKS = Math.floor(CONTACTS / 10);
function taskAt(index: number): Task {
  return {
    id: `t-${String(index).padStart(7, '0')}`,
    contactId: contactId(index * 10),
    due: T0 + index * 60_000,
    title: `Send the proposal to team ${index % 40}`,
    status: 'open',
    createdAt: T0 + index,
    updatedAt: T0 + index,
  };
}

async function* generate<Row>(count: number, make: (index: number) => Row): AsyncIterable<Row[]> {
  for (let start = 0; start < count; start += EXPORT_PAGE_SIZE) {
    const page: Row[] = [];
    for (let index = start; index < Math.min(count, start + EXPORT_PAGE_SIZE); index += 1) page.push(make(index));
    yield page;
  }
}

const source: ExportSource = {
  countContacts: async () => CONTACTS,
  countInteractions: async () => INTERACTIONS,
  contactPages: () => generate(CONTACTS, contactAt),
  interactionPages: () => generate(INTERACTIONS, interactionAt),
  openTaskPages: () => generate(TASKS, taskAt),
  contactsByIds: async (ids) => new Map(ids.map((id) => [id, contactAt(Number(id.slice(2)))])),
  lastSentiments: async (ids) => new Map(ids.map((id) => [id, SENTIMENTS[Number(id.slice(2)) % 4]!])),
  tablePages: <T extends BackupTable>(table: T) =>
    (table === 'contacts'
      ? generate(CONTACTS, contactAt)
      : table === 'interactions'
        ? generate(INTERACTIONS, interactionAt)
        : generate(0, () => null)) as AsyncIterable<BackupTables[T]>,
  countTable: async (table) => (table === 'contacts' ? CONTACTS : table === 'interactions' ? INTERACTIONS : 0),
};

function countingSink(): ExportSink & { bytes: number } {
  const sink = {
    bytes: 0,
    openFile: () => ({
      write: (chunk: string) => {
        sink.bytes += Buffer.byteLength(chunk);
      },
      close: () => undefined,
    }),
    rename: () => undefined,
  };
  return sink;
}

interface Peak {
  rss: number;
  heap: number;
}
function sampler(): { peak: Peak; sample: () => void } {
  const peak = { rss: 0, heap: 0 };
  return {
    peak,
    sample: () => {
      const usage = process.memoryUsage();
      peak.rss = Math.max(peak.rss, usage.rss);
      peak.heap = Math.max(peak.heap, usage.heapUsed);
    },
  };
}

const MB = 1024 * 1024;
async function run(label: string, job: (sink: ExportSink, onProgress: () => void) => Promise<unknown>) {
  globalThis.gc?.();
  const sink = countingSink();
  const memory = sampler();
  memory.sample();
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  await job(sink, memory.sample);
  const seconds = (performance.now() - started) / 1000;
  // CPU time is what the export itself costs; wall time also counts waiting for a busy machine.
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  memory.sample();
  const rows = CONTACTS + INTERACTIONS;
  console.log(
    `${label.padEnd(12)} ${seconds.toFixed(1).padStart(6)} s (CPU ${cpuSeconds.toFixed(1)} s)  ${Math.round(INTERACTIONS / seconds).toLocaleString('en').padStart(9)} interactions/s  ` +
      `${(sink.bytes / MB).toFixed(0).padStart(5)} MB written  peak RSS ${(memory.peak.rss / MB).toFixed(0)} MB, heap ${(memory.peak.heap / MB).toFixed(0)} MB  (${rows.toLocaleString('en')} rows read)`,
  );
}

console.log(`Export of ${CONTACTS.toLocaleString('en')} contacts and ${INTERACTIONS.toLocaleString('en')} interactions (Node ${process.version})`);
for (const target of CSV_TARGETS) {
  await run(target.label, (sink, onProgress) => exportCsv({ target, source, sink, onProgress }));
}
await run('Backup JSON', (sink, onProgress) => exportBackup({ source, sink, schemaVersion: 2, exportedAt: T0, onProgress }));
