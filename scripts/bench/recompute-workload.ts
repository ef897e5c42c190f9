/**
 * The daily score recompute at size, in the real extension: the rows are written straight into
 * the extension's IndexedDB from one of its pages, the job is started by its own alarm in the
 * real service worker, and a plain read of the same rows (raw IndexedDB, the same batches the job
 * once read: 1,000 contacts and their interactions and suggestions) is timed in the same worker.
 * Rows written straight to the tables have no per-person activity row (schema v6) yet, so the
 * first run reads every history and stores them, as after a score-settings change; the next run,
 * every later day's, reads contacts, activity rows and suggestions only.
 * Every function here is sent as source text (`evaluate`): it uses only its argument and globals.
 */

export interface SeedOptions {
  contacts: number;
  interactionsPerContact: number;
  now: number;
}

/** Writes `contacts` people with their interactions (a year's worth, deterministic) into the database `margin`. */
export async function seedDatabase({ contacts, interactionsPerContact, now }: SeedOptions): Promise<number> {
  const DAY = 24 * 60 * 60 * 1000;
  const KINDS = ['email-in', 'email-out', 'email-out', 'email-in', 'note', 'linkedin-view', 'meeting', 'call', 'linkedin-message-in', 'linkedin-message-out'];
  const SENTIMENTS = [undefined, undefined, 'Positive', 'Neutral', 'Concerned', 'Negative', 'Positive'];
  const STAGES = ['Awareness', 'Engaged', 'Qualified', 'Delighted', 'At-Risk'];
  let state = 20260520;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('margin');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('could not open the database'));
  });
  const started = performance.now();
  const chunk = 2_000;
  for (let start = 0; start < contacts; start += chunk) {
    await new Promise<void>((resolve, reject) => {
      const transaction = db.transaction(['contacts', 'interactions'], 'readwrite', { durability: 'relaxed' });
      const contactStore = transaction.objectStore('contacts');
      const interactionStore = transaction.objectStore('interactions');
      for (let index = start; index < Math.min(contacts, start + chunk); index += 1) {
        const id = `c-${index.toString(36).padStart(6, '0')}`;
        contactStore.put({
          id,
          name: `Bench Person ${index}`,
          emails: [`person${index}@bench.example`],
          linkedinIds: [],
          stage: STAGES[Math.floor(next() * STAGES.length)],
          tags: [],
          customFields: {},
          createdAt: now - 400 * DAY,
          updatedAt: now - 400 * DAY,
        });
        for (let serial = 0; serial < interactionsPerContact; serial += 1) {
          const at = Math.floor(now - next() * 365 * DAY);
          const sentiment = SENTIMENTS[Math.floor(next() * SENTIMENTS.length)];
          interactionStore.put({
            id: `${id}-${serial}`,
            contactId: id,
            at,
            kind: KINDS[Math.floor(next() * KINDS.length)],
            ...(sentiment ? { sentiment } : {}),
            source: { site: 'gmail', messageId: `msg-${id}-${serial}` },
            createdAt: at,
            updatedAt: at,
          });
        }
      }
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error ?? new Error('seeding failed'));
    });
  }
  db.close();
  return performance.now() - started;
}

/** Reads every contact with their interactions and suggestions, 1,000 contacts at a time; returns [ms, rows]. */
export async function plainRead(): Promise<[number, number]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('margin');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('could not open the database'));
  });
  const all = <T>(request: IDBRequest<T>): Promise<T> =>
    new Promise((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('read failed'));
    });
  const started = performance.now();
  let rows = 0;
  let after: string | undefined;
  for (;;) {
    const transaction = db.transaction(['contacts', 'interactions', 'suggestions'], 'readonly');
    const contacts = (await all(
      transaction.objectStore('contacts').getAll(after === undefined ? null : IDBKeyRange.lowerBound(after, true), 1_000),
    )) as Array<{ id: string }>;
    const first = contacts[0]?.id;
    const last = contacts.at(-1)?.id;
    if (first === undefined || last === undefined) break;
    const [interactions, suggestions] = await Promise.all([
      all(transaction.objectStore('interactions').index('[contactId+at]').getAll(IDBKeyRange.bound([first], [last, []]))),
      all(transaction.objectStore('suggestions').index('contactId').getAll(IDBKeyRange.bound(first, last))),
    ]);
    rows += contacts.length + interactions.length + suggestions.length;
    if (contacts.length < 1_000) break;
    after = last;
  }
  db.close();
  return [performance.now() - started, rows];
}

/**
 * Starts the daily job through its own alarm, as Chrome would, and resolves with how long it
 * took: until it records that it went through everyone (`metrics.lastFullRecomputeAt`).
 */
export async function runDailyJob({ alarm, doneSetting, timeoutMs }: { alarm: string; doneSetting: string; timeoutMs: number }): Promise<number> {
  const readDone = async (): Promise<number | undefined> => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('margin');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('could not open the database'));
    });
    try {
      return await new Promise((resolve, reject) => {
        const request = db.transaction('settings', 'readonly').objectStore('settings').get(doneSetting);
        request.onsuccess = () => resolve((request.result as { value?: number } | undefined)?.value);
        request.onerror = () => reject(request.error ?? new Error('read failed'));
      });
    } finally {
      db.close();
    }
  };
  const started = Date.now();
  await (globalThis as unknown as { chrome: { alarms: { create(name: string, info: { when: number }): Promise<void> } } }).chrome.alarms.create(alarm, { when: started });
  for (;;) {
    const done = await readDone();
    if (done !== undefined && done >= started) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`the daily job did not finish within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
