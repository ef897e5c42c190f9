import { ContentScriptContext } from '../src/content/content-script-context';
import { startContentScript } from '../src/content/start-content-script';
import { SITE_PAGES } from '../src/model/sites';
import { recogniseLinkedInPage } from '../src/sites/linkedin/recognise-linkedin-page';

export default defineContentScript({
  matches: [...SITE_PAGES.linkedin.matches],
  runAt: 'document_end',
  // WXT's entry passes a context of its own; Margin's content scripts keep their own (see the class).
  main() {
    startContentScript(new ContentScriptContext(), 'linkedin', recogniseLinkedInPage);
  },
});
