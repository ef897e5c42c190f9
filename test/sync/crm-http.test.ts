import { describe, expect, it } from 'vitest';
import type { CrmHttpError} from '../../src/sync/crm-http';
import { createCrmHttpClient, retryAfterMs } from '../../src/sync/crm-http';

function fakeClock() {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
    },
  };
}

describe('the CRM HTTP client', () => {
  it('never sends more than the limit in any window, by waiting rather than earning a 429', async () => {
    const clock = fakeClock();
    const sentAt: number[] = [];
    const client = createCrmHttpClient({
      baseUrl: 'https://crm.example/',
      headers: { 'x-api-token': 't' },
      limits: { requestsPerWindow: 20, windowMs: 2_000 },
      now: clock.now,
      sleep: clock.sleep,
      fetch: async () => {
        sentAt.push(clock.now());
        return new Response('{"success":true}', { status: 200 });
      },
    });
    for (let index = 0; index < 45; index += 1) await client.send({ method: 'GET', path: '/v1/users/me' });
    expect(client.sentCount).toBe(45);
    for (const at of sentAt) expect(sentAt.filter((other) => other > at - 2_000 && other <= at).length).toBeLessThanOrEqual(20);
    expect(sentAt.at(-1)).toBeGreaterThanOrEqual(4_000);
  });

  it('tells a refused token, a 429 with its wait, a lost answer and a rejected request apart', async () => {
    const answer = (response: Response | Error) =>
      createCrmHttpClient({
        baseUrl: 'https://crm.example',
        headers: {},
        limits: { requestsPerWindow: 10, windowMs: 1_000 },
        fetch: async () => {
          if (response instanceof Error) throw response;
          return response;
        },
      }).send({ method: 'POST', path: '/x', body: {} }).catch((error: unknown) => error as CrmHttpError);
    expect(await answer(new Response('{"error":"unauthorized access"}', { status: 401 }))).toMatchObject({ kind: 'auth', message: expect.stringContaining('unauthorized access') });
    expect(await answer(new Response('', { status: 429, headers: { 'retry-after': '7' } }))).toMatchObject({ kind: 'rate-limited', retryAfterMs: 7_000 });
    expect(await answer(new TypeError('Failed to fetch'))).toMatchObject({ kind: 'unavailable' });
    expect(await answer(new Response('', { status: 503 }))).toMatchObject({ kind: 'unavailable', status: 503 });
    expect(await answer(new Response('{"message":"Property values were not valid"}', { status: 400 }))).toMatchObject({ kind: 'rejected', message: expect.stringContaining('Property values were not valid') });
  });

  it('reads Retry-After as seconds or a date, and waits 10 s without one', () => {
    expect(retryAfterMs('2')).toBe(2_000);
    expect(retryAfterMs(new Date(61_000).toUTCString(), 1_000)).toBe(60_000);
    expect(retryAfterMs(null)).toBe(10_000);
  });
});
