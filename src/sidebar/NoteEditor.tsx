import { useState } from 'preact/hooks';
import { editNote } from '../actions/edit-timeline';
import { NoteRejectedError } from '../db/note-rejected-error';
import { SENTIMENTS, type Interaction, type Sentiment } from '../model/schemas';
import { describeStorageError } from '../db/storage-errors';
import { useDatabase } from '../ui/database-context';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useOfferUndo } from './undo-context';

/** A timeline note's edit form (loaded when the user first edits a note). */
export function NoteEditor({ interaction, onDone }: { interaction: Interaction; onDone: () => void }) {
  const db = useDatabase();
  const offerUndo = useOfferUndo();
  const [body, setBody] = useState(interaction.body ?? '');
  const [sentiment, setSentiment] = useState<Sentiment | ''>(interaction.sentiment ?? '');
  const [error, setError] = useState('');
  const idBase = `edit-${interaction.id}`;

  const save = async (): Promise<void> => {
    try {
      const { undo } = await editNote(db, interaction.id, { body, sentiment: sentiment || undefined }, Date.now());
      offerUndo(undo);
      onDone();
    } catch (failure) {
      setError(failure instanceof NoteRejectedError ? failure.message : `Could not save: ${describeStorageError(failure)}`);
    }
  };

  return (
    <div class="note-editor">
      <label for={`${idBase}-body`}>Edit note</label>
      <textarea
        id={`${idBase}-body`}
        rows={3}
        value={body}
        onInput={(event) => setBody(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void save();
          if (event.key === 'Escape') onDone();
        }}
      />
      <label for={`${idBase}-sentiment`}>Sentiment</label>
      <select id={`${idBase}-sentiment`} value={sentiment} onChange={(event) => setSentiment(event.currentTarget.value as Sentiment | '')}>
        <option value="">None</option>
        {SENTIMENTS.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
      <div class="actions">
        <button type="button" onClick={() => void save()}>
          Save changes
        </button>
        <button type="button" class="secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
      <ErrorAlert message={error} />
    </div>
  );
}
