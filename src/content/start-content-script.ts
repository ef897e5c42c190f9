import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { reportPageContext } from './report-page-context';
import { mountSidebarFrame } from './sidebar-frame';
import { watchPage, type Recogniser } from './watch-page';

/**
 * The whole life of a content script: place the sidebar, then keep telling it who is on the page.
 * `name` is the entrypoint's name (WXT names its context after it).
 */
export function startContentScript(ctx: ContentScriptContext, name: string, recognise: Recogniser): void {
  if (window.top !== window) return;
  mountSidebarFrame(ctx);
  watchPage(ctx, recognise, reportPageContext);
  ctx.onInvalidated(() => {
    // WXT ends a context when the document receives its "content script started" event, meant for
    // a newer copy of the script after an extension reload. Any page script that knows the
    // extension's id can fire that event. While this extension is still here (a reloaded or
    // removed one leaves `runtime.id` undefined), no newer copy exists: start again, so the page
    // cannot switch Margin off.
    if (browser.runtime?.id) startContentScript(new ContentScriptContext(name), name, recognise);
  });
}
