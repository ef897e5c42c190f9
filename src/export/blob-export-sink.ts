import type { ExportFileWriter, ExportSink } from './export-sink';

export interface ExportedFile {
  name: string;
  blob: Blob;
}

/**
 * Builds each file as a Blob of page-sized parts: the browser may keep Blob parts outside the
 * JavaScript heap, so a 1,000,000-interaction export never becomes one giant string.
 */
export function blobExportSink(): ExportSink & { files: ExportedFile[] } {
  const files: ExportedFile[] = [];
  return {
    files,
    openFile(name, mimeType): ExportFileWriter {
      const parts: Blob[] = [];
      let pending: string[] = [];
      let pendingLength = 0;
      const flush = () => {
        if (pending.length === 0) return;
        parts.push(new Blob(pending, { type: mimeType }));
        pending = [];
        pendingLength = 0;
      };
      return {
        write(chunk) {
          pending.push(chunk);
          pendingLength += chunk.length;
          if (pendingLength > 1_000_000) flush();
        },
        close() {
          flush();
          files.push({ name, blob: new Blob(parts, { type: mimeType }) });
        },
      };
    },
    rename(from, to) {
      const file = files.find((candidate) => candidate.name === from);
      if (!file) throw new Error(`No file ${from} to rename`);
      file.name = to;
    },
  };
}
