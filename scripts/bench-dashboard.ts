/**
 * The dashboard's Contacts and Weekly review queries at 100,000 contacts / 1,000,000 interactions:
 *
 *   npm run bench:dashboard
 *   npm run bench:dashboard -- --contacts 20000 --interactions 200000
 *
 * Runs in Node on fake-indexeddb (an in-memory IndexedDB written in JavaScript, much slower than
 * Chromium's), so absolute times say little; the point is the ratio to a plain full read of the
 * interactions table measured in the same run, which is what opening the dashboard used to cost.
 * Contacts are stored as the score recompute leaves them: their last touch, last sentiment and
 * surge cached on the row.
 */
import 'fake-indexeddb/auto';
import { parseArgs } from 'node:util';
import { idsKey, readUncachedActivity, searchNoteText, uncachedIds } from '../src/dashboard/contact-activity';
import { CONTACTS_PAGE_SIZE, DEFAULT_CONTACT_QUERY, queryContacts } from '../src/dashboard/contacts/contact-query';
import { readReview, surgeCandidates, weeklyReview } from '../src/dashboard/review/weekly-review';
import { createDb } from '../src/db/database';
import type { Contact, Interaction, StageSuggestion, Task } from '../src/model/schemas';
import { SENTIMENTS, STAGES } from '../src/model/schemas';
import { contactActivity } from '../src/metrics/contact-activity';

const { values } = parseArgs({
  options: {
    contacts: { type: 'string', default: '100000' },
    interactions: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '3' },
  },
});
const CONTACTS = Number(values.contacts);
const INTERACTIONS = Number(values.interactions);
const RUNS = Number(values.runs);
const PER_CONTACT = Math.max(1, Math.round(INTERACTIONS / CONTACTS));
const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 4, 20, 12);
const KINDS = ['note', 'email-in', 'email-out', 'meeting', 'call', 'linkedin-message-in'] as const;
const BATCH = 1_000;

const contactId = (index: number) => `c-${String(index).padStart(7, '0')}`;

/** Person `index`'s interactions: spread over a year; 1 in 100 people has a busy last week. */
function interactionsOf(index: number): Interaction[] {
  const rows: Interaction[] = [];
  const surging = index % 100 === 0;
  for (let n = 0; n < PER_CONTACT; n += 1) {
    const serial = index * PER_CONTACT + n;
    const kind = KINDS[serial % KINDS.length]!;
    const daysAgo = surging && n < 4 ? n + 0.5 : ((serial * 7919) % 365) + (index % 17) / 17;
    const at = Math.round(NOW - daysAgo * DAY);
    rows.push({
      id: `i-${String(serial).padStart(8, '0')}`,
      contactId: contactId(index),
      at,
      kind,
      ...(serial % 4 === 0 ? { sentiment: SENTIMENTS[(serial / 4) % SENTIMENTS.length] } : {}),
      ...(kind === 'note'
        ? {
            body: `Discussed the rollout for team ${serial % 40}; they asked about pricing, security review and the timeline.`,
            nextStep: 'Send the proposal',
          }
        : { subject: `Re: Proposal ${serial % 1000}` }),
      source: { site: 'gmail', messageId: `msg-f:${serial}` },
      createdAt: at,
      updatedAt: at,
    } as Interaction);
  }
  return rows;
}

function contactAt(index: number, interactions: readonly Interaction[]): Contact {
  return {
    id: contactId(index),
    name: `Person ${index} Example-Name`,
    emails: [`person${index}@company${index % 5000}.example`],
    linkedinIds: index % 3 === 0 ? [`person-${index}`] : [],
    company: `Company ${index % 5000} Ltd.`,
    stage: STAGES[index % STAGES.length]!,
    tags: [`cohort-${index % 12}`],
    customFields: {},
    score: index % 101,
    scoreComputedAt: NOW,
    ...contactActivity(interactions, NOW),
    createdAt: NOW - 400 * DAY,
    updatedAt: NOW - (index % 1000) * 60_000,
  };
}

function ms(started: number): number {
  return performance.now() - started;
}

const db = createDb({ name: 'bench-dashboard' });
const seedStarted = performance.now();
for (let start = 0; start < CONTACTS; start += BATCH) {
  const contacts: Contact[] = [];
  const interactions: Interaction[] = [];
  const tasks: Task[] = [];
  const suggestions: StageSuggestion[] = [];
  for (let index = start; index < Math.min(CONTACTS, start + BATCH); index += 1) {
    const rows = interactionsOf(index);
    interactions.push(...rows);
    contacts.push(contactAt(index, rows));
    if (index % 5 === 0) {
      const due = NOW + ((index % 60) - 30) * DAY;
      tasks.push({ id: `t-${index}`, contactId: contactId(index), due, title: 'Follow up', status: index % 10 === 0 ? 'done' : 'open', createdAt: NOW - 40 * DAY, updatedAt: NOW - 40 * DAY });
    }
    if (index % 97 === 0) {
      suggestions.push({ id: `s-${index}`, contactId: contactId(index), from: 'Awareness', to: 'Engaged', rule: 'engaged-two-way', reason: 'Two-way contact', basisAt: NOW - DAY, status: 'open', createdAt: NOW - DAY });
    }
  }
  await db.transaction('rw', [db.contacts, db.interactions, db.tasks, db.suggestions], async () => {
    await Promise.all([db.contacts.bulkAdd(contacts), db.interactions.bulkAdd(interactions), db.tasks.bulkAdd(tasks), db.suggestions.bulkAdd(suggestions)]);
  });
}
const interactionCount = await db.interactions.count();
console.log(
  `Dashboard queries at ${CONTACTS.toLocaleString('en')} contacts / ${interactionCount.toLocaleString('en')} interactions ` +
    `(Node ${process.version}, fake-indexeddb in memory, NOT a browser: compare the ratios, not the times; seeded in ${(ms(seedStarted) / 1000).toFixed(0)} s)`,
);

async function median<T>(job: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const times: number[] = [];
  let result!: T;
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    result = await job();
    times.push(ms(started));
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, result };
}

const rows: Array<{ label: string; ms: number; read: string }> = [];

// The baseline: every interaction read once, a page of 2,000 at a time by primary key (the
// fastest whole-table read, as the export does); the old dashboard did this for each view.
const fullRead = await median(async () => {
  let count = 0;
  let last: string | undefined;
  for (;;) {
    const page = await (last === undefined ? db.interactions.orderBy(':id') : db.interactions.where(':id').above(last)).limit(2_000).toArray();
    count += page.length;
    if (page.length < 2_000) return count;
    last = page.at(-1)!.id;
  }
});
rows.push({ label: 'baseline: plain full read of interactions', ms: fullRead.ms, read: `${fullRead.result.toLocaleString('en')} interactions` });

// The dashboard page reads every contact once (it did before too) and shares them with the views.
const contactsRead = await median(() => db.contacts.toArray());
const contacts = contactsRead.result;
rows.push({ label: "the page's contact list (read before and after)", ms: contactsRead.ms, read: `${contacts.length.toLocaleString('en')} contacts` });

const contactsView = await median(async () => {
  const missing = uncachedIds(contacts);
  const uncached = await readUncachedActivity(db, missing, NOW);
  const shown = queryContacts(contacts, DEFAULT_CONTACT_QUERY, NOW, new Set(), uncached);
  return { missing, listed: shown.slice(0, CONTACTS_PAGE_SIZE).length, key: idsKey(missing) };
});
rows.push({
  label: 'Contacts view: activity, filter, sort, first 100 rows',
  ms: contactsView.ms,
  read: `${contactsView.result.missing.length} interactions`,
});

const filtered = await median(async () =>
  queryContacts(contacts, { ...DEFAULT_CONTACT_QUERY, lastTouch: '30', sentiment: 'Negative', sort: 'lastTouch' }, NOW),
);
rows.push({ label: '  then: touched in 30 days + Negative, by last touch', ms: filtered.ms, read: `0 rows (${filtered.result.length.toLocaleString('en')} match)` });

const common = await median(() => searchNoteText(db, 'pricing'));
rows.push({
  label: '  note search "pricing" (stops at 200 people)',
  ms: common.ms,
  read: `${common.result.notesRead.toLocaleString('en')} notes${common.result.complete ? '' : ', more may exist'}`,
});
const rare = await median(() => searchNoteText(db, 'no such words anywhere'));
rows.push({
  label: '  note search with no match (every note)',
  ms: rare.ms,
  read: `${rare.result.notesRead.toLocaleString('en')} notes, not the other interactions`,
});

const review = await median(async () => {
  const surgeIds = surgeCandidates(contacts);
  const reads = await readReview(db, surgeIds, NOW);
  return { reads, review: weeklyReview({ contacts, reads, now: NOW, untouchedDays: 30 }), surgeIds };
});
const { reads } = review.result;
rows.push({
  label: 'Weekly review (with the page\'s contact list)',
  ms: review.ms,
  read: `${reads.openTasks.length.toLocaleString('en')} tasks, ${reads.openSuggestions.length} suggestions, week of ${review.result.surgeIds.length.toLocaleString('en')} surging people`,
});

const width = Math.max(...rows.map((row) => row.label.length));
console.log(`\n${'query'.padEnd(width)}  ${'median ms'.padStart(10)}  ${'vs full read'.padStart(12)}  rows read`);
for (const row of rows) {
  const ratio = row.ms / fullRead.ms;
  console.log(`${row.label.padEnd(width)}  ${row.ms.toFixed(0).padStart(10)}  ${`${(ratio * 100).toFixed(1)} %`.padStart(12)}  ${row.read}`);
}
const r = review.result.review;
console.log(
  `\nReview: ${r.overdue.length} overdue, ${r.dueThisWeek.length} due this week, ${r.atRisk.length.toLocaleString('en')} At-Risk, ` +
    `${r.surging.length} surging, ${r.untouched.length.toLocaleString('en')} not touched in 30 days. Median of ${RUNS} runs each.`,
);
db.close();
