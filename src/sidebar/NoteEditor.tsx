import { useState } from 'preact/hooks';
import { editNote } from '../actions/edit-timeline';
import { SENTIMENTS, type Interaction, type Sentiment } from '../model/schemas';
import { useMutation } from '../ui/use-mutation';
import { useDatabase } from '../ui/database-context';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useOfferUndo } from './undo-context';

/** A timeline note's edit form (loaded when the user first edits a note). */
export function NoteEditor({ interaction, onDone }: { interaction: Interaction; onDone: () => void }) {
  const database = useDatabase();
  const offerUndo = useOfferUndo();
  const [body, setBody] = useState(interaction.body ?? '');
  const [sentiment, setSentiment] = useState<Sentiment | ''>(interaction.sentiment ?? '');
  const idBase = `edit-${interaction.id}`;

  // Undo is offered and the form closed inside the write, whatever happens to this component meanwhile.
  const edit = useMutation('save the note', async () => {
    const { undo } = await editNote(await database(), interaction.id, { body, sentiment: sentiment || undefined }, Date.now());
    offerUndo(undo);
    onDone();
  });
  const save = (): void => edit.mutate(undefined);

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
      <ErrorAlert message={edit.errorMessage} />
    </div>
  );
}
