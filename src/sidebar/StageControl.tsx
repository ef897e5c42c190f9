import { useState } from 'preact/hooks';
import { STAGES, type Contact, type Stage } from '../model/schemas';
import { useMutation } from '../ui/use-mutation';
import { useDatabase } from '../ui/database-context';
import { ErrorAlert } from '../ui/ErrorAlert';

/** The lifecycle stage as a chip-sized select; a change asks for an optional reason first. */
export function StageControl({ contact }: { contact: Contact }) {
  const database = useDatabase();
  const [pending, setPending] = useState<Stage | undefined>();
  const [reason, setReason] = useState('');
  const change = useMutation('change the stage', async (to: Stage) => {
    // Loaded when first used: the first screen shows the stage, and changing it needs the write path.
    const [{ changeStage }, db] = await Promise.all([import('../actions/edit-timeline'), database()]);
    return changeStage(db, { contactId: contact.id, to, reason, now: Date.now() });
  });

  const confirm = (): void => {
    if (!pending) return;
    change.mutate(pending, {
      onSuccess: () => {
        setPending(undefined);
        setReason('');
      },
    });
  };

  return (
    <div class="stage">
      <label class="visually-hidden" for="lifecycle-stage">
        Lifecycle stage
      </label>
      <select
        id="lifecycle-stage"
        class={`chip stage-chip stage-${contact.stage.toLowerCase()}`}
        title="Lifecycle stage: your call; Margin only suggests"
        value={pending ?? contact.stage}
        onChange={(event) => {
          const next = event.currentTarget.value as Stage;
          setPending(next === contact.stage ? undefined : next);
        }}
      >
        {STAGES.map((stage) => (
          <option key={stage} value={stage}>
            {stage}
          </option>
        ))}
      </select>
      {pending && (
        <div class="stage-confirm">
          <label for="stage-reason">Reason (optional)</label>
          <input
            id="stage-reason"
            type="text"
            value={reason}
            maxLength={500}
            placeholder={`Why ${pending}?`}
            onInput={(event) => setReason(event.currentTarget.value)}
            onKeyDown={(event) => event.key === 'Enter' && void confirm()}
          />
          <div class="actions">
            <button type="button" onClick={() => void confirm()}>
              Move to {pending}
            </button>
            <button type="button" class="secondary" onClick={() => setPending(undefined)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <ErrorAlert message={change.errorMessage} />
    </div>
  );
}
