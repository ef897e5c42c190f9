import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { SITE_TABLE, type Site } from '../model/sites';
import { answerStructureRequests } from './describe-page-on-request';
import { reportPageContext } from './report-page-context';
import { mountSidebarFrame } from './sidebar-frame';
import { watchPage, type Recogniser } from './watch-page';

/**
 * The whole life of a content script: place the sidebar, then keep telling it who is on the page.
 * Each site's content-script entrypoint is named after the site (entrypoints/<site>.content.ts),
 * and WXT names its context after the entrypoint, so `site` is also the context's name.
 */
export function startContentScript(ctx: ContentScriptContext, site: Site, recognise: Recogniser): void {
  if (window.top !== window) return;
  mountSidebarFrame(ctx, { layout: SITE_TABLE[site].layout });
  answerStructureRequests(ctx);
  watchPage(ctx, recognise, reportPageContext, { watchedAttributes: SITE_TABLE[site].watchedAttributes });
  ctx.onInvalidated(() => {
    // WXT ends a context when the document receives its "content script started" event, meant for
    // a newer copy of the script after an extension reload. Any page script that knows the
    // extension's id can fire that event. While this extension is still here (a reloaded or
    // removed one leaves `runtime.id` undefined), no newer copy exists: start again, so the page
    // cannot switch Margin off.
    if (browser.runtime?.id) startContentScript(new ContentScriptContext(site), site, recognise);
  });
}
