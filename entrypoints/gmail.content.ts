import { startContentScript } from '../src/content/start-content-script';
import { recogniseGmailPage } from '../src/sites/gmail/recognise-gmail-page';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    startContentScript(ctx, 'gmail', recogniseGmailPage);
  },
});
