/**
 * The one place Margin talks HTTP to a CRM: limits, timeouts and the failures the worker must
 * tell apart. `fetch` is injected so tests and the contract mock see every request.
 */

export type CrmFailureKind =
  /** The token was refused (401/403): nothing more is sent until the user reconnects. */
  | 'auth'
  /** 429: wait (`retryAfterMs` when the CRM said, else a growing backoff) and send again. */
  | 'rate-limited'
  /** The CRM's allowance for today is used up: nothing more goes before the next 00:00 UTC. */
  | 'daily-limit'
  /** No answer (offline, DNS, timeout) or 5xx: back off and retry; the outcome of a write is unknown. */
  | 'unavailable'
  /** The CRM answered 4xx to this request: sending it again will not help. */
  | 'rejected';

export class CrmHttpError extends Error {
  constructor(
    readonly kind: CrmFailureKind,
    message: string,
    readonly status?: number,
    /** The wait a 429's `Retry-After` asked for: exact, so it is kept to. */
    readonly retryAfterMs?: number,
    /** The wait `x-ratelimit-reset` announced on a 429 without Retry-After: the backoff's first step. */
    readonly windowResetMs?: number,
  ) {
    super(message);
    this.name = 'CrmHttpError';
  }
}

export interface RequestLimits {
  /**
   * At most this many requests per window (HubSpot: 100 per 10 s; Pipedrive: 20 per 2 s). An
   * answer's `x-ratelimit-limit` can only lower it: a higher plan's allowance is shared with the
   * user's own clicks in the CRM, which Margin leaves room for.
   */
  requestsPerWindow: number;
  windowMs: number;
  /**
   * The CRM has a daily allowance that starts again at 00:00 UTC and says when it is used up
   * (Pipedrive). HubSpot's daily limit resets at midnight in the account's own time zone, which
   * Margin does not know, so its 429s are backed off like any other.
   */
  dailyAllowanceUtc?: boolean;
}

export interface CrmHttpOptions {
  baseUrl: string;
  headers: Record<string, string>;
  limits: RequestLimits;
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  timeoutMs?: number;
}

export interface CrmRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
}

export interface CrmHttpClient {
  send(request: CrmRequest): Promise<unknown>;
  /** Requests sent through this client (for the sync panel and the request-count measurements). */
  readonly sentCount: number;
  /** An answer said no write is left for today (`x-daily-requests-left: 0`): every later request stops at once. */
  readonly dailyAllowanceUsedUp: boolean;
}

const DEFAULT_TIMEOUT_MS = 20_000;

export function createCrmHttpClient(options: CrmHttpOptions): CrmHttpClient {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const recent: number[] = [];
  let sentCount = 0;
  let requestsPerWindow = options.limits.requestsPerWindow;
  /** The CRM said its window is spent (`x-ratelimit-remaining: 0`): nothing goes before this time. */
  let windowSpentUntil = 0;
  let dailyAllowanceUsedUp = false;

  /** Sliding window: wait until one more request fits, so Margin never earns a 429 by itself. */
  async function waitForSlot(): Promise<void> {
    if (windowSpentUntil > now()) await sleep(windowSpentUntil - now());
    for (;;) {
      const windowStart = now() - options.limits.windowMs;
      while (recent.length > 0 && recent[0]! <= windowStart) recent.shift();
      if (recent.length < requestsPerWindow) break;
      await sleep(recent[0]! - windowStart + 1);
    }
    recent.push(now());
  }

  /**
   * What the CRM says about its limits on every answer. Pipedrive documents these headers
   * (https://pipedrive.readme.io/docs/core-api-concepts-rate-limiting, "Rate limiting"; they are
   * not in its OpenAPI documents): `x-ratelimit-limit` requests per 2-second window for this
   * token, `x-ratelimit-remaining` left in the window, `x-ratelimit-reset` seconds until the
   * window resets, and, for api_token requests, `x-daily-requests-left`, the POST/PUT requests
   * left in the current UTC day. HubSpot names its own headers `X-HubSpot-RateLimit-*`, so these
   * are Pipedrive's only.
   */
  function readLimitHeaders(headers: Headers): void {
    const limit = headerNumber(headers, 'x-ratelimit-limit');
    if (limit !== undefined && limit > 0) requestsPerWindow = Math.min(options.limits.requestsPerWindow, limit);
    const remaining = headerNumber(headers, 'x-ratelimit-remaining');
    const reset = headerNumber(headers, 'x-ratelimit-reset');
    if (remaining !== undefined && remaining <= 0) windowSpentUntil = now() + (reset ?? options.limits.windowMs / 1000) * 1000;
    if (options.limits.dailyAllowanceUtc && headerNumber(headers, 'x-daily-requests-left') === 0) dailyAllowanceUsedUp = true;
  }

  return {
    get sentCount() {
      return sentCount;
    },
    get dailyAllowanceUsedUp() {
      return dailyAllowanceUsedUp;
    },
    async send(request) {
      // Asking again would only earn a 429 and spend what tomorrow brings.
      if (dailyAllowanceUsedUp) throw new CrmHttpError('daily-limit', DAILY_LIMIT_MESSAGE, 429);
      await waitForSlot();
      const url = new URL(baseUrl + request.path);
      for (const [key, value] of Object.entries(request.query ?? {})) {
        if (value !== undefined) url.searchParams.set(key, String(value));
      }
      const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
      if (request.body !== undefined) headers['content-type'] = 'application/json';
      sentCount += 1;
      let response: Response;
      try {
        response = await doFetch(url.toString(), {
          method: request.method,
          headers,
          ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
          // Never send cookies or follow a redirect to another host with the token.
          credentials: 'omit',
          redirect: 'error',
          signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
        });
      } catch (error) {
        throw new CrmHttpError('unavailable', `No answer from ${url.host}: ${error instanceof Error ? error.message : String(error)}`);
      }
      readLimitHeaders(response.headers);
      const text = await response.text().catch(() => '');
      if (response.ok) {
        if (!text) return undefined;
        try {
          return JSON.parse(text) as unknown;
        } catch {
          throw new CrmHttpError('unavailable', `${url.host} answered ${response.status} with something that is not JSON.`, response.status);
        }
      }
      throw httpError(response, text, options.limits.dailyAllowanceUtc === true);
    },
  };
}

function httpError(response: Response, text: string, dailyAllowanceUtc: boolean): CrmHttpError {
  const detail = errorMessageOf(text);
  const status = response.status;
  if (status === 401 || status === 403) {
    return new CrmHttpError('auth', `The CRM refused the API token (${status}${detail ? `: ${detail}` : ''}).`, status);
  }
  if (status === 429) {
    // Pipedrive documents `x-daily-requests-left` (see readLimitHeaders); the wording of a 429 for
    // a spent daily token budget is not documented, so its message is read for "daily"/"budget".
    if (dailyAllowanceUtc && (headerNumber(response.headers, 'x-daily-requests-left') === 0 || /daily|budget/i.test(detail))) {
      return new CrmHttpError('daily-limit', `${DAILY_LIMIT_MESSAGE}${detail ? ` (${detail})` : ''}`, status);
    }
    const reset = headerNumber(response.headers, 'x-ratelimit-reset');
    return new CrmHttpError(
      'rate-limited',
      `The CRM asked Margin to slow down (429).`,
      status,
      retryAfterMs(response.headers.get('retry-after')),
      reset === undefined ? undefined : reset * 1000,
    );
  }
  if (status >= 500 || status === 408) {
    return new CrmHttpError('unavailable', `The CRM had a problem (${status}${detail ? `: ${detail}` : ''}).`, status);
  }
  return new CrmHttpError('rejected', `The CRM rejected it (${status}${detail ? `: ${detail}` : ''}).`, status);
}

const DAILY_LIMIT_MESSAGE = "The CRM's API allowance for today is used up.";

/** `Retry-After` is seconds or an HTTP date; undefined without one (the worker backs off by itself). */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header) {
    const seconds = Number(header);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
    const date = Date.parse(header);
    if (Number.isFinite(date)) return Math.max(0, date - now);
  }
  return undefined;
}

function headerNumber(headers: Headers, name: string): number | undefined {
  const value = headers.get(name);
  if (value === null || value.trim() === '') return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** The CRM's own words, short: Pipedrive `{error}`, HubSpot `{message}`. */
function errorMessageOf(text: string): string {
  try {
    const parsed = JSON.parse(text) as { error?: unknown; message?: unknown };
    const message = typeof parsed.message === 'string' ? parsed.message : typeof parsed.error === 'string' ? parsed.error : '';
    return message.slice(0, 200);
  } catch {
    return '';
  }
}
