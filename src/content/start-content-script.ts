import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { SITE_TABLE, type Site } from '../model/sites';
import { answerStructureRequests } from './describe-page-on-request';
import { reportPageContext } from './report-page-context';
import { mountSidebarFrame } from './sidebar-frame';
import { watchPage, type Recogniser } from './watch-page';

/** The whole life of a content script: place the sidebar, then keep telling it who is on the page. */
export function startContentScript(ctx: ContentScriptContext, site: Site, recognise: Recogniser): void {
  if (window.top !== window) return;
  mountSidebarFrame(ctx, { layout: SITE_TABLE[site].layout });
  answerStructureRequests(ctx);
  watchPage(ctx, recognise, reportPageContext, { watchedAttributes: SITE_TABLE[site].watchedAttributes });
}
