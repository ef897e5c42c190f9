import { startContentScript } from '../src/content/start-content-script';
import { recogniseLinkedInPage } from '../src/sites/linkedin/recognise-linkedin-page';

export default defineContentScript({
  matches: ['https://www.linkedin.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    startContentScript(ctx, 'linkedin', recogniseLinkedInPage);
  },
});
