/**
 * Gmail page kinds from the URL alone. Gmail routes in the hash: `#inbox/<threadId>`,
 * `#label/<name>/<threadId>`, `#search/<query>/<threadId>`, with an optional `?compose=…` or
 * `?projector=1` after the route.
 */

const GMAIL_HOST = 'mail.google.com';
const GMAIL_PATH = /^\/mail(?:\/u\/(\d{1,2}))?\/?$/;

/** Thread ids as Gmail puts them in URLs: the current opaque form, or the legacy 16-hex form. */
const THREAD_ID = /^(?:[A-Za-z]{20,80}|[0-9a-f]{16})$/;

/** Routes whose second segment is a thread id: `#inbox/<id>`. */
const ONE_SEGMENT_ROUTES = new Set([
  'inbox', 'all', 'sent', 'starred', 'imp', 'snoozed', 'scheduled', 'spam', 'trash', 'drafts', 'chats',
]);
/** Routes with one argument before the thread id: `#label/<name>/<id>`. */
const TWO_SEGMENT_ROUTES = new Set(['label', 'search', 'category', 'advanced-search']);

/** Whether the URL is a Gmail page at all (any view, any account). */
export function isGmailUrl(url: URL): boolean {
  return url.protocol === 'https:' && url.hostname === GMAIL_HOST && GMAIL_PATH.test(url.pathname);
}

/** The thread id in the URL's hash route, or null when the URL is not an open thread. */
export function gmailThreadIdFromUrl(url: URL): string | null {
  if (!isGmailUrl(url)) return null;
  const route = url.hash.replace(/^#/, '').split('?')[0] ?? '';
  const segments = route.split('/');
  const [view] = segments;
  if (!view) return null;
  let threadId: string | undefined;
  if (ONE_SEGMENT_ROUTES.has(view) && segments.length === 2) threadId = segments[1];
  else if (TWO_SEGMENT_ROUTES.has(view) && segments.length === 3 && segments[1]) threadId = segments[2];
  return threadId && THREAD_ID.test(threadId) ? threadId : null;
}

/** Whether the URL shows one open conversation (a compose window over it does not change that). */
export function isGmailThread(url: URL): boolean {
  return gmailThreadIdFromUrl(url) !== null;
}

/** The signed-in account's index: `/mail/u/2/` → 2, `/mail/` (the default account) → 0; null off Gmail. */
export function gmailAccountIndex(url: URL): number | null {
  if (url.hostname !== GMAIL_HOST) return null;
  const match = GMAIL_PATH.exec(url.pathname);
  if (!match) return null;
  return match[1] === undefined ? 0 : Number(match[1]);
}
