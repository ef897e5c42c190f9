import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCaptureScheduler, MAX_HELD_PAGES, PASSING_REPORT_MS } from '../../src/background/capture-scheduler';
import type { PageContext } from '../../src/model/page-context';

function thread(n: number): PageContext {
  return {
    site: 'gmail',
    url: `https://mail.google.com/mail/u/0/#inbox/1a2b3c4d5e6f${n.toString(16).padStart(4, '0')}`,
    pageKind: 'gmail-thread',
    person: { name: `Person ${n}`, email: `person${n}@example.com` },
  };
}

describe('when activity capture runs', () => {
  let clock = 0;
  let captured: PageContext[];
  const capture = (context: PageContext): Promise<void> => {
    captured.push(context);
    return Promise.resolve();
  };

  beforeEach(() => {
    vi.useFakeTimers();
    clock = 1_000_000;
    captured = [];
  });
  afterEach(() => vi.useRealTimers());

  it('captures a page reported after a pause at once', async () => {
    const scheduler = createCaptureScheduler(capture, () => clock);
    await scheduler.capture(1, thread(1));
    clock += 5_000;
    await scheduler.capture(1, thread(2));
    expect(captured.map((context) => context.person?.name)).toEqual(['Person 1', 'Person 2']);
  });

  it('while the user flicks through threads, captures every page seen once they stop, in the order seen', async () => {
    const scheduler = createCaptureScheduler(capture, () => clock);
    const done: Array<Promise<void>> = [];
    for (let n = 1; n <= 10; n += 1) {
      done.push(scheduler.capture(1, thread(n)));
      clock += 60;
      await vi.advanceTimersByTimeAsync(60);
    }
    // The first came after a pause; the other nine wait while reports keep coming.
    expect(captured.map((context) => context.person?.name)).toEqual(['Person 1']);
    await vi.advanceTimersByTimeAsync(PASSING_REPORT_MS);
    await Promise.all(done);
    expect(captured.map((context) => context.person?.name)).toEqual(Array.from({ length: 10 }, (_, index) => `Person ${index + 1}`));
  });

  it('captures the latest report of a page seen twice in a burst, once', async () => {
    const scheduler = createCaptureScheduler(capture, () => clock);
    await scheduler.capture(1, thread(1));
    clock += 50;
    const first = scheduler.capture(1, { ...thread(2), person: null, noPersonReason: 'not-found' });
    clock += 50;
    const second = scheduler.capture(1, thread(2));
    await vi.advanceTimersByTimeAsync(PASSING_REPORT_MS);
    await Promise.all([first, second]);
    expect(captured).toHaveLength(2);
    expect(captured[1]).toEqual(thread(2));
  });

  it('does not hold more than MAX_HELD_PAGES pages', async () => {
    const scheduler = createCaptureScheduler(capture, () => clock);
    await scheduler.capture(1, thread(0));
    for (let n = 1; n <= MAX_HELD_PAGES; n += 1) {
      clock += 10;
      void scheduler.capture(1, thread(n));
    }
    await vi.advanceTimersByTimeAsync(0);
    expect(captured).toHaveLength(MAX_HELD_PAGES + 1);
  });

  it('keeps tabs apart: one tab flicking does not hold another tab back', async () => {
    const scheduler = createCaptureScheduler(capture, () => clock);
    await scheduler.capture(1, thread(1));
    clock += 50;
    void scheduler.capture(1, thread(2));
    await scheduler.capture(2, thread(3));
    expect(captured.map((context) => context.person?.name)).toEqual(['Person 1', 'Person 3']);
  });

  it('still captures the rest when one capture fails', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const failing = vi.fn((context: PageContext) => (context.person?.name === 'Person 2' ? Promise.reject(new Error('disk full')) : capture(context)));
    const scheduler = createCaptureScheduler(failing, () => clock);
    await scheduler.capture(1, thread(1));
    clock += 50;
    const second = scheduler.capture(1, thread(2));
    clock += 50;
    const third = scheduler.capture(1, thread(3));
    const settled = Promise.allSettled([second, third]);
    await vi.advanceTimersByTimeAsync(PASSING_REPORT_MS);
    await settled;
    expect(captured.map((context) => context.person?.name)).toEqual(['Person 1', 'Person 3']);
    expect(warn).toHaveBeenCalledWith('[margin] could not capture activity from a page:', expect.any(Error));
  });
});
