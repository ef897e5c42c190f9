import { startContentScript } from '../src/content/start-content-script';
import { SITE_TABLE } from '../src/model/sites';
import { recogniseGmailPage } from '../src/sites/gmail/recognise-gmail-page';

export default defineContentScript({
  matches: [...SITE_TABLE.gmail.matches],
  runAt: 'document_idle',
  main(ctx) {
    startContentScript(ctx, 'gmail', recogniseGmailPage);
  },
});
