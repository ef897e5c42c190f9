/**
 * A sentence the user can act on for a failed database operation. Dexie often wraps the browser's
 * error (an AbortError whose `inner` is the QuotaExceededError), so the whole chain is looked at.
 */
export function describeStorageError(err: unknown): string {
  const chain = errorChain(err);
  if (chain.some((error) => error.name === 'QuotaExceededError')) {
    return "Your browser's storage is full, so Margin could not save. Free up disk space or remove old data, then try again.";
  }
  if (chain.some((error) => error.name === 'MissingAPIError')) {
    return 'This browser window does not allow Margin to store data (IndexedDB is unavailable, for example in some private modes).';
  }
  const cause = chain.at(-1);
  if (!cause) return 'Margin could not reach its local storage (unknown error).';
  const detail = cause.message ? `: ${cause.message}` : '';
  return `Margin could not reach its local storage (${cause.name}${detail}).`;
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
