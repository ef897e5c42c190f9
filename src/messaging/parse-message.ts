import * as z from 'zod/mini';
import { messageSchema, type Message } from './protocol';

/** The message, if `raw` is one of ours and well-formed; anything else is undefined. */
export function parseMessage(raw: unknown): Message | undefined {
  const parsed = z.safeParse(messageSchema, raw);
  return parsed.success ? parsed.data : undefined;
}

/** Why `raw` is not a message, short enough for a console line (never echoes the payload). */
export function describeInvalidMessage(raw: unknown): string {
  const parsed = z.safeParse(messageSchema, raw);
  if (parsed.success) return 'valid';
  return parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}
