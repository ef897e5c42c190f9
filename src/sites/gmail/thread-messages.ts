import { normaliseEmailAddress } from '../email-address';
import { isInside, queryFirstAccepted } from '../query';
import { normalisePageText, visibleText } from '../visible-text';
import { gmailSelectors } from './selectors';

export interface GmailSender {
  name: string;
  email: string;
}

export interface GmailThreadMessage {
  /** `#msg-f:…` (or the legacy hex id when that is all the message carries). */
  messageId: string | null;
  /** Null when the header names no sender Margin can trust. */
  sender: GmailSender | null;
}

/** The messages of the conversation in `pane`, oldest first (Gmail's display order). */
export function readThreadMessages(pane: ParentNode): GmailThreadMessage[] {
  return outermostMessages(pane).map((message) => ({
    messageId: message.getAttribute('data-message-id') ?? message.getAttribute('data-legacy-message-id'),
    sender: readSender(message),
  }));
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
  const outermost = messages.filter((message) => !messages.some((other) => other !== message && other.contains(message)));
  return outermost.sort((a, b) => (a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1));
}

function readSender(message: Element): GmailSender | null {
  const senderElement = queryFirstAccepted(
    message,
    gmailSelectors.messageSender,
    (candidate) => !isInside(candidate, gmailSelectors.notSender, message) && senderAddress(candidate) !== null,
  );
  if (!senderElement) return null;
  const email = senderAddress(senderElement);
  if (!email) return null;
  const name =
    normalisePageText(senderElement.getAttribute(gmailSelectors.senderNameAttribute) ?? '') ||
    visibleText(senderElement) ||
    email;
  return { name, email };
}

function senderAddress(element: Element): string | null {
  for (const attribute of gmailSelectors.senderAddressAttributes) {
    const address = normaliseEmailAddress(element.getAttribute(attribute));
    if (address) return address;
  }
  return null;
}

