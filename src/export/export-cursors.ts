import * as z from 'zod/mini';
import type { MarginDb } from '../db/database';
import { getSetting, setSetting } from '../db/settings-repository';
import type { CsvTargetId } from './crm-mappings';

/**
 * Where the last export for a target stopped: the next incremental export takes only rows changed
 * after `upTo`, so HubSpot never receives the same note twice. Kept per target in settings, shown
 * on the dashboard, and reset by the user (the next export is then complete again).
 */
export const exportCursorSchema = z.object({
  upTo: z.number(),
  exportedAt: z.number(),
  contacts: z.number(),
  interactions: z.number(),
});
export type ExportCursor = z.infer<typeof exportCursorSchema>;

export const EXPORT_CURSOR_KEY_PREFIX = 'export-cursor:';

export function exportCursorKey(target: CsvTargetId): string {
  return `${EXPORT_CURSOR_KEY_PREFIX}${target}`;
}

export async function getExportCursor(db: MarginDb, target: CsvTargetId): Promise<ExportCursor | null> {
  return getSetting<ExportCursor | null>(db, exportCursorKey(target), exportCursorSchema, null);
}

export function setExportCursor(db: MarginDb, target: CsvTargetId, cursor: ExportCursor): Promise<void> {
  return setSetting(db, exportCursorKey(target), cursor);
}

export async function resetExportCursor(db: MarginDb, target: CsvTargetId): Promise<void> {
  await db.settings.delete(exportCursorKey(target));
}
