import { useMemo } from 'preact/hooks';
import { describeStorageError } from '../../db/storage-errors';
import type { ExportedFile } from '../../export/blob-export-sink';
import { getExportHistory, markExportSaved } from '../../export/export-history';
import type { ImportReadiness } from '../../export/import-readiness';
import { formatBytes } from '../../import/import-limits';
import { useDatabase } from '../../ui/database-context';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDay, formatTime } from '../../ui/format';
import { useLiveDbQuery } from '../../ui/use-live-db-query';
import { useMutation } from '../../ui/use-mutation';
import type { ExportOutcome, useExportRun } from './use-export-run';

/** The running export's progress, or the finished one's files, readiness summary and "Mark as saved". */
export function ExportStatus({ run }: { run: ReturnType<typeof useExportRun> }) {
  const { state } = run;
  if (state.status === 'idle') return null;
  if (state.status === 'running') {
    const progress = state.progress;
    const text = progress ? `${progress.done.toLocaleString()} of ${progress.total.toLocaleString()} rows (${progress.file})` : 'Starting…';
    return (
      <div class="export-status" aria-live="polite">
        <label for="export-progress">
          Exporting {state.label}: {text}
        </label>
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
        {state.label} export cancelled: nothing was recorded and nothing counts as exported.
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
    <div class="export-status">
      <p role="status">
        {state.label} ready: {state.summary}
      </p>
      <ul class="downloads">
        {state.files.map((file) => (
          <DownloadLink key={file.name} file={file} url={run.downloadUrl} />
        ))}
      </ul>
      {state.batch && <MarkSaved batch={state.batch} />}
      {state.readiness && <ReadinessSummary readiness={state.readiness} />}
    </div>
  );
}

function MarkSaved({ batch }: { batch: NonNullable<ExportOutcome['batch']> }) {
  const database = useDatabase();
  const history = useLiveDbQuery(['export-history', batch.target], (db) => getExportHistory(db, batch.target));
  const mark = useMutation('mark the export as saved', async () => markExportSaved(await database(), batch.target, batch.id, Date.now()));
  const savedAt = history.data?.find((candidate) => candidate.id === batch.id)?.savedAt;
  if (savedAt !== undefined) {
    return (
      <p class="export-saved" data-testid="export-saved">
        Marked saved {formatDay(savedAt)}, {formatTime(savedAt)}: the next export starts after these rows.
      </p>
    );
  }
  return (
    <div class="export-confirm">
      <p>
        Save every file above, then mark this export as saved. Until you do, the next export holds these rows again, so nothing is lost if a
        download did not happen.
      </p>
      <button type="button" onClick={() => mark.mutate(undefined)} disabled={mark.isPending}>
        I saved these files: mark as saved
      </button>
      <ErrorAlert message={mark.errorMessage} />
    </div>
  );
}

/** What the CRM maps by itself, what to set up first, and the rows it cannot match (also in the README). */
function ReadinessSummary({ readiness }: { readiness: ImportReadiness }) {
  return (
    <section class="readiness" aria-label={`Before importing into ${readiness.target}`}>
      <h3>Before importing into {readiness.target}</h3>
      <h4>{readiness.target} maps by itself</h4>
      <ul>
        {readiness.mapsByItself.map((item) => (
          <li key={item.file}>
            {item.file}: {item.columns.join(', ')}
          </li>
        ))}
      </ul>
      <h4>Set up first</h4>
      {readiness.setUpFirst.length === 0 ? (
        <p class="quiet">Nothing.</p>
      ) : (
        <ul>
          {readiness.setUpFirst.map((item) => (
            <li key={`${item.file}:${item.column}`}>
              <strong>{item.column}</strong> needs {item.needs}. {item.howTo}
            </li>
          ))}
        </ul>
      )}
      <h4>Rows {readiness.target} cannot match</h4>
      {readiness.notMatched.length === 0 ? (
        <p class="quiet">None.</p>
      ) : (
        <ul data-testid="not-matched">
          {readiness.notMatched.map((item) => (
            <li key={item.file}>
              {item.rows.toLocaleString()} {item.rows === 1 ? 'row' : 'rows'} of {item.file} ({item.missing}) {item.rows === 1 ? 'is' : 'are'} in {item.asideFiles.join(', ')} instead:{' '}
              {item.people.join(', ')}
              {item.peopleCount > item.people.length ? `, and ${(item.peopleCount - item.people.length).toLocaleString()} more` : ''}. Add the missing value in Margin and
              export again, or fill it in that file.
            </li>
          ))}
        </ul>
      )}
      {readiness.adjusted.length > 0 && (
        <>
          <h4>Cells changed to fit</h4>
          <ul>
            {readiness.adjusted.map((item) => (
              <li key={`${item.file}:${item.column}:${item.change}`}>
                {item.file}, {item.column}: {item.rows.toLocaleString()} {item.rows === 1 ? 'row' : 'rows'} {item.change}
              </li>
            ))}
          </ul>
        </>
      )}
      <p class="quiet">
        Open the CSV files with Excel's Data &gt; From Text/CSV (UTF-8), not by double-clicking them; the README in the export has the steps.
      </p>
    </section>
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
