import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from '../../src/content/content-script-context';
import { QUIET_TICK_MS, watchPage, type Recogniser } from '../../src/content/watch-page';
import type { PageContext } from '../../src/model/page-context';
import { SITE_TABLE } from '../../src/model/sites';

const WATCHED = { watchedAttributes: SITE_TABLE.gmail.watchedAttributes };

/** A recogniser that reads the name from `#person`, like a real one reads the page. */
const recogniseTestPage: Recogniser = (document, url) => {
  const name = document.querySelector('#person')?.textContent?.trim();
  return {
    site: 'gmail',
    url: url.href,
    pageKind: name ? 'gmail-thread' : 'gmail-other',
    person: name ? { name, email: `${name.toLowerCase()}@example.com` } : null,
  };
};

async function settle(): Promise<void> {
  await Promise.resolve(); // let MutationObserver callbacks run
  await vi.advanceTimersByTimeAsync(1_100);
}

describe('watchPage', () => {
  let ctx: ContentScriptContext;
  let reports: PageContext[];

  beforeEach(() => {
    vi.useFakeTimers();
    document.body.replaceChildren();
    ctx = new ContentScriptContext('test');
    reports = [];
  });
  afterEach(() => {
    ctx.abort();
    vi.useRealTimers();
  });

  it('reports what the page shows at start', () => {
    const person = document.createElement('p');
    person.id = 'person';
    person.textContent = 'Priya';
    document.body.append(person);
    watchPage(ctx, recogniseTestPage, (context) => reports.push(context), WATCHED);
    expect(reports.map((report) => report.person?.name)).toEqual(['Priya']);
  });

  it('reads the page again when only the tab title changes (LinkedIn sets it after the page)', async () => {
    const byTitle: Recogniser = (document, url) => ({
      site: 'linkedin',
      url: url.href,
      pageKind: 'linkedin-profile',
      person: document.title ? { name: document.title, linkedinSlug: 'someone' } : null,
    });
    document.title = '';
    watchPage(ctx, byTitle, (context) => reports.push(context), { watchedAttributes: SITE_TABLE.linkedin.watchedAttributes });
    document.title = 'Eugene Mann';
    await settle();
    expect(reports.map((report) => report.person?.name ?? null)).toEqual([null, 'Eugene Mann']);
  });

  it('reports again only when a DOM change changes what is recognised', async () => {
    watchPage(ctx, recogniseTestPage, (context) => reports.push(context), WATCHED);
    expect(reports.map((report) => report.person)).toEqual([null]);

    const noise = document.createElement('div');
    noise.textContent = 'unrelated change';
    document.body.append(noise);
    await settle();
    expect(reports).toHaveLength(1);

    const person = document.createElement('p');
    person.id = 'person';
    person.textContent = 'Jonas';
    document.body.append(person);
    await settle();
    expect(reports.map((report) => report.person?.name ?? null)).toEqual([null, 'Jonas']);
  });

  it('reads the page once per burst of changes, not once per change', async () => {
    const recognise = vi.fn(recogniseTestPage);
    watchPage(ctx, recognise, () => undefined, WATCHED);
    for (let index = 0; index < 50; index += 1) {
      document.body.append(document.createElement('span'));
      await Promise.resolve();
      await vi.advanceTimersByTimeAsync(20);
    }
    await settle();
    // 1 at start, then at most one per second of continuous change (50 × 20 ms = 1 s) plus the last.
    expect(recognise.mock.calls.length).toBeLessThanOrEqual(4);
  });

  it("ignores changes inside Margin's own sidebar (its shadow root)", async () => {
    const host = document.createElement('div');
    host.id = 'margin-root';
    const shadow = host.attachShadow({ mode: 'open' });
    document.body.append(host);
    const recognise = vi.fn(recogniseTestPage);
    watchPage(ctx, recognise, () => undefined, WATCHED);
    shadow.append(document.createElement('span'));
    await settle();
    expect(recognise).toHaveBeenCalledTimes(1);
  });

  describe('navigation', () => {
    /** Like the Gmail recogniser: the thread shown must be the one the URL names, else `stale-page`. */
    const recogniseThread: Recogniser = (document, url) => {
      const shown = document.querySelector<HTMLElement>('#person');
      const urlThread = url.hash.slice(1);
      if (!shown || !urlThread) return { site: 'gmail', url: url.href, pageKind: 'gmail-other', person: null };
      if (shown.dataset.thread !== urlThread) {
        return { site: 'gmail', url: url.href, pageKind: 'gmail-thread', person: null, noPersonReason: 'stale-page' };
      }
      const name = shown.textContent?.trim() ?? '';
      return { site: 'gmail', url: url.href, pageKind: 'gmail-thread', person: { name, email: `${name.toLowerCase()}@example.com` } };
    };
    const showThread = (thread: string, name: string) => {
      const person = document.createElement('p');
      person.id = 'person';
      person.dataset.thread = thread;
      person.textContent = name;
      document.querySelector('#person')?.remove();
      document.body.append(person);
    };
    const navigate = (hash: string) => {
      history.pushState({}, '', `#${hash}`);
      window.dispatchEvent(new PopStateEvent('popstate'));
    };
    const seen = () => reports.map((report) => `${new URL(report.url).hash} ${report.person?.name ?? report.noPersonReason ?? '-'}`);

    beforeEach(() => history.replaceState({}, '', '#thread-a'));

    it('reads the new page in the same task when the DOM already shows what the URL names', () => {
      showThread('thread-a', 'Priya');
      watchPage(ctx, recogniseThread, (context) => reports.push(context), WATCHED);
      showThread('thread-b', 'Jonas');
      navigate('thread-b');
      // No timer and no animation frame has run: the report was made by the navigation itself.
      expect(seen()).toEqual(['#thread-a Priya', '#thread-b Jonas']);
    });

    it('while the old thread lingers: the new person on the first frame that shows it, never the old one', async () => {
      showThread('thread-a', 'Priya');
      watchPage(ctx, recogniseThread, (context) => reports.push(context), WATCHED);
      navigate('thread-b');
      // Not reported yet: the next frame usually shows the new thread, and a "stale" flash helps nobody.
      expect(seen()).toEqual(['#thread-a Priya']);

      showThread('thread-b', 'Jonas');
      await Promise.resolve(); // the MutationObserver callback
      await vi.advanceTimersByTimeAsync(20); // one animation frame, well before a quiet tick
      expect(seen()).toEqual(['#thread-a Priya', '#thread-b Jonas']);
    });

    it('says "stale" when the old thread stays, and reads the new one the frame it arrives', async () => {
      showThread('thread-a', 'Priya');
      watchPage(ctx, recogniseThread, (context) => reports.push(context), WATCHED);
      navigate('thread-b');
      await vi.advanceTimersByTimeAsync(QUIET_TICK_MS + 10);
      expect(seen()).toEqual(['#thread-a Priya', '#thread-b stale-page']);

      await vi.advanceTimersByTimeAsync(1_000);
      showThread('thread-b', 'Jonas');
      await Promise.resolve();
      await vi.advanceTimersByTimeAsync(20);
      expect(seen()).toEqual(['#thread-a Priya', '#thread-b stale-page', '#thread-b Jonas']);
    });

    it('a pushState no event tells of (Firefox has no Navigation API) is read with the DOM change it brings', async () => {
      showThread('thread-a', 'Priya');
      watchPage(ctx, recogniseThread, (context) => reports.push(context), WATCHED);
      history.pushState({}, '', '#thread-b');
      showThread('thread-b', 'Jonas');
      await Promise.resolve(); // the MutationObserver callback, before any timer or frame
      expect(seen()).toEqual(['#thread-a Priya', '#thread-b Jonas']);
    });

    it('back to the churn rule once the page shows the new thread: later changes wait for a quiet tick', async () => {
      showThread('thread-a', 'Priya');
      const recognise = vi.fn(recogniseThread);
      watchPage(ctx, recognise, (context) => reports.push(context), WATCHED);
      showThread('thread-b', 'Jonas');
      navigate('thread-b');
      expect(recognise).toHaveBeenCalledTimes(2);
      await Promise.resolve();
      await vi.advanceTimersByTimeAsync(20);
      // The DOM change that came before the navigation was already read with it.
      expect(recognise).toHaveBeenCalledTimes(2);
      document.body.append(document.createElement('span'));
      await Promise.resolve();
      await vi.advanceTimersByTimeAsync(20);
      expect(recognise).toHaveBeenCalledTimes(2);
      await settle();
      expect(recognise).toHaveBeenCalledTimes(3);
    });
  });

  it('stops when the content script is invalidated', async () => {
    watchPage(ctx, recogniseTestPage, (context) => reports.push(context), WATCHED);
    ctx.abort();
    const person = document.createElement('p');
    person.id = 'person';
    person.textContent = 'Priya';
    document.body.append(person);
    await settle();
    expect(reports).toHaveLength(1);
  });

  it('treats a recogniser that throws as "nothing to report" and keeps the page working', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(() =>
      watchPage(
        ctx,
        () => {
          throw new Error('markup changed');
        },
        (context) => reports.push(context),
        WATCHED,
      ),
    ).not.toThrow();
    expect(reports).toEqual([]);
    expect(warn).toHaveBeenCalled();
  });
});
