import { useEffect, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import { parseMessage } from '../messaging/parse-message';
import { sendMessage } from '../messaging/send';
import { isOwnContentScript, isOwnExtensionPage } from '../messaging/senders';
import { useQueryClient } from '../ui/query-client-context';
import { seedFirstScreen } from './seed-first-screen';
import { FOCUS_COMPOSER_EVENT } from './use-composer-shortcut';
import type { PageContext } from '../model/page-context';

export type TabContextState =
  | { status: 'loading' }
  | { status: 'ready'; context: PageContext | null }
  | { status: 'failed'; reason: string };

/**
 * The page context of the tab this sidebar lives in. The first answer comes from the
 * background (the content script may have reported before this page listened); after that,
 * reports from this tab's content script arrive directly. Reports from any other tab or sender
 * are ignored.
 *
 * The background's answer also carries the first screen's data for that context; it goes into
 * the query cache before the state turns ready, so the ready render paints it at once.
 */
export function useTabContext(): TabContextState {
  const client = useQueryClient();
  const [state, setState] = useState<TabContextState>({ status: 'loading' });

  useEffect(() => {
    let tabId: number | undefined;
    let receivedDirectly = false;
    const early: Array<{ context: PageContext; tabId: number | undefined }> = [];

    const onMessage = (raw: unknown, sender: Browser.runtime.MessageSender): undefined => {
      const message = parseMessage(raw);
      if (message?.type === 'sidebar/focus-composer') {
        // From the background only (an extension context outside any tab), for this tab only.
        if (isOwnExtensionPage(sender) && !sender.tab && message.tabId === tabId) {
          window.focus();
          window.dispatchEvent(new Event(FOCUS_COMPOSER_EVENT));
        }
        return undefined;
      }
      if (message?.type !== 'page/context' || !isOwnContentScript(sender, message.context)) return undefined;
      if (tabId === undefined) {
        early.push({ context: message.context, tabId: sender.tab?.id });
      } else if (sender.tab?.id === tabId) {
        receivedDirectly = true;
        setState({ status: 'ready', context: message.context });
      }
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);

    sendMessage({ type: 'sidebar/get-context' })
      .then((answer) => {
        tabId = answer.tabId;
        seedFirstScreen(client, answer.firstScreen);
        const latestEarly = early.filter((report) => report.tabId === tabId).at(-1);
        if (!receivedDirectly) setState({ status: 'ready', context: latestEarly?.context ?? answer.context });
      })
      .catch((error: unknown) => {
        setState({ status: 'failed', reason: error instanceof Error ? error.message : String(error) });
      });

    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, []);

  return state;
}
