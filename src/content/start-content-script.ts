import type { ContentScriptContext } from './content-script-context';
import { SITE_PAGES, type Site } from '../model/sites';
import { reportPageContext } from './report-page-context';
import { mountSidebarFrame } from './sidebar-frame';
import { watchPage, type Recogniser } from './watch-page';

/**
 * The whole life of a content script: place the sidebar, then keep telling it who is on the page,
 * until the extension is gone (src/content/content-script-context.ts: nothing the page does ends
 * it). Each site's content-script entrypoint is named after the site (entrypoints/<site>.content.ts).
 */
export function startContentScript(ctx: ContentScriptContext, site: Site, recognise: Recogniser): void {
  if (window.top !== window) return;
  mountSidebarFrame(ctx, { layout: SITE_PAGES[site].layout });
  watchPage(ctx, recognise, reportPageContext, { watchedAttributes: SITE_PAGES[site].watchedAttributes });
}
