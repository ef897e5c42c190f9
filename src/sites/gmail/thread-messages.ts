import { MAX_SNIPPET } from '../../model/limits';
import type { Addressee } from '../../model/page-context';
import { normaliseEmailAddress } from '../email-address';
import { isInside, queryFirstAccepted } from '../query';
import { capLength, normalisePageText, visibleText, visibleTextOutside } from '../visible-text';
import { parseGmailDate } from './read-date';
import { isInReceivedMessage } from './received-message';
import { gmailSelectors } from './selectors';

export interface GmailSender {
  name: string;
  email: string;
}

export interface GmailThreadMessage {
  /** `msg-f:…` (the `#` Gmail puts in front dropped), else the legacy hex id. */
  messageId: string | null;
  /** Null when the header names no sender Margin can trust. */
  sender: GmailSender | null;
  /** Recipients as the header lists them; collapsed messages show none. */
  to: Addressee[];
  cc: Addressee[];
  /** Milliseconds since the epoch, when the header's date could be read. */
  at: number | undefined;
  /** The start of an open message's own text (quotes left out); '' when none is shown. */
  snippet: string;
}

const MAX_MESSAGE_ID_LENGTH = 200;
/** Far more than any thread shows; a hostile page cannot make Margin read forever. */
const MAX_MESSAGES = 500;
const MAX_RECIPIENTS = 1_000;

/** The messages of the conversation in `pane`, oldest first (Gmail's display order). */
export function readThreadMessages(pane: ParentNode): GmailThreadMessage[] {
  return outermostMessages(pane)
    .slice(-MAX_MESSAGES)
    .map((message) => {
      const { to, cc } = readRecipients(message);
      return { messageId: readMessageId(message), sender: readSender(message), to, cc, at: readDate(message), snippet: readSnippet(message) };
    });
}

function readMessageId(message: Element): string | null {
  const id = (message.getAttribute('data-message-id') ?? message.getAttribute('data-legacy-message-id'))?.trim().replace(/^#/, '');
  return id && id.length <= MAX_MESSAGE_ID_LENGTH ? id : null;
}

/** Gmail nests message parts; a match inside another match is the same message. */
function outermostMessages(pane: ParentNode): Element[] {
  const seen = new Set<Element>();
  const messages: Element[] = [];
  for (const selector of gmailSelectors.message) {
    for (const element of pane.querySelectorAll(selector)) {
      if (!seen.has(element)) {
        seen.add(element);
        messages.push(element);
      }
    }
    // The id attributes found messages: do not mix in the class-only fallback.
    if (messages.length > 0) break;
  }
  const outermost = messages.filter(
    (message) => !isInReceivedMessage(message) && !messages.some((other) => other !== message && other.contains(message)),
  );
  return outermost.sort((a, b) => (a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1));
}

/** In the message's header, not its recipients line: where the sender and the date are. */
function isHeaderElement(candidate: Element, message: Element): boolean {
  return !isInReceivedMessage(candidate) && !isInside(candidate, gmailSelectors.recipientsLine, message);
}

function readSender(message: Element): GmailSender | null {
  const senderElement = queryFirstAccepted(
    message,
    gmailSelectors.messageSender,
    (candidate) => isHeaderElement(candidate, message) && addressOf(candidate) !== null,
  );
  if (!senderElement) return null;
  const email = addressOf(senderElement);
  if (!email) return null;
  return { name: nameOf(senderElement) || email, email };
}

/** The recipients line only, found by its own selectors and never inside the message's content. */
function readRecipients(message: Element): { to: Addressee[]; cc: Addressee[] } {
  const to: Addressee[] = [];
  const cc: Addressee[] = [];
  for (const element of message.querySelectorAll(gmailSelectors.messageRecipients.join(', '))) {
    const email = addressOf(element);
    if (!email || isInReceivedMessage(element) || to.length + cc.length >= MAX_RECIPIENTS) continue;
    const name = nameOf(element);
    (isAfterCcMarker(element) ? cc : to).push({ email, ...(name && name !== email ? { name } : {}) });
  }
  return { to: uniqueByEmail(to), cc: uniqueByEmail(cc) };
}

/** Whether the text before this recipient, inside its recipients line, says "cc:" or "bcc:". */
function isAfterCcMarker(recipient: Element): boolean {
  const line = recipient.closest('.hb') ?? recipient.parentElement;
  if (!line) return false;
  let before = '';
  const walker = line.ownerDocument.createTreeWalker(line, 4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node && !recipient.contains(node) && recipient.compareDocumentPosition(node) & 2; node = walker.nextNode()) {
    // Only the text between recipients counts, not the recipients' own names.
    if (!node.parentElement?.closest('[email], [data-hovercard-id]')) before += ` ${node.nodeValue ?? ''}`;
  }
  return gmailSelectors.ccMarker.test(before);
}

function readSnippet(message: Element): string {
  return capLength(visibleTextOutside(message.querySelector(gmailSelectors.messageBody), gmailSelectors.quoted), MAX_SNIPPET);
}

function readDate(message: Element): number | undefined {
  const element = queryFirstAccepted(message, gmailSelectors.messageDate, (candidate) => isHeaderElement(candidate, message));
  return parseGmailDate(element?.getAttribute('title'));
}

function nameOf(element: Element): string {
  const name = normalisePageText(element.getAttribute(gmailSelectors.senderNameAttribute) ?? '') || visibleText(element);
  // Gmail names the user "me" in headers; that is no name.
  return name.toLowerCase() === 'me' ? '' : name;
}

function addressOf(element: Element): string | null {
  for (const attribute of gmailSelectors.senderAddressAttributes) {
    const address = normaliseEmailAddress(element.getAttribute(attribute));
    if (address) return address;
  }
  return null;
}

function uniqueByEmail(addressees: Addressee[]): Addressee[] {
  const seen = new Set<string>();
  return addressees.filter((addressee) => {
    if (!addressee.email || seen.has(addressee.email)) return false;
    seen.add(addressee.email);
    return true;
  });
}
