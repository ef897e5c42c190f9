/**
 * Where an export writes its files. The dashboard collects each file as a Blob made of many small
 * parts (blob-export-sink.ts); the team command writes to disk (scripts/margin-export.ts). Either
 * way an export hands over one page of rows at a time, never the whole file as one string.
 */
export interface ExportFileWriter {
  write(chunk: string): Promise<void> | void;
  close(): Promise<void> | void;
}

export interface ExportSink {
  openFile(name: string, mimeType: string): ExportFileWriter;
  /** Renames a closed file (a file that turned out to need parts becomes `…-part-1.csv`). */
  rename(from: string, to: string): Promise<void> | void;
}

/** Collects files in memory as strings: for tests and small exports. */
export function memoryExportSink(): ExportSink & { files: Map<string, string> } {
  const files = new Map<string, string>();
  return {
    files,
    openFile(name) {
      const parts: string[] = [];
      return {
        write: (chunk) => {
          parts.push(chunk);
        },
        close: () => {
          files.set(name, parts.join(''));
        },
      };
    },
    rename(from, to) {
      const text = files.get(from);
      if (text === undefined) throw new Error(`No file ${from} to rename`);
      files.delete(from);
      files.set(to, text);
    },
  };
}
