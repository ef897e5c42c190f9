import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { watchPage, type Recogniser } from '../../src/content/watch-page';
import type { PageContext } from '../../src/page-context/page-context';

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
    watchPage(ctx, recogniseTestPage, (context) => reports.push(context));
    expect(reports.map((report) => report.person?.name)).toEqual(['Priya']);
  });

  it('reports again only when a DOM change changes what is recognised', async () => {
    watchPage(ctx, recogniseTestPage, (context) => reports.push(context));
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
    watchPage(ctx, recognise, () => undefined);
    for (let index = 0; index < 50; index += 1) {
      document.body.append(document.createElement('span'));
      await Promise.resolve();
      await vi.advanceTimersByTimeAsync(20);
    }
    await settle();
    // 1 at start, then at most one per second of continuous change (50 × 20 ms = 1 s) plus the last.
    expect(recognise.mock.calls.length).toBeLessThanOrEqual(4);
  });

  it("ignores changes inside Margin's own host element", async () => {
    const host = document.createElement('div');
    host.id = 'margin-root';
    document.body.append(host);
    const recognise = vi.fn(recogniseTestPage);
    watchPage(ctx, recognise, () => undefined);
    host.append(document.createElement('span'));
    await settle();
    expect(recognise).toHaveBeenCalledTimes(1);
  });

  it('stops when the content script is invalidated', async () => {
    watchPage(ctx, recogniseTestPage, (context) => reports.push(context));
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
      ),
    ).not.toThrow();
    expect(reports).toEqual([]);
    expect(warn).toHaveBeenCalled();
  });
});
