import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { reportPageContext } from './report-page-context';
import { mountSidebarFrame } from './sidebar-frame';
import { watchPage, type Recogniser } from './watch-page';

/** The whole life of a content script: place the sidebar, then keep telling it who is on the page. */
export function startContentScript(ctx: ContentScriptContext, recognise: Recogniser): void {
  if (window.top !== window) return;
  mountSidebarFrame(ctx);
  watchPage(ctx, recognise, reportPageContext);
}
