import Dexie from 'dexie';
import { createDb, type MarginDb } from '../db/database';
import { readBatch, recomputeAllContacts, recomputeContact, RECOMPUTE_BATCH_SIZE } from '../db/recompute-scores';
import type { Contact, Interaction, InteractionKind, Sentiment, Stage } from '../db/schemas';
import { DAY_MS } from '../metrics/engagement-score';

/**
 * The benchmark of `npm run bench`, run in an extension page of a bench build so that it uses
 * Chromium's real IndexedDB (and the very code the extension runs). scripts/bench.ts drives it.
 */

export interface BenchOptions {
  contacts: number;
  interactionsPerContact: number;
  singleContactInteractions: number;
  repeats: number;
}

export interface BenchTiming {
  /** Recomputing scores and suggestions, ms. */
  recomputeMs: number;
  /** Reading the same rows with the same queries and nothing else, ms. */
  plainReadMs: number;
  ratio: number;
}

export interface BenchResult {
  options: BenchOptions;
  userAgent: string;
  seedMs: number;
  everyone: BenchTiming & { contacts: number; interactions: number; scoresChanged: number; suggestionsWritten: number };
  everyoneNextDay: BenchTiming & { scoresChanged: number };
  oneContact: BenchTiming & { interactions: number; recomputeRunsMs: number[]; plainReadRunsMs: number[] };
}

const KINDS: InteractionKind[] = ['email-in', 'email-out', 'email-out', 'email-in', 'note', 'linkedin-view', 'meeting', 'call', 'linkedin-message-in', 'linkedin-message-out'];
const SENTIMENTS: (Sentiment | undefined)[] = [undefined, undefined, 'Positive', 'Neutral', 'Concerned', 'Negative', 'Positive'];
const STAGES: Stage[] = ['Awareness', 'Engaged', 'Qualified', 'Delighted', 'At-Risk'];

/** A small deterministic generator, so every run benchmarks the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function contactRow(index: number, now: number, next: () => number): Contact {
  return {
    id: `c-${index.toString(36).padStart(6, '0')}-${Math.floor(next() * 1e9).toString(36)}`,
    name: `Bench Person ${index}`,
    emails: [`person${index}@bench.example`],
    linkedinIds: [],
    stage: STAGES[Math.floor(next() * STAGES.length)] ?? 'Awareness',
    tags: [],
    customFields: {},
    createdAt: now - 400 * DAY_MS,
    updatedAt: now - 400 * DAY_MS,
  };
}

function interactionRows(contactId: string, count: number, spanDays: number, now: number, next: () => number): Interaction[] {
  const rows: Interaction[] = [];
  for (let index = 0; index < count; index += 1) {
    const at = Math.floor(now - next() * spanDays * DAY_MS);
    const sentiment = SENTIMENTS[Math.floor(next() * SENTIMENTS.length)];
    rows.push({
      id: `${contactId}-${index}`,
      contactId,
      at,
      kind: KINDS[Math.floor(next() * KINDS.length)] ?? 'note',
      ...(sentiment ? { sentiment } : {}),
      source: { site: 'gmail', messageId: `msg-${contactId}-${index}` },
      createdAt: at,
      updatedAt: at,
    });
  }
  return rows;
}

async function seed(db: MarginDb, options: BenchOptions, now: number): Promise<void> {
  const next = random(20260520);
  const chunk = 2_000;
  for (let start = 0; start < options.contacts; start += chunk) {
    const contacts: Contact[] = [];
    const interactions: Interaction[] = [];
    for (let index = start; index < Math.min(options.contacts, start + chunk); index += 1) {
      const contact = contactRow(index, now, next);
      contacts.push(contact);
      interactions.push(...interactionRows(contact.id, options.interactionsPerContact, 365, now, next));
    }
    await rawPut(db, contacts, interactions);
    if ((start / chunk) % 10 === 9) console.log(`seeded ${(start + chunk).toLocaleString('en-US')} contacts`);
  }
}

/**
 * Seeding writes straight to IndexedDB in relaxed-durability transactions: Dexie's change
 * tracking (for live queries) is not what is measured, and seeding a million rows through it
 * took minutes. What is measured below goes through Dexie like the extension does.
 */
async function rawPut(db: MarginDb, contacts: Contact[], interactions: Interaction[]): Promise<void> {
  if (!db.isOpen()) await db.open();
  const backend = db.backendDB();
  await new Promise<void>((resolve, reject) => {
    const transaction = backend.transaction(['contacts', 'interactions'], 'readwrite', { durability: 'relaxed' });
    const contactStore = transaction.objectStore('contacts');
    const interactionStore = transaction.objectStore('interactions');
    for (const contact of contacts) contactStore.put(contact);
    for (const interaction of interactions) interactionStore.put(interaction);
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('seeding failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('seeding was aborted'));
  });
}

async function plainReadEveryone(db: MarginDb): Promise<number> {
  let rows = 0;
  let after: string | undefined;
  for (;;) {
    const batch = await db.transaction('r', [db.contacts, db.interactions, db.suggestions], () => readBatch(db, after, RECOMPUTE_BATCH_SIZE));
    rows += batch.contacts.length + batch.interactions.length + batch.suggestions.length;
    if (batch.contacts.length < RECOMPUTE_BATCH_SIZE) return rows;
    after = batch.contacts.at(-1)?.id;
  }
}

async function plainReadOne(db: MarginDb, contactId: string): Promise<number> {
  return db.transaction('r', [db.contacts, db.interactions, db.suggestions], async () => {
    const [contact, interactions, suggestions] = await Promise.all([
      db.contacts.get(contactId),
      db.interactions.where('[contactId+at]').between([contactId, Dexie.minKey], [contactId, Dexie.maxKey]).toArray(),
      db.suggestions.where('contactId').equals(contactId).toArray(),
    ]);
    return (contact ? 1 : 0) + interactions.length + suggestions.length;
  });
}

async function time<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export async function runBench(options: BenchOptions, report: (line: string) => void = () => undefined): Promise<BenchResult> {
  const now = Date.now();
  await Dexie.delete('margin-bench');
  await Dexie.delete('margin-bench-one');
  const db = createDb({ name: 'margin-bench' });
  const single = createDb({ name: 'margin-bench-one' });
  try {
    report(`seeding ${options.contacts} contacts × ${options.interactionsPerContact} interactions`);
    const seeded = await time(() => seed(db, options, now));
    report(`seeded in ${Math.round(seeded.ms)} ms`);

    // Read once before and once after the recompute; the faster counts (the first may pay for cold caches).
    const read = await time(() => plainReadEveryone(db));
    report(`plain read of everyone: ${Math.round(read.ms)} ms`);
    const everyone = await time(() => recomputeAllContacts(db, now));
    report(`recompute everyone: ${Math.round(everyone.ms)} ms`);
    const readAfter = await time(() => plainReadEveryone(db));
    const nextDay = await time(() => recomputeAllContacts(db, now + DAY_MS));
    report(`recompute everyone a day later: ${Math.round(nextDay.ms)} ms`);
    const plainReadMs = Math.min(read.ms, readAfter.ms);

    const next = random(42);
    const person = contactRow(0, now, next);
    await rawPut(single, [{ ...person, stage: 'Qualified' }], interactionRows(person.id, options.singleContactInteractions, 3 * 365, now, next));
    await plainReadOne(single, person.id);
    const recomputeRuns: number[] = [];
    const readRuns: number[] = [];
    for (let run = 0; run < options.repeats; run += 1) {
      readRuns.push((await time(() => plainReadOne(single, person.id))).ms);
      // A later `now` each time, so each run also writes a changed score.
      recomputeRuns.push((await time(() => recomputeContact(single, person.id, now + run * DAY_MS))).ms);
    }
    const oneRecompute = median(recomputeRuns);
    const oneRead = median(readRuns);

    return {
      options,
      userAgent: navigator.userAgent,
      seedMs: seeded.ms,
      everyone: {
        recomputeMs: everyone.ms,
        plainReadMs,
        ratio: everyone.ms / plainReadMs,
        ...everyone.value,
      },
      everyoneNextDay: { recomputeMs: nextDay.ms, plainReadMs, ratio: nextDay.ms / plainReadMs, scoresChanged: nextDay.value.scoresChanged },
      oneContact: {
        interactions: options.singleContactInteractions,
        recomputeMs: oneRecompute,
        plainReadMs: oneRead,
        ratio: oneRecompute / oneRead,
        recomputeRunsMs: recomputeRuns,
        plainReadRunsMs: readRuns,
      },
    };
  } finally {
    db.close();
    single.close();
    await Dexie.delete('margin-bench');
    await Dexie.delete('margin-bench-one');
  }
}

declare global {
  interface Window {
    marginBench?: { run: typeof runBench };
  }
}

export function exposeBench(target: Window): void {
  target.marginBench = { run: runBench };
}
