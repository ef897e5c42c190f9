import type { PageContext } from '../model/page-context';

/** Reports from one tab closer together than this are a user going through threads (Gmail's j/k)... */
export const PASSING_REPORT_MS = 300;
/** ...whose pages are captured once the reports pause, or at once when this many are waiting. */
export const MAX_HELD_PAGES = 50;

export interface CaptureScheduler {
  /** Resolves once `context` (or a later report of the same page, which replaced it) is captured. */
  capture(tabId: number, context: PageContext): Promise<void>;
}

interface HeldPage {
  context: PageContext;
  captured: Array<() => void>;
}

interface TabState {
  lastReportAt: number;
  /** Pages waiting for the reports to pause, by address, oldest first. */
  held: Map<string, HeldPage>;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/**
 * When activity capture runs. A report after a pause is captured at once. While the user goes
 * through threads faster than PASSING_REPORT_MS, each page's capture waits until they stop (the
 * latest report of each page, in the order the pages were seen), so the background's reads and
 * writes do not compete with the page for the CPU while the user flicks. Nothing is dropped:
 * every page seen is captured, one after another, a moment later. Held pages live in the
 * worker's memory for at most PASSING_REPORT_MS after the last report; the pending answer to that
 * report keeps the worker alive until then.
 */
export function createCaptureScheduler(capture: (context: PageContext) => Promise<void>, now: () => number = Date.now): CaptureScheduler {
  const tabs = new Map<number, TabState>();

  const flush = async (state: TabState): Promise<void> => {
    if (state.timer !== undefined) clearTimeout(state.timer);
    state.timer = undefined;
    const pages = [...state.held.values()];
    state.held.clear();
    for (const page of pages) {
      try {
        await capture(page.context);
      } catch (error) {
        // One page that could not be captured must not keep the pages after it from being captured.
        console.warn('[margin] could not capture activity from a page:', error);
      }
      for (const resolve of page.captured) resolve();
    }
  };

  return {
    capture(tabId, context) {
      let state = tabs.get(tabId);
      if (!state) {
        state = { lastReportAt: Number.NEGATIVE_INFINITY, held: new Map(), timer: undefined };
        tabs.set(tabId, state);
      }
      const at = now();
      const passing = at - state.lastReportAt < PASSING_REPORT_MS;
      state.lastReportAt = at;
      if (!passing && state.held.size === 0) return capture(context);

      const tab = state;
      return new Promise<void>((resolve) => {
        const earlier = tab.held.get(context.url);
        tab.held.delete(context.url);
        tab.held.set(context.url, { context, captured: [...(earlier?.captured ?? []), resolve] });
        if (tab.timer !== undefined) clearTimeout(tab.timer);
        tab.timer = undefined;
        if (tab.held.size >= MAX_HELD_PAGES) void flush(tab);
        else tab.timer = setTimeout(() => void flush(tab), PASSING_REPORT_MS);
      });
    },
  };
}
