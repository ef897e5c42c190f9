import { browser } from 'wxt/browser';
import type { Handlers } from '../messaging/listen';
import { pageSkeletonSchema } from '../messaging/protocol';
import { describeSkeleton, PAGE_WALK, readPageSkeleton } from '../sites/page-structure';
import type { MessageSender } from '../messaging/senders';
import { readFirstScreen, type FirstScreenEntry } from '../db/first-screen';
import type { PageContext } from '../model/page-context';
import { openDb } from './background-db';
import { requestSyncRun } from './crm-sync';
import { capturePageContext } from './capture-page-context';
import { createCaptureScheduler } from './capture-scheduler';
import { scheduleFollowUpReminders } from './follow-up-reminders';
import { getTabContext, setCaptureFinished, setTabContext } from './tab-contexts';

const captureScheduler = createCaptureScheduler(capturePageContext);

/** What the background answers to each message; the sender was checked before any of these run. */
export const backgroundHandlers: Handlers = {
  'page/context': async (message, sender) => {
    const tabId = tabIdOf(sender);
    const reportedAt = Date.now();
    await setTabContext(tabId, message.context);
    await captureScheduler.capture(tabId, message.context);
    await setCaptureFinished(tabId, { url: message.context.url, reportedAt });
    return { stored: true };
  },
  'sidebar/get-context': async (_message, sender) => {
    const tabId = tabIdOf(sender);
    const context = (await getTabContext(tabId)) ?? null;
    return { tabId, context, firstScreen: context ? await firstScreenOf(context) : [] };
  },
  'sidebar/focus-composer': () => Promise.reject(new Error('the background sends this message, it does not take it')),
  'sidebar/reveal': () => Promise.reject(new Error('the background sends this message, it does not take it')),
  'tasks/changed': async () => ({ scheduled: await scheduleFollowUpReminders(openDb()) }),
  'sync/run': () => {
    // Answer at once: the run goes on in the background and its state is in the database.
    requestSyncRun().catch((error: unknown) => console.warn('[margin] the CRM sync stopped:', error));
    return Promise.resolve({ started: true });
  },
  'page/describe-structure': async (_message, sender) => describePageOfTab(tabIdOf(sender)),
};

/**
 * Walks the top frame of the tab (the walk runs in the page only now, so no content script carries
 * it), checks the answer's shape, redacts it, and checks that nothing in the result still looks
 * like an address or a member id.
 */
async function describePageOfTab(tabId: number): Promise<{ description: string }> {
  const [walked] = await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, func: readPageSkeleton, args: [PAGE_WALK] });
  const parsed = pageSkeletonSchema.safeParse(walked?.result);
  if (!parsed.success) throw new Error('the page did not describe itself');
  const description = describeSkeleton(parsed.data);
  if (/[^\s@<>]+@[^\s@<>]+\.[a-z]{2,}|ACoAA[A-Za-z0-9_-]{10}/i.test(description)) {
    throw new Error('the page description was not redacted');
  }
  return { description };
}

/**
 * The sidebar's first screen for a context, read here because the background has Dexie loaded
 * anyway: the sidebar paints it before loading the database. A read that fails only costs the
 * sidebar that head start (its own live queries read again and report the failure).
 */
async function firstScreenOf(context: PageContext): Promise<FirstScreenEntry[]> {
  try {
    return await readFirstScreen(openDb(), context);
  } catch (error) {
    console.warn('[margin] could not read the first screen ahead for the sidebar:', error);
    return [];
  }
}

/** Both messages are about the sender's tab; one sent from outside a tab has nothing to refer to. */
function tabIdOf(sender: MessageSender): number {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new Error('the sender is not in a tab');
  return tabId;
}
