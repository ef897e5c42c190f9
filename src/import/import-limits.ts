/**
 * The largest file the dashboard reads: checked from the file's size before a byte is read, so a
 * wrong pick (a 200 MB video, a database dump) is refused at once. A backup of this size holds
 * roughly 250,000 interactions; the team command (`npm run export`) reads larger ones.
 */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
