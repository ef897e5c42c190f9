import * as z from 'zod/mini';
import type { MarginDb } from '../db/database';
import { clearSetting, getSetting, setSetting } from '../db/settings-repository';
import { defineSetting, type SettingDefinition } from '../model/define-setting';
import { CSV_TARGET_IDS, type CsvTargetId } from './crm-mappings';
import type { UpdatedWindow } from './export-source';
import { InputRejectedError } from '../db/input-rejected-error';

/**
 * The export history per CRM target, and the cursor that makes "only what is new" possible.
 *
 * Making the files is not keeping them: a link the user never clicked, a download that failed,
 * a file deleted unread. So an export only *records a batch* (what it covered: rows changed in
 * `(after, upTo]`, and the counts); the cursor moves when the user marks a batch as saved, and
 * until then every later export starts at the cursor again and holds those rows too. Any batch
 * can be downloaded again from its window. Margin asks for no `downloads` permission to find out
 * whether a file was saved: the user says so (least permission; the downloads API could not tell
 * whether a saved file was kept or imported either).
 *
 * Both live in settings, so a backup carries them; a merge restore skips them (isExportStateKey):
 * another Margin's exports say nothing about what this one sent.
 */
const timestamp = z.number().check(z.int(), z.nonnegative());
const count = z.number().check(z.int(), z.nonnegative());

export const exportCursorSchema = z.object({
  /** Rows changed up to this time are in a batch the user marked saved. */
  upTo: timestamp,
  /** When that batch was marked saved. */
  exportedAt: timestamp,
  contacts: count,
  interactions: count,
});
export type ExportCursor = z.infer<typeof exportCursorSchema>;

export const exportBatchSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  createdAt: timestamp,
  /** The rows it holds changed after this time (absent: from the beginning)… */
  after: z.optional(timestamp),
  /** …and up to this one. */
  upTo: timestamp,
  contacts: count,
  interactions: count,
  tasks: count,
  files: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(1_000)),
  /** When the user marked it saved; absent while it is only generated. */
  savedAt: z.optional(timestamp),
});
export type ExportBatch = z.infer<typeof exportBatchSchema>;

const historySchema = z.array(exportBatchSchema);

/** How many batches a target's history keeps (the oldest saved ones go first). */
export const MAX_EXPORT_BATCHES = 20;

export const EXPORT_CURSOR_KEY_PREFIX = 'export-cursor:';
export const EXPORT_HISTORY_KEY_PREFIX = 'export-history:';

export function exportCursorKey(target: CsvTargetId): string {
  return `${EXPORT_CURSOR_KEY_PREFIX}${target}`;
}
export function exportHistoryKey(target: CsvTargetId): string {
  return `${EXPORT_HISTORY_KEY_PREFIX}${target}`;
}

/** Settings that describe this Margin's exports (left out of a merge restore). */
export function isExportStateKey(key: string): boolean {
  return key.startsWith(EXPORT_CURSOR_KEY_PREFIX) || key.startsWith(EXPORT_HISTORY_KEY_PREFIX);
}

/** Per target: the cursor (null until a batch is marked saved) and the history (newest first). */
const CURSOR_SETTINGS = perTarget((target) =>
  defineSetting<ExportCursor | null>({ key: exportCursorKey(target), schema: z.nullable(exportCursorSchema), fallback: null }),
);
const HISTORY_SETTINGS = perTarget((target) => defineSetting<ExportBatch[]>({ key: exportHistoryKey(target), schema: historySchema, fallback: [] }));

function perTarget<T>(define: (target: CsvTargetId) => SettingDefinition<T>): Record<CsvTargetId, SettingDefinition<T>> {
  return Object.fromEntries(CSV_TARGET_IDS.map((target) => [target, define(target)])) as Record<CsvTargetId, SettingDefinition<T>>;
}

export function getExportCursor(db: MarginDb, target: CsvTargetId): Promise<ExportCursor | null> {
  return getSetting(db, CURSOR_SETTINGS[target]);
}

/** The target's batches, newest first. */
export function getExportHistory(db: MarginDb, target: CsvTargetId): Promise<ExportBatch[]> {
  return getSetting(db, HISTORY_SETTINGS[target]);
}

/** The window of the next export: what changed after the last saved batch (everything when none, or when asked). */
export function nextExportWindow(cursor: ExportCursor | null, now: number, onlyNew: boolean): Required<Pick<UpdatedWindow, 'upTo'>> & UpdatedWindow {
  return onlyNew && cursor ? { after: cursor.upTo, upTo: now } : { upTo: now };
}

/** Records a generated export. The cursor does not move. */
export async function recordExportBatch(db: MarginDb, target: CsvTargetId, batch: ExportBatch): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const history = [batch, ...(await getExportHistory(db, target)).filter((old) => old.id !== batch.id)];
    // Drop the oldest saved batches first; an unsaved one goes only when all twenty are unsaved
    // (its rows are still waiting behind the cursor either way).
    while (history.length > MAX_EXPORT_BATCHES) {
      const oldestSaved = history.map((old) => old.savedAt !== undefined).lastIndexOf(true);
      history.splice(oldestSaved >= 0 ? oldestSaved : history.length - 1, 1);
    }
    await setSetting(db, HISTORY_SETTINGS[target], history);
  });
}

/** The export history cannot do this as asked (the batch is gone, or not the next to save): said to the user as is. */
export class ExportHistoryError extends InputRejectedError {
  override name = 'ExportHistoryError';
}

/**
 * The user kept this batch's files: mark it saved and move the cursor to its end, so the next
 * "only what is new" export starts after it. Refused when the batch starts after the cursor (the
 * cursor was reset since): moving it would skip the rows before the batch.
 */
export async function markExportSaved(db: MarginDb, target: CsvTargetId, batchId: string, now: number): Promise<ExportBatch> {
  return db.transaction('rw', db.settings, async () => {
    const history = await getExportHistory(db, target);
    const batch = history.find((candidate) => candidate.id === batchId);
    if (!batch) throw new ExportHistoryError('That export is no longer in the history; export again.');
    const cursor = await getExportCursor(db, target);
    if (batch.after !== undefined && (cursor === null || batch.after > cursor.upTo)) {
      throw new ExportHistoryError(
        'This export holds only changes after an earlier one that is not marked saved (or the cursor was reset): export again to get every waiting row.',
      );
    }
    const saved = { ...batch, savedAt: batch.savedAt ?? now };
    await setSetting(
      db,
      HISTORY_SETTINGS[target],
      history.map((candidate) => (candidate.id === batchId ? saved : candidate)),
    );
    if (!cursor || batch.upTo > cursor.upTo) {
      await setSetting(db, CURSOR_SETTINGS[target], {
        upTo: batch.upTo,
        exportedAt: now,
        contacts: batch.contacts,
        interactions: batch.interactions,
      });
    }
    return saved;
  });
}

/** Forgets what was saved: the next export holds everything again. The history stays. */
export async function resetExportCursor(db: MarginDb, target: CsvTargetId): Promise<void> {
  await clearSetting(db, CURSOR_SETTINGS[target]);
}

/** The window a batch covers, to download it again. */
export function batchWindow(batch: ExportBatch): UpdatedWindow {
  return batch.after === undefined ? { upTo: batch.upTo } : { after: batch.after, upTo: batch.upTo };
}
