import type { ErrorResponse } from './error-response';
import { describeInvalidMessage, parseMessage } from './parse-message';
import type { MessageOf, MessageType, Responses } from './protocol';
import type { MessageSender } from './senders';

/** What answers each message type. Complete: adding a message type without a handler fails to compile. */
export type Handlers = {
  [T in MessageType]: (message: MessageOf<T>, sender: MessageSender) => Promise<Responses[T]>;
};

/** Who may send each message type. Complete for the same reason as `Handlers`. */
export type SenderChecks = {
  [T in MessageType]: (sender: MessageSender, message: MessageOf<T>) => boolean;
};

export type MessageListener = (
  raw: unknown,
  sender: MessageSender,
  sendResponse: (response: unknown) => void,
) => true | undefined;

/**
 * The background's `runtime.onMessage` listener: parse, check the sender, run the handler, answer.
 * It answers through `sendResponse` and returns true, because WXT's fake browser (and Chrome before
 * 144) ignore a listener's returned promise.
 *
 * This is the one listener that answers messages. Extension pages that only observe messages
 * (the sidebar following its tab's `page/context`) use `parseMessage` and the checks in
 * `senders.ts` directly and never answer, so they cannot race the background's reply.
 */
export function createMessageListener(handlers: Handlers, senderChecks: SenderChecks): MessageListener {
  return (raw, sender, sendResponse) => {
    const message = parseMessage(raw);
    if (message === undefined) {
      console.warn(`[margin] rejected message: malformed (${describeInvalidMessage(raw)})`);
      return undefined;
    }
    if (!isAllowedSender(senderChecks, message, sender)) {
      console.warn(`[margin] rejected message: ${message.type} from a sender not allowed to send it (${sender.url ?? 'no url'})`);
      return undefined;
    }
    // Started from a resolved promise so that a handler throwing synchronously is answered too.
    Promise.resolve()
      .then(() => runHandler(handlers, message, sender))
      .then(sendResponse, (error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      console.warn(`[margin] ${message.type} failed: ${reason}`);
      const response: ErrorResponse = { error: reason };
      sendResponse(response);
    });
    return true;
  };
}

/*
 * TypeScript cannot follow that `message.type` picks both the message and its entry in the map,
 * so the lookup is typed through one generic step here instead of a cast at every call site.
 */
function isAllowedSender<T extends MessageType>(
  senderChecks: SenderChecks,
  message: MessageOf<T>,
  sender: MessageSender,
): boolean {
  const check = senderChecks[message.type as T] as SenderChecks[T];
  return check(sender, message);
}

function runHandler<T extends MessageType>(
  handlers: Handlers,
  message: MessageOf<T>,
  sender: MessageSender,
): Promise<Responses[T]> {
  const handler = handlers[message.type as T] as Handlers[T];
  return handler(message, sender);
}
