import { browser } from 'wxt/browser';

/** Right after a reload Chrome can refuse access to a tab for a moment; a few tries a second apart cover it. */
const TRIES = 5;
const RETRY_MS = 1_000;

/**
 * Chrome does not put content scripts back into open tabs when Margin is installed, updated or
 * reloaded: a Gmail tab opened before would have no sidebar until reloaded. This injects the
 * manifest's own content scripts into the tabs they match, once per install event. The copy
 * from before the update (if any) has lost its extension and stops (startContentScript); the new
 * one replaces its sidebar, so the sidebar comes back once. Firefox re-injects by itself.
 */
export async function reinjectContentScripts(wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))): Promise<void> {
  const pending: Array<{ tabId: number; files: string[] }> = [];
  for (const script of browser.runtime.getManifest().content_scripts ?? []) {
    if (!script.js?.length || !script.matches?.length) continue;
    for (const tab of await browser.tabs.query({ url: script.matches })) {
      if (tab.id !== undefined && !tab.discarded) pending.push({ tabId: tab.id, files: script.js });
    }
  }
  for (let attempt = 1; pending.length > 0 && attempt <= TRIES; attempt += 1) {
    if (attempt > 1) await wait(RETRY_MS);
    for (const job of [...pending]) {
      try {
        // The manifest's own paths: the files exist in the package.
        await browser.scripting.executeScript({ target: { tabId: job.tabId }, files: job.files as never });
        pending.splice(pending.indexOf(job), 1);
      } catch (error) {
        if (attempt === TRIES) console.warn(`[margin] could not put the sidebar back into tab ${job.tabId}:`, error);
      }
    }
  }
}
