import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FileSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface LoadSize {
  files: FileSize[];
  bytes: number;
  gzipBytes: number;
}

/** A file's size and its size gzipped (level 9, each file on its own, as a server or a store would). */
export function sizeOf(extensionDir: string, file: string): FileSize {
  const content = readFileSync(path.join(extensionDir, file));
  return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
}

function total(files: FileSize[]): LoadSize {
  return {
    files,
    bytes: files.reduce((sum, file) => sum + file.bytes, 0),
    gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0),
  };
}

/** Static `import … from "./x.js"` and bare `import "./x.js"` of a built chunk; never `import("./x.js")`. */
function staticImportsOf(source: string): string[] {
  const found: string[] = [];
  const pattern = /(?:^|[;}\n])\s*(?:import|export)\s*(?:[^'"();]*?\bfrom\s*)?["']([^"']+\.js)["']/g;
  for (const match of source.matchAll(pattern)) if (match[1]) found.push(match[1]);
  return found;
}

/**
 * The JavaScript an extension page loads before it can paint: its module scripts and
 * modulepreloads, and every chunk those import statically, transitively. Chunks reached only
 * through `import()` load when used and are not counted.
 */
export function firstLoadJavaScript(extensionDir: string, page: string): LoadSize {
  const html = readFileSync(path.join(extensionDir, page), 'utf8');
  const queue: string[] = [];
  for (const match of html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\brel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g)) {
    if (match[1]) queue.push(match[1].replace(/^\//, ''));
  }
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(path.join(extensionDir, file), 'utf8');
    for (const specifier of staticImportsOf(source)) {
      queue.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)));
    }
  }
  return total([...seen].sort().map((file) => sizeOf(extensionDir, file)));
}

/** Every content script of the build, each on its own (a page loads one). */
export function contentScripts(extensionDir: string): FileSize[] {
  return readdirSync(path.join(extensionDir, 'content-scripts'))
    .filter((file) => file.endsWith('.js'))
    .sort()
    .map((file) => sizeOf(extensionDir, `content-scripts/${file}`));
}
