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
  await browser.storage.session.remove([keyOf(tabId), capturedKeyOf(tabId)]);
}

function capturedKeyOf(tabId: number): string {
  return `tabCaptured:${tabId}`;
}

/** The tab's last report whose capture has finished: its address and when the report arrived. */
export interface CaptureFinished {
  url: string;
  reportedAt: number;
}

/**
 * Marks that the background has done everything a report asks (stored it, captured from it). It
 * answers "has the report made after this moment been captured?" without a sleep: the
 * end-to-end tests wait on it before asserting that a repeat visit added nothing.
 */
export async function setCaptureFinished(tabId: number, finished: CaptureFinished): Promise<void> {
  await browser.storage.session.set({ [capturedKeyOf(tabId)]: finished });
}
