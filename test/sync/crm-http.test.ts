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
    expect(retryAfterMs(null)).toBeUndefined();
  });

  function pipedriveLike(answers: (() => Response)[], dailyAllowanceUtc = true) {
    const clock = fakeClock();
    const sentAt: number[] = [];
    const client = createCrmHttpClient({
      baseUrl: 'https://api.pipedrive.example',
      headers: {},
      limits: { requestsPerWindow: 20, windowMs: 2_000, dailyAllowanceUtc },
      now: clock.now,
      sleep: clock.sleep,
      fetch: async () => {
        sentAt.push(clock.now());
        return (answers.shift() ?? (() => new Response('{"success":true}')))();
      },
    });
    return { client, sentAt, send: () => client.send({ method: 'POST', path: '/v1/notes', body: {} }).catch((error: unknown) => error as CrmHttpError) };
  }

  it("waits out a window Pipedrive says is spent, and keeps to a lower limit it announces", async () => {
    const spent = pipedriveLike([() => new Response('{}', { headers: { 'x-ratelimit-limit': '20', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '2' } })]);
    await spent.send();
    await spent.send();
    expect(spent.sentAt).toEqual([0, 2_000]);

    const lower = pipedriveLike([() => new Response('{}', { headers: { 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '4', 'x-ratelimit-reset': '2' } })]);
    for (let index = 0; index < 6; index += 1) await lower.send();
    // Five in the first 2 s, the sixth after the window moved on.
    expect(lower.sentAt.filter((at) => at < 2_000)).toHaveLength(5);
    expect(lower.sentAt[5]).toBeGreaterThanOrEqual(2_000);
  });

  it("after x-daily-requests-left: 0 sends nothing more today, and a 429 about the day's allowance says so", async () => {
    const lastOne = pipedriveLike([() => new Response('{"success":true}', { headers: { 'x-daily-requests-left': '0' } })]);
    expect(await lastOne.send()).toEqual({ success: true });
    expect(lastOne.client.dailyAllowanceUsedUp).toBe(true);
    expect(await lastOne.send()).toMatchObject({ kind: 'daily-limit' });
    expect(lastOne.sentAt).toHaveLength(1);

    const header429 = pipedriveLike([() => new Response('{"success":false,"error":"Request over limit"}', { status: 429, headers: { 'x-daily-requests-left': '0' } })]);
    expect(await header429.send()).toMatchObject({ kind: 'daily-limit' });
    const budget429 = pipedriveLike([() => new Response('{"success":false,"error":"Daily API token budget exhausted"}', { status: 429 })]);
    expect(await budget429.send()).toMatchObject({ kind: 'daily-limit', message: expect.stringContaining('token budget exhausted') });
    const window429 = pipedriveLike([() => new Response('{"success":false,"error":"Request over limit"}', { status: 429, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '2' } })]);
    expect(await window429.send()).toMatchObject({ kind: 'rate-limited', retryAfterMs: undefined, windowResetMs: 2_000 });
    // HubSpot's daily limit resets in the account's time zone: its 429s are backed off, never read as "wait for 00:00 UTC".
    const hubspot429 = pipedriveLike([() => new Response('{"message":"You have reached your daily limit.","policyName":"DAILY"}', { status: 429 })], false);
    expect(await hubspot429.send()).toMatchObject({ kind: 'rate-limited' });
  });
});
