import { useEffect, useRef, useState } from 'preact/hooks';
import type { ExportedFile } from '../../export/blob-export-sink';
import type { CsvTargetId } from '../../export/crm-mappings';
import { ExportCancelledError, type ExportProgress } from '../../export/export-progress';
import type { ImportReadiness } from '../../export/import-readiness';

/** What a finished export offers: its files, a sentence, and for a CRM export its readiness and history batch. */
export interface ExportOutcome {
  files: ExportedFile[];
  summary: string;
  readiness?: ImportReadiness;
  batch?: { target: CsvTargetId; id: string };
}

export type ExportRunState =
  | { status: 'idle' }
  | { status: 'running'; label: string; progress?: ExportProgress }
  | ({ status: 'done'; label: string } & ExportOutcome)
  | { status: 'cancelled'; label: string }
  | { status: 'failed'; label: string; error: unknown };

export type ExportJob = (options: {
  signal: AbortSignal;
  onProgress: (progress: ExportProgress) => void;
}) => Promise<ExportOutcome>;

/** Runs one export at a time with progress and a cancel button; revokes old download links. */
export function useExportRun() {
  const [state, setState] = useState<ExportRunState>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const urls = useRef<string[]>([]);
  const lastPaint = useRef(0);

  const revoke = () => {
    for (const url of urls.current) URL.revokeObjectURL(url);
    urls.current = [];
  };
  useEffect(() => () => revoke(), []);

  const start = (label: string, job: ExportJob) => {
    controller.current?.abort();
    revoke();
    const abort = new AbortController();
    controller.current = abort;
    setState({ status: 'running', label });
    job({
      signal: abort.signal,
      onProgress: (progress) => {
        const now = performance.now();
        if (now - lastPaint.current < 100 && progress.done < progress.total) return;
        lastPaint.current = now;
        setState({ status: 'running', label, progress });
      },
    }).then(
      (outcome) => {
        if (abort.signal.aborted) return;
        setState({ status: 'done', label, ...outcome });
      },
      (error: unknown) => {
        setState(error instanceof ExportCancelledError ? { status: 'cancelled', label } : { status: 'failed', label, error });
      },
    );
  };

  const cancel = () => controller.current?.abort();

  const downloadUrl = (file: ExportedFile) => {
    const url = URL.createObjectURL(file.blob);
    urls.current.push(url);
    return url;
  };

  return { state, start, cancel, downloadUrl };
}
