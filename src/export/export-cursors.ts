import * as z from 'zod/mini';
import type { MarginDb } from '../db/database';
import { clearSetting, getSetting, setSetting } from '../db/settings-repository';
import { defineSetting, type SettingDefinition } from '../model/define-setting';
import { CSV_TARGET_IDS, type CsvTargetId } from './crm-mappings';

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

/** One setting per target; null: never exported (the next export is complete). */
const EXPORT_CURSOR_SETTINGS = Object.fromEntries(
  CSV_TARGET_IDS.map((target) => [
    target,
    defineSetting<ExportCursor | null>({ key: exportCursorKey(target), schema: z.nullable(exportCursorSchema), fallback: null }),
  ]),
) as Record<CsvTargetId, SettingDefinition<ExportCursor | null>>;

export async function getExportCursor(db: MarginDb, target: CsvTargetId): Promise<ExportCursor | null> {
  return getSetting(db, EXPORT_CURSOR_SETTINGS[target]);
}

export function setExportCursor(db: MarginDb, target: CsvTargetId, cursor: ExportCursor): Promise<void> {
  return setSetting(db, EXPORT_CURSOR_SETTINGS[target], cursor);
}

export async function resetExportCursor(db: MarginDb, target: CsvTargetId): Promise<void> {
  await clearSetting(db, EXPORT_CURSOR_SETTINGS[target]);
}
