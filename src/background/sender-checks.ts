import type { SenderChecks } from '../messaging/listen';
import { isOwnContentScript, isOwnExtensionPage } from '../messaging/senders';

/** Who may send the background each message. */
export const backgroundSenderChecks: SenderChecks = {
  // Only the top frame of a Gmail/LinkedIn tab, reporting about its own site and origin.
  'page/context': (sender, message) => isOwnContentScript(sender, message.context),
  // Only the sidebar, an extension page framed inside that tab; content scripts cannot read contexts.
  'sidebar/get-context': (sender) => isOwnExtensionPage(sender) && sender.tab?.id !== undefined,
  // The background sends these two itself; it never acts on them from anyone.
  'sidebar/focus-composer': () => false,
  'sidebar/reveal': () => false,
  // Only the sidebar inside a tab asks about its own tab's page; content scripts never ask.
  'page/describe-structure': (sender) => isOwnExtensionPage(sender) && sender.tab?.id !== undefined,
  // Any of our own pages (sidebar, dashboard) that changed follow-ups; never a content script.
  'tasks/changed': (sender) => isOwnExtensionPage(sender),
  // Our own pages (sidebar, dashboard, options) after a change, a connect or a Retry; never a content script.
  'sync/run': (sender) => isOwnExtensionPage(sender),
};
