import { useState } from 'preact/hooks';
import { newId } from '../../db/ids';
import { DB_SCHEMA_VERSION_FOR_BACKUP } from '../../export/backup-version';
import { blobExportSink } from '../../export/blob-export-sink';
import { CSV_TARGETS, csvExportLabel, type CsvTarget } from '../../export/crm-mappings';
import { dexieExportSource } from '../../export/dexie-export-source';
import { exportBackup } from '../../export/export-backup';
import { exportCsv } from '../../export/export-csv';
import {
  batchWindow,
  getExportCursor,
  getExportHistory,
  nextExportWindow,
  recordExportBatch,
  resetExportCursor,
  type ExportBatch,
  type ExportCursor,
} from '../../export/export-history';
import type { ExportSource } from '../../export/export-source';
import { useDatabase } from '../../ui/database-context';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDay, formatTime } from '../../ui/format';
import { useLiveDbQuery } from '../../ui/use-live-db-query';
import { useMutation } from '../../ui/use-mutation';
import { ExportStatus } from './ExportStatus';
import { useExportRun } from './use-export-run';

/**
 * Export: the full backup, and the CSV files for each CRM (all, or what is new since the last
 * export the user marked saved), with each target's history of exports to download again.
 */
export function ExportPanel() {
  const database = useDatabase();
  const run = useExportRun();
  const exportSource = async (): Promise<ExportSource> => dexieExportSource(await database());
  const running = run.state.status === 'running';

  const exportBackupFile = () =>
    run.start('Full backup', async ({ signal, onProgress }) => {
      const sink = blobExportSink();
      const exportedAt = Date.now();
      const result = await exportBackup({ source: await exportSource(), sink, schemaVersion: DB_SCHEMA_VERSION_FOR_BACKUP, exportedAt, signal, onProgress });
      return { files: sink.files, summary: `${result.rows.toLocaleString()} rows in one backup file.` };
    });

  const exportTarget = (target: CsvTarget, onlyNew: boolean) =>
    run.start(csvExportLabel(target), async ({ signal, onProgress }) => {
      const startedAt = Date.now();
      const db = await database();
      const cursor = await getExportCursor(db, target.id);
      const window = nextExportWindow(cursor, startedAt, onlyNew);
      const { files, result } = await writeTarget(target, dexieExportSource(db), window, signal, onProgress);
      const batch: ExportBatch = {
        id: newId(),
        createdAt: startedAt,
        ...(window.after === undefined ? {} : { after: window.after }),
        upTo: window.upTo,
        contacts: result.contacts,
        interactions: result.interactions,
        tasks: result.tasks,
        files: result.files,
      };
      await recordExportBatch(db, target.id, batch);
      const since = window.after === undefined ? (onlyNew ? ' (nothing marked saved yet: everything)' : ' (everything)') : ` changed since ${when(window.after)}`;
      return { files, summary: `${counts(result)}${since}.`, readiness: result.readiness, batch: { target: target.id, id: batch.id } };
    });

  const downloadAgain = (target: CsvTarget, batch: ExportBatch) =>
    run.start(`${csvExportLabel(target)} of ${when(batch.createdAt)}`, async ({ signal, onProgress }) => {
      const { files, result } = await writeTarget(target, await exportSource(), batchWindow(batch), signal, onProgress);
      return {
        files,
        summary: `${counts(result)}, made again from the export of ${when(batch.createdAt)}.`,
        readiness: result.readiness,
        batch: { target: target.id, id: batch.id },
      };
    });

  return (
    <section aria-labelledby="export-heading" class="transfer">
      <h2 id="export-heading">Export</h2>
      <div class="export-row">
        <div>
          <h3>Full backup</h3>
          <p class="quiet">Every contact, note, follow-up and setting in one JSON file that Margin can restore exactly.</p>
        </div>
        <button type="button" disabled={running} onClick={exportBackupFile}>
          Export full backup
        </button>
      </div>
      {CSV_TARGETS.map((target) => (
        <TargetRow
          key={target.id}
          target={target}
          disabled={running}
          onExport={(onlyNew) => exportTarget(target, onlyNew)}
          onDownloadAgain={(batch) => downloadAgain(target, batch)}
        />
      ))}
      <ExportStatus run={run} />
    </section>
  );
}

async function writeTarget(
  target: CsvTarget,
  source: ExportSource,
  window: ReturnType<typeof batchWindow>,
  signal: AbortSignal,
  onProgress: Parameters<typeof exportCsv>[0]['onProgress'],
) {
  const sink = blobExportSink();
  const result = await exportCsv({ target, source, sink, window, signal, onProgress });
  return { files: sink.files, result };
}

function counts(result: { contacts: number; interactions: number; tasks: number }): string {
  return `${plural(result.contacts, 'contact')}, ${plural(result.interactions, 'interaction')} and ${plural(result.tasks, 'follow-up')}`;
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString()} ${noun}${count === 1 ? '' : 's'}`;
}

function when(at: number): string {
  return `${formatDay(at)}, ${formatTime(at)}`;
}

function TargetRow({
  target,
  disabled,
  onExport,
  onDownloadAgain,
}: {
  target: CsvTarget;
  disabled: boolean;
  onExport: (onlyNew: boolean) => void;
  onDownloadAgain: (batch: ExportBatch) => void;
}) {
  const database = useDatabase();
  const [onlyNew, setOnlyNew] = useState(true);
  const cursor = useLiveDbQuery(['export-cursor', target.id], (db) => getExportCursor(db, target.id));
  const history = useLiveDbQuery(['export-history', target.id], (db) => getExportHistory(db, target.id));
  const waiting = useLiveDbQuery(['export-waiting', target.id], async (db) => {
    const saved = await getExportCursor(db, target.id);
    const window = saved ? { after: saved.upTo } : {};
    const source = dexieExportSource(db);
    const [contacts, interactions] = await Promise.all([source.countContacts(window), source.countInteractions(window)]);
    return { contacts, interactions };
  });
  const reset = useMutation('reset the export cursor', async () => resetExportCursor(await database(), target.id));
  const checkboxId = `only-new-${target.id}`;
  return (
    <div class="export-target">
      <div class="export-row">
        <div>
          <h3>{target.label}</h3>
          <p class="quiet">{[...target.files.map((file) => file.file), target.readme].join(', ')}</p>
          <p class="cursor" data-testid={`cursor-${target.id}`}>
            <CursorText cursor={cursor.data ?? null} />{' '}
            {cursor.data && (
              <button type="button" class="secondary small" onClick={() => reset.mutate(undefined)} aria-label={`Reset the ${target.label} export cursor`}>
                Reset
              </button>
            )}
          </p>
          {waiting.data && (
            <p class="quiet" data-testid={`waiting-${target.id}`}>
              Waiting: {waiting.data.contacts.toLocaleString()} contacts and {waiting.data.interactions.toLocaleString()} interactions changed
              {cursor.data ? ' since then' : ''}.
            </p>
          )}
          <ErrorAlert message={reset.errorMessage} />
        </div>
        <div class="export-actions">
          <label for={checkboxId} class="inline">
            <input id={checkboxId} type="checkbox" checked={onlyNew} onChange={(event) => setOnlyNew(event.currentTarget.checked)} /> Only what is
            new since the last saved export
          </label>
          <button type="button" disabled={disabled} onClick={() => onExport(onlyNew)}>
            Export for {target.label}
          </button>
        </div>
      </div>
      {history.data && history.data.length > 0 && (
        <details class="export-history">
          <summary>
            {target.label} export history ({history.data.length}
            {history.data.some((batch) => batch.savedAt === undefined) ? ', some not marked saved' : ''})
          </summary>
          <ul aria-label={`${target.label} export history`}>
            {history.data.map((batch) => (
              <li key={batch.id}>
                <span>
                  {when(batch.createdAt)}: {counts(batch)}, {batch.after === undefined ? 'everything' : `changes since ${when(batch.after)}`}.{' '}
                  <strong>{batch.savedAt === undefined ? 'Not marked saved.' : `Saved ${when(batch.savedAt)}.`}</strong>
                </span>{' '}
                <button type="button" class="secondary small" disabled={disabled} onClick={() => onDownloadAgain(batch)}>
                  Download again
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function CursorText({ cursor }: { cursor: ExportCursor | null }) {
  if (!cursor) return <span>No export marked saved yet: the next export holds everything.</span>;
  return (
    <span>
      Last saved export covers changes up to {when(cursor.upTo)} (marked saved {when(cursor.exportedAt)}); the next one holds only what changed
      since.
    </span>
  );
}
