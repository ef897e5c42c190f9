import { defineBackground } from 'wxt/utils/define-background';
import { registerBackground } from '../src/background/register-background';

// WXT imports this file in Node at build time: everything happens inside main.
export default defineBackground(() => {
  registerBackground();
});
