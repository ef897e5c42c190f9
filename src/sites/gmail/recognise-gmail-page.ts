import type { PageContext, PersonOnPage } from '../../page-context/page-context';
import { normaliseEmailAddress } from '../email-address';
import { queryFirst } from '../query';
import { visibleText } from '../visible-text';
import { readOwnAddresses } from './own-addresses';
import { gmailSelectors } from './selectors';
import { readThreadMessages } from './thread-messages';
import { gmailThreadIdFromUrl } from './urls';

const MAX_THREAD_ID_LENGTH = 200;

export interface RecogniseGmailOptions {
  /** Addresses the user also sends from (aliases Margin's settings know); never a contact. */
  ownAddresses?: readonly string[];
}

/**
 * What a Gmail page shows: on an open thread, the latest sender who is not the user.
 * Pure: reads `document` and `url`, changes nothing, and answers `person: null` rather than guess.
 */
export function recogniseGmailPage(document: Document, url: URL, options: RecogniseGmailOptions = {}): PageContext {
  const urlThreadId = gmailThreadIdFromUrl(url);
  if (urlThreadId === null) {
    return { site: 'gmail', url: url.href, pageKind: 'gmail-other', person: null };
  }

  const pane = queryFirst(document, gmailSelectors.conversationPane) ?? document;
  const subjectElement = queryFirst(pane, gmailSelectors.subject);
  const thread = {
    id: readThreadId(pane) ?? urlThreadId,
    ...optionalText('subject', visibleText(subjectElement)),
  };

  const context: PageContext = { site: 'gmail', url: url.href, pageKind: 'gmail-thread', person: null, thread };
  if (showsAnotherThread(pane, urlThreadId)) return { ...context, thread: { id: urlThreadId } };
  return { ...context, person: latestOtherSender(pane, document, options) };
}

function latestOtherSender(pane: ParentNode, document: Document, options: RecogniseGmailOptions): PersonOnPage | null {
  const own = readOwnAddresses(document);
  for (const address of options.ownAddresses ?? []) {
    const normalised = normaliseEmailAddress(address);
    if (normalised) own.add(normalised);
  }
  // Without knowing who the user is, the latest sender may be the user: no guess.
  if (own.size === 0) return null;

  const messages = readThreadMessages(pane);
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    const sender = messages[index]?.sender;
    if (sender && !own.has(sender.email)) return { name: sender.name, email: sender.email };
  }
  return null;
}

function readThreadId(pane: ParentNode): string | null {
  for (const { selector, attribute } of gmailSelectors.threadId) {
    const value = pane.querySelector(selector)?.getAttribute(attribute)?.trim();
    if (value && value.length <= MAX_THREAD_ID_LENGTH) return value;
  }
  return null;
}

/**
 * Gmail swaps the URL before the conversation: for a moment the page shows the previous thread.
 * Only legacy hex ids can be compared (the opaque URL ids are an encoding Margin does not decode).
 */
function showsAnotherThread(pane: ParentNode, urlThreadId: string): boolean {
  if (!/^[0-9a-f]{16}$/.test(urlThreadId)) return false;
  const attribute = gmailSelectors.legacyThreadIdAttribute;
  const shown = pane.querySelector(`[${attribute}]`)?.getAttribute(attribute)?.trim();
  return Boolean(shown) && shown !== urlThreadId;
}

function optionalText<K extends string>(key: K, text: string): Partial<Record<K, string>> {
  return text ? ({ [key]: text } as Record<K, string>) : {};
}
