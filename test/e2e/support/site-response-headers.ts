/**
 * Response headers like the ones Gmail and LinkedIn send with their pages, so the end-to-end tests
 * run the extension under the policies real users' pages have. A `{{CSP_NONCE}}` placeholder in a
 * fixture is replaced with the response's nonce, for a fixture that wants a script of its own to run.
 */

export const CSP_NONCE_PLACEHOLDER = '{{CSP_NONCE}}';

const COMMON_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-cache, no-store, max-age=0, must-revalidate',
  'x-content-type-options': 'nosniff',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'cross-origin-opener-policy': 'same-origin-allow-popups',
} as const;

/**
 * Gmail: nonce + 'strict-dynamic' scripts (so 'unsafe-inline' and https: are ignored), Trusted
 * Types, and a frame-src allow-list of Google hosts only. Gmail also sends report-uri; we leave it
 * out so that violation reports do not add noise to the request log.
 */
export function gmailResponseHeaders(nonce: string): Record<string, string> {
  const policy = [
    `script-src 'nonce-${nonce}' 'strict-dynamic' 'report-sample' 'unsafe-eval' 'unsafe-inline' https: http:`,
    "object-src 'none'",
    "base-uri 'self'",
    'frame-src https://*.google.com https://*.googleusercontent.com https://*.gstatic.com https://www.youtube.com',
    "require-trusted-types-for 'script'",
    "frame-ancestors 'self'",
  ].join('; ');
  return {
    ...COMMON_HEADERS,
    'content-security-policy': policy,
    'x-frame-options': 'SAMEORIGIN',
    'x-xss-protection': '0',
    server: 'GSE',
  };
}

/**
 * LinkedIn: host allow-lists for everything. LinkedIn itself allows 'unsafe-inline' scripts; here
 * scripts need the response's nonce instead, because saved LinkedIn pages still carry LinkedIn's own
 * inline scripts, which must stay off (a saved snapshot booting the app against a blocked network is
 * nothing a user ever sees). Content scripts and extension frames are exempt either way.
 */
export function linkedinResponseHeaders(nonce: string): Record<string, string> {
  const policy = [
    'default-src *',
    "connect-src 'self' *.licdn.com *.linkedin.com wss://*.linkedin.com",
    'img-src data: blob: *',
    'font-src data: *',
    "style-src 'unsafe-inline' 'self' static-src.linkedin.com *.licdn.com",
    `script-src 'report-sample' 'nonce-${nonce}' 'unsafe-eval' 'self' static-src.linkedin.com *.licdn.com`,
    "object-src 'none'",
    'media-src blob: *',
    "frame-src 'self' *.linkedin.com *.licdn.com www.youtube.com",
    "frame-ancestors 'self'",
    'upgrade-insecure-requests',
  ].join('; ');
  return {
    ...COMMON_HEADERS,
    'content-security-policy': policy,
    'x-frame-options': 'sameorigin',
    'x-li-fabric': 'prod-lva1',
  };
}

/** The headers for a served page on `hostname`, or plain HTML headers for any other host. */
export function responseHeadersFor(hostname: string, nonce: string): Record<string, string> {
  if (hostname === 'mail.google.com') return gmailResponseHeaders(nonce);
  if (hostname === 'www.linkedin.com' || hostname.endsWith('.linkedin.com')) return linkedinResponseHeaders(nonce);
  return { ...COMMON_HEADERS };
}
