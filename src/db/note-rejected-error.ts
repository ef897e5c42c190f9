import { InputRejectedError } from './input-rejected-error';

/** A note that cannot be saved as given; `message` is written for the user, not the developer. */
export class NoteRejectedError extends InputRejectedError {
  override name = 'NoteRejectedError';
}
