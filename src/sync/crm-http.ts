/**
 * The one place Margin talks HTTP to a CRM: limits, timeouts and the failures the worker must
 * tell apart. `fetch` is injected so tests and the contract mock see every request.
 */

export type CrmFailureKind =
  /** The token was refused (401/403): nothing more is sent until the user reconnects. */
  | 'auth'
  /** 429: wait `retryAfterMs` and send again. */
  | 'rate-limited'
  /** No answer (offline, DNS, timeout) or 5xx: back off and retry; the outcome of a write is unknown. */
  | 'unavailable'
  /** The CRM answered 4xx to this request: sending it again will not help. */
  | 'rejected';

export class CrmHttpError extends Error {
  constructor(
    readonly kind: CrmFailureKind,
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'CrmHttpError';
  }
}

export interface RequestLimits {
  /** At most this many requests per window (HubSpot: 100 per 10 s; Pipedrive: 20 per 2 s). */
  requestsPerWindow: number;
  windowMs: number;
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
}

const DEFAULT_TIMEOUT_MS = 20_000;

export function createCrmHttpClient(options: CrmHttpOptions): CrmHttpClient {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const recent: number[] = [];
  let sentCount = 0;

  /** Sliding window: wait until one more request fits, so Margin never earns a 429 by itself. */
  async function waitForSlot(): Promise<void> {
    for (;;) {
      const windowStart = now() - options.limits.windowMs;
      while (recent.length > 0 && recent[0]! <= windowStart) recent.shift();
      if (recent.length < options.limits.requestsPerWindow) break;
      await sleep(recent[0]! - windowStart + 1);
    }
    recent.push(now());
  }

  return {
    get sentCount() {
      return sentCount;
    },
    async send(request) {
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
      const text = await response.text().catch(() => '');
      if (response.ok) {
        if (!text) return undefined;
        try {
          return JSON.parse(text) as unknown;
        } catch {
          throw new CrmHttpError('unavailable', `${url.host} answered ${response.status} with something that is not JSON.`, response.status);
        }
      }
      throw httpError(response, text);
    },
  };
}

function httpError(response: Response, text: string): CrmHttpError {
  const detail = errorMessageOf(text);
  const status = response.status;
  if (status === 401 || status === 403) {
    return new CrmHttpError('auth', `The CRM refused the API token (${status}${detail ? `: ${detail}` : ''}).`, status);
  }
  if (status === 429) {
    return new CrmHttpError('rate-limited', `The CRM asked Margin to slow down (429).`, status, retryAfterMs(response.headers.get('retry-after')));
  }
  if (status >= 500 || status === 408) {
    return new CrmHttpError('unavailable', `The CRM had a problem (${status}${detail ? `: ${detail}` : ''}).`, status);
  }
  return new CrmHttpError('rejected', `The CRM rejected it (${status}${detail ? `: ${detail}` : ''}).`, status);
}

/** `Retry-After` is seconds or an HTTP date; without it, 10 s (HubSpot's window). */
export function retryAfterMs(header: string | null, now = Date.now()): number {
  if (header) {
    const seconds = Number(header);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
    const date = Date.parse(header);
    if (Number.isFinite(date)) return Math.max(0, date - now);
  }
  return 10_000;
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
