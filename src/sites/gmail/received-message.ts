import { gmailSelectors } from './selectors';

/**
 * Whether `element` sits inside what a received email's sender wrote (its body, snippet or quoted
 * text). A sender can put any markup there (a `[role=dialog]` with a To field, a message header,
 * an account button), so every Gmail reader skips such elements: the one guard for "this is the
 * email's content, not Gmail's page".
 */
export function isInReceivedMessage(element: Element): boolean {
  return element.closest(gmailSelectors.receivedMessageContent) !== null;
}
