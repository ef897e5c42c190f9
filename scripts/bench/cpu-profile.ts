import type { CDPSession } from '@playwright/test';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileLine {
  /** function (file:line), or a group such as "(garbage collector)". */
  where: string;
  selfMs: number;
}

/** Starts V8's sampling profiler on the page's renderer (the page and its content scripts). */
export async function startProfile(session: CDPSession): Promise<void> {
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 200 });
  await session.send('Profiler.start');
}

/** Stops the profiler; the functions that took the most time themselves, by file, and by extension script vs page. */
export async function stopProfile(session: CDPSession, top = 15): Promise<{ byFunction: ProfileLine[]; byScript: ProfileLine[] }> {
  const { profile } = (await session.send('Profiler.stop')) as { profile: Profile };
  await session.send('Profiler.disable');
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let index = 0; index < samples.length; index += 1) {
    const id = samples[index]!;
    self.set(id, (self.get(id) ?? 0) + (deltas[index + 1] ?? deltas[index] ?? 0) / 1000);
  }
  const functions = new Map<string, number>();
  const scripts = new Map<string, number>();
  for (const [id, ms] of self) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const file = frame.url ? frame.url.replace(/^.*\//, '') : '';
    const where = file ? `${frame.functionName || '(anonymous)'} (${file}:${frame.lineNumber + 1})` : frame.functionName || '(anonymous)';
    functions.set(where, (functions.get(where) ?? 0) + ms);
    const script = frame.url.startsWith('chrome-extension://') ? `extension: ${file}` : file ? `page: ${file}` : frame.functionName;
    scripts.set(script, (scripts.get(script) ?? 0) + ms);
  }
  const sorted = (map: Map<string, number>) =>
    [...map].map(([where, selfMs]) => ({ where, selfMs })).sort((a, b) => b.selfMs - a.selfMs).slice(0, top);
  return { byFunction: sorted(functions), byScript: sorted(scripts) };
}
