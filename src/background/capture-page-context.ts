import { captureFromPageContext, rememberOwnAddresses } from '../actions/capture-interactions';
import type { PageContext } from '../model/page-context';
import { openDb } from './background-db';

/**
 * Activity capture runs in the background, where every page context arrives once, already
 * parsed and sender-checked: it happens whether or not the sidebar is open, and a thread open in
 * two tabs is captured by one process (the de-duplication transaction covers even that).
 * The background is also the one place that learns the user's addresses from the page, before
 * it captures, so capture and every sidebar read the same answer to "who is the user".
 * A failure is logged and never fails the report itself.
 */
export async function capturePageContext(context: PageContext): Promise<void> {
  const db = openDb();
  const now = Date.now();
  try {
    await rememberOwnAddresses(db, context, now);
  } catch (error) {
    console.warn('[margin] could not remember your own addresses:', error);
  }
  try {
    await captureFromPageContext(db, context, now);
  } catch (error) {
    console.warn('[margin] could not capture activity from the page:', error);
  }
}
