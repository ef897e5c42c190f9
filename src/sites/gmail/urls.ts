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

/** The hash route's segments (`#label/Foo/<id>?compose=new` → label, Foo, <id>). */
function routeOf(url: URL): string[] {
  return (url.hash.slice(1).split('?')[0] ?? '').split('/');
}

/** The thread id in the URL's hash route, or null when the URL is not an open thread. */
export function gmailThreadIdFromUrl(url: URL): string | null {
  if (!isGmailUrl(url)) return null;
  const segments = routeOf(url);
  const [view] = segments;
  if (!view) return null;
  let threadId: string | undefined;
  if (ONE_SEGMENT_ROUTES.has(view) && segments.length === 2) threadId = segments[1];
  else if (TWO_SEGMENT_ROUTES.has(view) && segments.length === 3 && segments[1]) threadId = segments[2];
  return threadId && THREAD_ID.test(threadId) ? threadId : null;
}

/**
 * Whether the URL shows a list of conversations (inbox, a label, search results, a category, the
 * default view, page 2…): no one person is on it.
 */
export function isGmailList(url: URL): boolean {
  if (!isGmailUrl(url) || isGmailThread(url)) return false;
  const segments = routeOf(url);
  const [view] = segments;
  if (!view) return segments.length === 1 && url.searchParams.get('view') === null;
  if (ONE_SEGMENT_ROUTES.has(view)) return segments.length === 1 || (segments.length === 2 && /^p\d{1,4}$/.test(segments[1] ?? ''));
  if (TWO_SEGMENT_ROUTES.has(view)) return segments.length >= 2 && segments.length <= 3 && Boolean(segments[1]);
  return false;
}

/**
 * Whether the URL is a compose window of its own: the full-screen compose (`?view=cm`) or a
 * route whose query opens a new message (`#inbox?compose=new`). Dialogs over a thread or list
 * are found in the DOM instead.
 */
export function isGmailComposeUrl(url: URL): boolean {
  return isGmailUrl(url) && (/[?&]view=cm(?:&|$)/.test(url.search) || /[?&]compose=/.test(url.hash));
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
