import type { MessageOnPage, PageContext, PageSignal, PersonOnPage } from '../../model/page-context';
import { canonicalEmailAddress } from '../email-address';
import { queryFirst, queryFirstAccepted } from '../query';
import { visibleText } from '../visible-text';
import { activeComposeWindow, readComposeWindows, type ComposeWindow } from './compose-recipients';
import { readOwnAddresses } from './own-addresses';
import { isInReceivedMessage } from './received-message';
import { ownAddressSet, peopleOfThread, uniquePeople, MAX_PARTICIPANTS } from '../../identity/people-of-thread';
import { gmailSelectors } from './selectors';
import { readThreadMessages } from './thread-messages';
import { permIdOfUrlThreadId } from './thread-url-id';
import { gmailAccountIndex, gmailThreadIdFromUrl, isGmailComposeUrl, isGmailList } from './urls';

const MAX_THREAD_ID_LENGTH = 200;
const MAX_OWN_ADDRESSES = 20;

export interface RecogniseGmailOptions {
  /** Addresses the user also sends from (aliases Margin's settings know); never a contact. */
  ownAddresses?: readonly string[];
}

/**
 * What a Gmail page shows. While a compose window (new message, inline reply, pop-out) has
 * recipients, they are the people; otherwise, on an open thread, the latest sender who is not the
 * user, with the thread's other people to switch to; on lists and elsewhere, nobody.
 * Pure: reads `document` and `url`, changes nothing, and answers `person: null` rather than guess.
 */
export function recogniseGmailPage(document: Document, url: URL, options: RecogniseGmailOptions = {}): PageContext {
  const pageOwn = [...readOwnAddresses(document)].slice(0, MAX_OWN_ADDRESSES);
  const own = ownAddressSet([...pageOwn, ...(options.ownAddresses ?? [])]);
  const account = gmailAccountIndex(url);
  const base: PageContext = {
    site: 'gmail',
    url: url.href,
    pageKind: 'gmail-other',
    person: null,
    ...(pageOwn.length > 0 ? { ownAddresses: pageOwn } : {}),
    ...(account !== null ? { account } : {}),
  };

  const pane = queryFirst(document, gmailSelectors.conversationPane);
  const thread = readOpenThread(document, pane, url, own);
  const compose = activeComposeWindow(readComposeWindows(document), document);
  const composing = compose && compose.to.length + compose.cc.length + compose.bcc.length > 0;

  if (composing || (isGmailComposeUrl(url) && !thread)) {
    return {
      ...base,
      ...(thread ? { thread: thread.thread, ...(thread.messages.length > 0 ? { messages: thread.messages } : {}) } : {}),
      pageKind: 'gmail-compose',
      ...peopleOfCompose(compose, own),
    };
  }
  if (thread) return { ...base, ...thread.context };
  if (isGmailList(url)) return { ...base, pageKind: 'gmail-list' };
  return base;
}

interface OpenThread {
  thread: NonNullable<PageContext['thread']>;
  messages: MessageOnPage[];
  /** The thread's part of the context (kind, thread, messages, people). */
  context: Partial<PageContext> & Pick<PageContext, 'pageKind' | 'person'>;
}

function readOpenThread(document: Document, paneOrNull: Element | null, url: URL, own: ReadonlySet<string>): OpenThread | null {
  const urlThreadId = gmailThreadIdFromUrl(url);
  if (urlThreadId === null) return null;
  const pane: ParentNode = paneOrNull ?? document;

  if (showsAnotherThread(pane, urlThreadId)) {
    const thread = { id: urlThreadId };
    return { thread, messages: [], context: { pageKind: 'gmail-thread', person: null, thread, noPersonReason: 'stale-page' } };
  }

  const subject = visibleText(queryFirstAccepted(pane, gmailSelectors.subject, isGmailsOwn));
  const thread = { id: readThreadId(pane) ?? urlThreadId, ...(subject ? { subject } : {}) };
  const messages = readMessages(pane, own);
  const { person, participants, announcement, noPersonReason } = peopleOfThread(messages, own);
  return {
    thread,
    messages,
    context: {
      pageKind: 'gmail-thread',
      person,
      thread,
      ...(participants.length > 0 ? { participants } : {}),
      ...(messages.length > 0 ? { messages } : {}),
      ...(announcement ? { announcement } : {}),
      ...(noPersonReason ? { noPersonReason } : {}),
      ...(noPersonReason === 'not-found' ? { signals: threadSignals(paneOrNull, pane) } : {}),
    },
  };
}

/** A thread whose messages gave no sender: which part of the conversation Margin could not find. */
function threadSignals(paneOrNull: Element | null, pane: ParentNode): PageSignal[] {
  return [
    { signal: 'address', state: 'found' },
    { signal: 'conversation', state: paneOrNull ? 'found' : 'missing' },
    { signal: 'messages', state: queryFirst(pane, gmailSelectors.message) ? 'found' : 'missing' },
    { signal: 'sender', state: 'missing' },
  ];
}

/** The thread's messages as the contract reports them; a message whose sender cannot be read is left out. */
function readMessages(pane: ParentNode, own: ReadonlySet<string>): MessageOnPage[] {
  const messages: MessageOnPage[] = [];
  for (const message of readThreadMessages(pane)) {
    if (!message.sender) continue;
    const sender = canonicalEmailAddress(message.sender.email);
    messages.push({
      ...(message.messageId ? { id: message.messageId } : {}),
      ...(message.at !== undefined ? { at: message.at } : {}),
      from: { name: message.sender.name, email: message.sender.email },
      to: message.to,
      cc: message.cc,
      fromUser: sender !== null && own.has(sender),
      ...(message.snippet ? { snippet: message.snippet } : {}),
    });
  }
  return messages;
}

/** While composing: the first external recipient (to, then cc, then bcc) is the person. */
function peopleOfCompose(
  compose: ComposeWindow | undefined,
  own: ReadonlySet<string>,
): Pick<PageContext, 'person'> & Partial<Pick<PageContext, 'participants' | 'noPersonReason'>> {
  const recipients = compose ? [...compose.to, ...compose.cc, ...compose.bcc] : [];
  if (recipients.length === 0) return { person: null, noPersonReason: 'no-recipients' };
  const external = uniquePeople(recipients).filter((person) => {
    const canonical = canonicalEmailAddress(person.email);
    return canonical !== null && !own.has(canonical);
  });
  const [person, ...others] = external;
  if (!person) return { person: null, noPersonReason: 'only-you' };
  const participants: PersonOnPage[] = others.slice(0, MAX_PARTICIPANTS);
  return { person, ...(participants.length > 0 ? { participants } : {}) };
}

function readThreadId(pane: ParentNode): string | null {
  for (const { selector, attribute } of gmailSelectors.threadId) {
    const value = pageElement(pane, selector)?.getAttribute(attribute)?.trim();
    if (value && value.length <= MAX_THREAD_ID_LENGTH) return value;
  }
  return null;
}

/**
 * Gmail swaps the URL before the conversation: for a moment the page shows the previous thread.
 * The URL's id (legacy hex, or the opaque `FMfcg…` form, which decodes to the perm id) is
 * compared with the ids the DOM carries; the legacy hex id is the perm id's number in hex.
 * When no pair is comparable the page is taken as current.
 */
function showsAnotherThread(pane: ParentNode, urlThreadId: string): boolean {
  const domPermId = pageElement(pane, `[${gmailSelectors.permThreadIdAttribute}]`)?.getAttribute(gmailSelectors.permThreadIdAttribute)?.trim();
  const domLegacyId = pageElement(pane, `[${gmailSelectors.legacyThreadIdAttribute}]`)
    ?.getAttribute(gmailSelectors.legacyThreadIdAttribute)
    ?.trim();
  const urlIsHex = /^[0-9a-f]{16}$/.test(urlThreadId);
  if (urlIsHex && domLegacyId) return domLegacyId !== urlThreadId;
  const urlPermId = urlIsHex ? permIdOfHex(urlThreadId) : permIdOfUrlThreadId(urlThreadId);
  if (urlPermId && domPermId) return domPermId !== urlPermId;
  if (urlPermId && domLegacyId && /^[0-9a-f]{1,16}$/.test(domLegacyId)) return permIdOfHex(domLegacyId) !== urlPermId;
  return false;
}

const isGmailsOwn = (element: Element): boolean => !isInReceivedMessage(element);

/** The first element matching `selector` that is Gmail's own page, not a received email's markup. */
function pageElement(root: ParentNode, selector: string): Element | null {
  return queryFirstAccepted(root, [selector], isGmailsOwn);
}

function permIdOfHex(hex: string): string {
  return `thread-f:${BigInt(`0x${hex}`).toString()}`;
}
