import { useState } from 'preact/hooks';
import { newId } from '../db/ids';
import { logNote, NoteRejectedError } from '../db/log-note';
import { MAX_NOTE_LENGTH, SENTIMENTS, type InteractionSource, type Sentiment } from '../db/schemas';
import { describeStorageError } from '../db/storage-errors';
import type { PersonOnPage } from '../page-context/page-context';
import { useDatabase } from '../ui/database-context';
import { useMutation } from '../ui/use-mutation';

interface Props {
  person: PersonOnPage;
  source: InteractionSource;
}

/**
 * Logs a note about the person on the page. The text is cleared only once the note is stored;
 * a failed write says why and leaves every typed character in place.
 */
export function NoteComposer({ person, source }: Props) {
  const db = useDatabase();
  const [body, setBody] = useState('');
  const [sentiment, setSentiment] = useState<Sentiment | undefined>(undefined);
  // One id per note being written: a double click or a retry after an unclear failure stores it once.
  const [noteId, setNoteId] = useState(newId);
  const [savedMessage, setSavedMessage] = useState('');

  const save = useMutation((note: { id: string; body: string; sentiment?: Sentiment }) =>
    logNote(db, { person, note, source }),
  );

  const tooLong = body.length > MAX_NOTE_LENGTH;
  const empty = body.trim() === '';
  const canSave = !empty && !tooLong && !save.isPending;

  const submit = (): void => {
    if (!canSave) return;
    setSavedMessage('');
    save.mutate(
      { id: noteId, body, ...(sentiment ? { sentiment } : {}) },
      {
        onSuccess: () => {
          setBody('');
          setSentiment(undefined);
          setNoteId(newId());
          setSavedMessage(`Note saved for ${person.name}.`);
        },
      },
    );
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  };

  const error = save.error
    ? save.error instanceof NoteRejectedError
      ? save.error.message
      : `Could not save the note: ${describeStorageError(save.error)} Your text is still here.`
    : undefined;

  return (
    <form
      class="composer"
      aria-labelledby="composer-heading"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h2 id="composer-heading">Log a note</h2>
      <label for="note-body">Note</label>
      <textarea
        id="note-body"
        rows={4}
        value={body}
        placeholder={`What happened with ${person.name}?`}
        aria-invalid={tooLong}
        aria-describedby="note-help"
        onInput={(event) => setBody(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <p id="note-help" class={tooLong ? 'field-error' : 'quiet'}>
        {tooLong
          ? `This note is ${body.length.toLocaleString()} characters; the limit is ${MAX_NOTE_LENGTH.toLocaleString()}.`
          : 'Ctrl+Enter saves.'}
      </p>
      <fieldset class="sentiment-group">
        <legend>Sentiment</legend>
        {SENTIMENTS.map((option) => (
          <label key={option} class="sentiment-option">
            <input
              type="radio"
              name="sentiment"
              value={option}
              checked={sentiment === option}
              onChange={() => setSentiment(option)}
            />
            {option}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={!canSave}>
        {save.isPending ? 'Saving…' : 'Save note'}
      </button>
      {error && (
        <p role="alert" class="save-error">
          {error}
        </p>
      )}
      <p role="status" class="quiet">
        {savedMessage}
      </p>
    </form>
  );
}
