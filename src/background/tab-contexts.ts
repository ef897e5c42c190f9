import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { pageContextSchema, type PageContext } from '../model/page-context';

/*
 * Kept in storage.session rather than in memory: an MV3 service worker is stopped after ~30 s idle,
 * and the sidebar asking after that must still get its tab's context. Session storage is cleared
 * when the browser closes and is not readable by content scripts.
 */

function keyOf(tabId: number): string {
  return `tabContext:${tabId}`;
}

export async function setTabContext(tabId: number, context: PageContext): Promise<void> {
  await browser.storage.session.set({ [keyOf(tabId)]: context });
}

/** The tab's latest context; undefined when none was reported or what is stored no longer parses. */
export async function getTabContext(tabId: number): Promise<PageContext | undefined> {
  const key = keyOf(tabId);
  const stored: Record<string, unknown> = await browser.storage.session.get(key);
  const parsed = z.safeParse(pageContextSchema, stored[key]);
  return parsed.success ? parsed.data : undefined;
}

export async function clearTabContext(tabId: number): Promise<void> {
  await browser.storage.session.remove(keyOf(tabId));
}
