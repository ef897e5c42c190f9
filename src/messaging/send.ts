import { browser } from 'wxt/browser';
import { isErrorResponse } from './error-response';
import type { MessageOf, MessageType, Responses } from './protocol';

/** The receiving side failed, refused the message, or nobody answered. */
export class MessageFailedError extends Error {
  override name = 'MessageFailedError';
}

/**
 * Sends a message and resolves with its typed answer. Imports no zod, so content scripts can
 * use it and stay small.
 */
export async function sendMessage<T extends MessageType>(message: MessageOf<T>): Promise<Responses[T]> {
  const response: unknown = await browser.runtime.sendMessage(message);
  if (response === undefined) {
    throw new MessageFailedError(`No answer to ${message.type}: the receiver refused it or is not running.`);
  }
  if (isErrorResponse(response)) throw new MessageFailedError(`${message.type} failed: ${response.error}`);
  return response as Responses[T];
}
