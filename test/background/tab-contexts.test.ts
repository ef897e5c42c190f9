import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { clearTabContext, getTabContext, setCaptureFinished, setTabContext } from '../../src/background/tab-contexts';
import { gmailContext } from '../messaging/senders-fixtures';

describe('tab contexts', () => {
  it('keeps the latest context per tab in session storage', async () => {
    await setTabContext(1, gmailContext());
    await setTabContext(1, gmailContext({ person: null, pageKind: 'gmail-other' }));
    await setTabContext(2, gmailContext());

    expect(await getTabContext(1)).toEqual(gmailContext({ person: null, pageKind: 'gmail-other' }));
    expect(await getTabContext(2)).toEqual(gmailContext());
    expect(await fakeBrowser.storage.session.get('tabContext:2')).toEqual({ 'tabContext:2': gmailContext() });
  });

  it('forgets a cleared tab, and that its capture finished, and knows nothing of unknown tabs', async () => {
    await setTabContext(1, gmailContext());
    await setCaptureFinished(1, { url: gmailContext().url, reportedAt: 5 });
    await clearTabContext(1);

    expect(await fakeBrowser.storage.session.get(null)).toEqual({});

    expect(await getTabContext(1)).toBeUndefined();
    expect(await getTabContext(99)).toBeUndefined();
  });

  it('treats a stored value that no longer parses as unknown', async () => {
    await fakeBrowser.storage.session.set({ 'tabContext:1': { site: 'myspace' } });
    expect(await getTabContext(1)).toBeUndefined();
  });
});
