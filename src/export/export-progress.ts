/** How far an export is, in rows read out of everything it will read. */
export interface ExportProgress {
  done: number;
  total: number;
  /** The file being written. */
  file: string;
}

export interface ExportRunOptions {
  signal?: AbortSignal;
  onProgress?: ((progress: ExportProgress) => void) | undefined;
}

export class ExportCancelledError extends Error {
  override name = 'ExportCancelledError';
  constructor() {
    super('The export was cancelled; nothing was saved and the export cursor did not move.');
  }
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ExportCancelledError();
}

/** Lets the page paint the progress bar and see a click on Cancel between two pages. */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
