import { useEffect, useRef, useState } from 'preact/hooks';
import type { ExportedFile } from '../../export/blob-export-sink';
import { ExportCancelledError, type ExportProgress } from '../../export/export-progress';

export type ExportRunState =
  | { status: 'idle' }
  | { status: 'running'; label: string; progress?: ExportProgress }
  | { status: 'done'; label: string; files: ExportedFile[]; summary: string }
  | { status: 'cancelled'; label: string }
  | { status: 'failed'; label: string; error: unknown };

export type ExportJob = (options: {
  signal: AbortSignal;
  onProgress: (progress: ExportProgress) => void;
}) => Promise<{ files: ExportedFile[]; summary: string }>;

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
      ({ files, summary }) => {
        if (abort.signal.aborted) return;
        setState({ status: 'done', label, files, summary });
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
