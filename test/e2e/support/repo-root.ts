import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository's root folder, whatever the current directory of the process that runs us. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** A path inside the repository; absolute paths are returned as they are. */
export function fromRepoRoot(...segments: string[]): string {
  return path.resolve(REPO_ROOT, ...segments);
}
