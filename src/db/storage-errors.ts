import { InputRejectedError } from './input-rejected-error';

/**
 * A sentence the user can act on for a failed database operation. Dexie often wraps the browser's
 * error (an AbortError whose `inner` is the QuotaExceededError), so the whole chain is looked at.
 */
export function describeStorageError(err: unknown): string {
  // A row the database refused for what it holds is the input's fault, never the storage's.
  const rejected = rejectedInput(err);
  if (rejected) return rejected.message;
  const chain = errorChain(err);
  if (chain.some((error) => error.name === 'QuotaExceededError')) {
    return "Your browser's storage is full, so Margin could not save. Free up disk space or remove old data, then try again.";
  }
  if (chain.some((error) => error.name === 'NewerDatabaseError')) {
    return "Margin's data in this browser was written by a newer version of Margin, so this one will not touch it. Update Margin (or reload it in the browser's extension page) to open it.";
  }
  if (chain.some((error) => error.name === 'MissingAPIError')) {
    return 'This browser window does not allow Margin to store data (IndexedDB is unavailable, for example in some private modes).';
  }
  const cause = chain.at(-1);
  if (!cause) return 'Margin could not reach its local storage (unknown error).';
  const detail = cause.message ? `: ${cause.message}` : '';
  return `Margin could not reach its local storage (${cause.name}${detail}).`;
}

/**
 * The one sentence for a failed write, wherever the user started it: refused input says why in
 * its own words (it is the input's fault, and the message was written for the user); anything
 * else says what could not be done (`action`: "save the tags") and why storage failed.
 */
export function describeWriteError(action: string, err: unknown): string {
  const rejected = rejectedInput(err);
  return rejected ? rejected.message : `Could not ${action}: ${describeStorageError(err)}`;
}

function rejectedInput(err: unknown): InputRejectedError | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    if (current instanceof InputRejectedError) return current;
    const record = current as { inner?: unknown; cause?: unknown; failures?: unknown };
    current = record.inner ?? record.cause ?? (Array.isArray(record.failures) ? record.failures[0] : undefined);
  }
  return undefined;
}

interface NamedError {
  name: string;
  message: string;
}

function errorChain(err: unknown): NamedError[] {
  const chain: NamedError[] = [];
  let current: unknown = err;
  while (isNamedError(current) && chain.length < 5) {
    chain.push({ name: current.name, message: current.message });
    const record = current as { inner?: unknown; cause?: unknown };
    current = record.inner ?? record.cause;
  }
  return chain;
}

function isNamedError(value: unknown): value is NamedError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { name?: unknown }).name === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}
