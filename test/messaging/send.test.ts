import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MessageFailedError, sendMessage } from '../../src/messaging/send';

describe('sendMessage', () => {
  it('resolves with the answer', async () => {
    fakeBrowser.runtime.onMessage.addListener((_message, _sender, sendResponse) => {
      sendResponse({ tabId: 3, context: null });
      return true;
    });

    await expect(sendMessage({ type: 'sidebar/get-context' })).resolves.toEqual({ tabId: 3, context: null });
  });

  it('throws when the receiver answered with an error', async () => {
    fakeBrowser.runtime.onMessage.addListener((_message, _sender, sendResponse) => {
      sendResponse({ error: 'the sender is not in a tab' });
      return true;
    });

    await expect(sendMessage({ type: 'sidebar/get-context' })).rejects.toThrow(MessageFailedError);
  });

  it('throws when nobody answered', async () => {
    fakeBrowser.runtime.onMessage.addListener(() => undefined);

    await expect(sendMessage({ type: 'sidebar/get-context' })).rejects.toThrow(/No answer/);
  });
});
