import { expect, type Worker } from '@playwright/test';

/** Now, on the background's clock (the moment a later report must come after). */
export function backgroundNow(serviceWorker: Worker): Promise<number> {
  return serviceWorker.evaluate(() => Date.now());
}

/**
 * Waits until the background has captured from a report of `url` that arrived at or after
 * `since` (its `tabCaptured:<tab>` mark in session storage, written once the capture is done):
 * the signal to wait on before asserting that a repeat visit added nothing, instead of a sleep.
 */
export async function captureFinished(serviceWorker: Worker, url: string, since: number): Promise<void> {
  await expect
    .poll(() =>
      serviceWorker.evaluate(
        async ({ url: page, since: after }) => {
          const api = (globalThis as unknown as { chrome: { storage: { session: { get(keys: null): Promise<Record<string, unknown>> } } } }).chrome;
          const stored = await api.storage.session.get(null);
          return Object.entries(stored).some(([key, value]) => {
            const mark = value as { url?: string; reportedAt?: number };
            return key.startsWith('tabCaptured:') && mark.url === page && (mark.reportedAt ?? -1) >= after;
          });
        },
        { url, since },
      ),
    )
    .toBe(true);
}
