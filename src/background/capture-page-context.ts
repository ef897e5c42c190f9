import { captureFromPageContext } from '../db/capture-interactions';
import type { PageContext } from '../page-context/page-context';
import { openDb } from './background-db';

/**
 * Activity capture runs in the background, where every page context arrives once, already
 * parsed and sender-checked: it happens whether or not the sidebar is open, and a thread open in
 * two tabs is captured by one process (the de-duplication transaction covers even that).
 * A failed capture is logged and never fails the report itself.
 */
export async function capturePageContext(context: PageContext): Promise<void> {
  try {
    await captureFromPageContext(openDb(), context, Date.now());
  } catch (error) {
    console.warn('[margin] could not capture activity from the page:', error);
  }
}
