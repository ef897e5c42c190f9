/** Input that cannot be stored as given; `message` is written for the user, not the developer. */
export class InputRejectedError extends Error {
  override name = 'InputRejectedError';
}
