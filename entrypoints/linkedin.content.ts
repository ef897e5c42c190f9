import { startContentScript } from '../src/content/start-content-script';
import { SITE_TABLE } from '../src/model/sites';
import { recogniseLinkedInPage } from '../src/sites/linkedin/recognise-linkedin-page';

export default defineContentScript({
  matches: [...SITE_TABLE.linkedin.matches],
  runAt: 'document_idle',
  main(ctx) {
    startContentScript(ctx, 'linkedin', recogniseLinkedInPage);
  },
});
