import { useMemo, useState } from 'preact/hooks';
import { describeStorageError } from '../../db/storage-errors';
import { DB_SCHEMA_VERSION_FOR_BACKUP } from '../../export/backup-version';
import { blobExportSink, type ExportedFile } from '../../export/blob-export-sink';
import { CSV_TARGETS, type CsvTarget, type CsvTargetId } from '../../export/crm-mappings';
import { dexieExportSource } from '../../export/dexie-export-source';
import { exportBackup } from '../../export/export-backup';
import { getExportCursor, resetExportCursor, setExportCursor, type ExportCursor } from '../../export/export-cursors';
import { exportCsv } from '../../export/export-csv';
import { formatBytes } from '../../import/import-limits';
import { useDatabase } from '../../ui/database-context';
import { formatDay, formatTime } from '../../ui/format';
import { useLiveDbQuery } from '../../ui/use-live-db-query';
import { useMutation } from '../../ui/use-mutation';
import { useExportRun } from './use-export-run';
import { ErrorAlert } from '../../ui/ErrorAlert';

/** Export: the full backup, and the CSV files for each CRM (all, or what is new since the last export). */
export function ExportPanel() {
  const db = useDatabase();
  const run = useExportRun();
  const source = useMemo(() => dexieExportSource(db), [db]);
  const running = run.state.status === 'running';

  const exportBackupFile = () =>
    run.start('Full backup', async ({ signal, onProgress }) => {
      const sink = blobExportSink();
      const exportedAt = Date.now();
      const result = await exportBackup({ source, sink, schemaVersion: DB_SCHEMA_VERSION_FOR_BACKUP, exportedAt, signal, onProgress });
      return { files: sink.files, summary: `${result.rows.toLocaleString()} rows in one backup file.` };
    });

  const exportTarget = (target: CsvTarget, onlyNew: boolean) =>
    run.start(/\bCSV$/.test(target.label) ? target.label : `${target.label} CSV`, async ({ signal, onProgress }) => {
      const sink = blobExportSink();
      const startedAt = Date.now();
      const cursor = onlyNew ? await getExportCursor(db, target.id) : null;
      // A first export (no cursor yet) is a full one, read in primary-key order like any full export.
      const window = cursor ? { after: cursor.upTo, upTo: startedAt } : {};
      const result = await exportCsv({ target, source, sink, window, signal, onProgress });
      await setExportCursor(db, target.id, {
        upTo: startedAt,
        exportedAt: startedAt,
        contacts: result.contacts,
        interactions: result.interactions,
      });
      return {
        files: sink.files,
        summary: `${result.contacts.toLocaleString()} contacts and ${result.interactions.toLocaleString()} interactions${
          onlyNew ? (cursor ? ` new since ${formatDay(cursor.upTo)}, ${formatTime(cursor.upTo)}` : ' (first export: everything)') : ''
        }.`,
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
        <TargetRow key={target.id} target={target} disabled={running} onExport={(onlyNew) => exportTarget(target, onlyNew)} />
      ))}
      <ExportStatus run={run} />
    </section>
  );
}

function TargetRow({ target, disabled, onExport }: { target: CsvTarget; disabled: boolean; onExport: (onlyNew: boolean) => void }) {
  const db = useDatabase();
  const [onlyNew, setOnlyNew] = useState(true);
  const cursor = useLiveDbQuery(['export-cursor', target.id], () => getExportCursor(db, target.id));
  const reset = useMutation((id: CsvTargetId) => resetExportCursor(db, id));
  const checkboxId = `only-new-${target.id}`;
  return (
    <div class="export-row">
      <div>
        <h3>{target.label}</h3>
        <p class="quiet">{[...target.files.map((file) => file.file), ...(target.readme ? [target.readme.file] : [])].join(', ')}</p>
        <p class="cursor" data-testid={`cursor-${target.id}`}>
          <CursorText cursor={cursor.data ?? null} />{' '}
          {cursor.data && (
            <button type="button" class="secondary small" onClick={() => reset.mutate(target.id)} aria-label={`Reset the ${target.label} export cursor`}>
              Reset
            </button>
          )}
        </p>
        <ErrorAlert message={reset.error ? describeStorageError(reset.error) : undefined} />
      </div>
      <div class="export-actions">
        <label for={checkboxId} class="inline">
          <input id={checkboxId} type="checkbox" checked={onlyNew} onChange={(event) => setOnlyNew(event.currentTarget.checked)} /> Only what is
          new since the last export
        </label>
        <button type="button" disabled={disabled} onClick={() => onExport(onlyNew)}>
          Export for {target.label}
        </button>
      </div>
    </div>
  );
}

function CursorText({ cursor }: { cursor: ExportCursor | null }) {
  if (!cursor) return <span>Never exported: the next export holds everything.</span>;
  return (
    <span>
      Last export {formatDay(cursor.upTo)}, {formatTime(cursor.upTo)} ({cursor.contacts.toLocaleString()} contacts,{' '}
      {cursor.interactions.toLocaleString()} interactions); the next one holds only what changed since.
    </span>
  );
}

function ExportStatus({ run }: { run: ReturnType<typeof useExportRun> }) {
  const { state } = run;
  if (state.status === 'idle') return null;
  if (state.status === 'running') {
    const progress = state.progress;
    const text = progress ? `${progress.done.toLocaleString()} of ${progress.total.toLocaleString()} rows (${progress.file})` : 'Starting…';
    return (
      <div class="export-status" aria-live="polite">
        <label for="export-progress">Exporting {state.label}: {text}</label>
        <progress id="export-progress" max={progress?.total || 1} value={progress?.done ?? 0} />
        <button type="button" class="secondary" onClick={run.cancel}>
          Cancel export
        </button>
      </div>
    );
  }
  if (state.status === 'cancelled') {
    return (
      <p role="status" class="export-status">
        {state.label} export cancelled: nothing was saved and the export cursor did not move.
      </p>
    );
  }
  if (state.status === 'failed') {
    return (
      <p role="alert" class="save-error export-status">
        The {state.label} export failed: {describeStorageError(state.error)}
      </p>
    );
  }
  return (
    <div class="export-status" role="status">
      <p>
        {state.label} ready: {state.summary}
      </p>
      <ul class="downloads">
        {state.files.map((file) => (
          <DownloadLink key={file.name} file={file} url={run.downloadUrl} />
        ))}
      </ul>
    </div>
  );
}

function DownloadLink({ file, url }: { file: ExportedFile; url: (file: ExportedFile) => string }) {
  const href = useMemo(() => url(file), [file]);
  return (
    <li>
      <a href={href} download={file.name}>
        Download {file.name}
      </a>{' '}
      <span class="quiet">({formatBytes(file.blob.size)})</span>
    </li>
  );
}
