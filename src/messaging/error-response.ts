/** What a listener answers when the handler failed; `sendMessage` turns it back into an Error. */
export interface ErrorResponse {
  error: string;
}

export function isErrorResponse(value: unknown): value is ErrorResponse {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { error?: unknown }).error === 'string'
  );
}
