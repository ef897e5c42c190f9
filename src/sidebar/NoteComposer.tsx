import { useRef, useState } from 'preact/hooks';
import { draftKeyOfPerson } from '../db/drafts-repository';
import { getInteraction } from '../db/interactions-repository';
import { logNote, unlogNote } from '../actions/log-note';
import { InputRejectedError } from '../db/input-rejected-error';
import { LOGGED_KINDS, MAX_DURATION_MINUTES, MAX_NOTE_LENGTH, SENTIMENTS, type Interaction, type InteractionSource, type LoggedKind } from '../model/schemas';
import type { PersonOnPage } from '../model/page-context';
import { BUILT_IN_TEMPLATE, NOTE_TEMPLATES_SETTING, type TemplateChoice } from '../settings/note-templates';
import { ownValue } from '../model/plain-values';
import { useDatabase } from '../ui/database-context';
import { useLiveDbQuery } from '../ui/use-live-db-query';
import { useMutation } from '../ui/use-mutation';
import { useSetting } from '../ui/use-setting';
import { OBJECTIONS_SETTING } from '../settings/objections';
import { describeKind } from './RecentActivity';
import { announceTasksChanged } from './announce-tasks-changed';
import { fromDateTimeInput } from './date-time-input';
import { fieldsOfNote, hasContent, isBlank, noteOfFields, parseDuration, type NoteFields } from './note-draft';
import { useComposerShortcut } from './use-composer-shortcut';
import { useNoteDraft } from './use-note-draft';
import { ErrorAlert } from '../ui/ErrorAlert';

interface Props {
  person: PersonOnPage;
  source: InteractionSource;
}

const KIND_CHOICE: Record<LoggedKind, string> = { note: 'Note', call: 'Call', meeting: 'Meeting' };

/**
 * Logs a structured note about the person on the page. What is typed is kept as a draft while
 * typing (closing the tab, navigating away, a crash or a failed save lose nothing); the fields
 * are cleared only once the note is stored.
 */
export function NoteComposer({ person, source }: Props) {
  const database = useDatabase();
  const draftKey = draftKeyOfPerson(person);
  const userTemplates = useSetting(NOTE_TEMPLATES_SETTING);
  const templates: TemplateChoice[] = [BUILT_IN_TEMPLATE, ...userTemplates];

  const draft = useNoteDraft(database, draftKey);
  const { fields, templateId, noteId } = draft;
  const [savedMessage, setSavedMessage] = useState('');
  // The note just saved, shown where the rep is looking, with Undo.
  const [justSaved, setJustSaved] = useState<{ interaction: Interaction; followUpDue?: number } | undefined>();
  // Followed live: an edit in the timeline shows here, and a deleted note is no longer "Saved".
  const justSavedId = justSaved?.interaction.id ?? null;
  const savedNow = useLiveDbQuery(['just-saved', justSavedId], (db) =>
    justSavedId ? getInteraction(db, justSavedId).then((found) => found ?? null) : Promise.resolve(null),
  );
  const shownSaved = savedNow.data === undefined ? justSaved?.interaction : (savedNow.data ?? undefined);
  const objections = useSetting(OBJECTIONS_SETTING);
  const noteField = useRef<HTMLTextAreaElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const template = templates.find((candidate) => candidate.id === templateId) ?? BUILT_IN_TEMPLATE;

  /** A change to the note: the last "Saved" goes away, and the draft keeps the change. */
  const update = (changes: Partial<NoteFields>): void => {
    setSavedMessage('');
    setJustSaved(undefined);
    draft.update(changes);
  };

  const save = useMutation('save the note', async (note: Parameters<typeof logNote>[1]['note']) =>
    logNote(await database(), { person, note, source, ...(draftKey ? { draftKey } : {}) }),
  );

  // Undo puts the note back in the form, so a slip is fixed and saved again, not retyped.
  const undo = useMutation('undo', async (noteId: string) => unlogNote(await database(), noteId));

  const tooLong = fields.body.length > MAX_NOTE_LENGTH;
  const followUpDue = fromDateTimeInput(fields.followUp);
  const followUpInvalid = fields.followUp !== '' && followUpDue === undefined;
  const durationMinutes = fields.kind === 'note' ? undefined : parseDuration(fields.duration);
  const durationInvalid = durationMinutes !== undefined && Number.isNaN(durationMinutes);
  const canSave = hasContent(fields) && !tooLong && !followUpInvalid && !durationInvalid && !save.isPending;

  const submit = (): void => {
    if (!canSave) return;
    setSavedMessage('');
    save.mutate(noteOfFields({ noteId, fields, template, durationMinutes, followUpDue }), {
      onSuccess: (result) => {
        draft.saved();
        if (result.task) announceTasksChanged();
        setJustSaved({ interaction: result.interaction, ...(result.task ? { followUpDue: result.task.due } : {}) });
        undo.reset();
        const what = KIND_CHOICE[result.interaction.kind as LoggedKind] ?? 'Note';
        setSavedMessage(result.task ? `${what} saved for ${person.name}, with a follow-up.` : `${what} saved for ${person.name}.`);
      },
      onError: () => void draft.write(),
    });
  };

  const undoSave = (): void => {
    if (!justSaved) return;
    const { interaction, followUpDue: due } = justSaved;
    undo.mutate(interaction.id, {
      onSuccess: (removed) => {
        setJustSaved(undefined);
        setSavedMessage(removed ? 'Undone: it is back in the form.' : 'It was already removed.');
        if (!removed) return;
        if (due !== undefined) announceTasksChanged();
        draft.putBack(fieldsOfNote(removed, due));
        noteField.current?.focus();
      },
    });
  };

  // Arrow keys move the Type choice, as in any radio group.
  const onTypeKeyDown = (event: KeyboardEvent): void => {
    const step = event.key === 'ArrowRight' || event.key === 'ArrowDown' ? 1 : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = LOGGED_KINDS[(LOGGED_KINDS.indexOf(fields.kind) + step + LOGGED_KINDS.length) % LOGGED_KINDS.length] ?? 'note';
    update({ kind: next });
    (event.currentTarget as HTMLElement).querySelector<HTMLElement>(`[role="radio"]:nth-of-type(${LOGGED_KINDS.indexOf(next) + 1})`)?.focus();
  };

  useComposerShortcut(() => noteField.current?.focus());

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    } else if (event.key === 'Escape') {
      // Leave the composer and give the keyboard back to the page (its shortcuts work again).
      event.preventDefault();
      (document.activeElement as HTMLElement | null)?.blur();
      window.parent.focus();
    }
  };

  // A refused note says why; a failed save adds that nothing typed is lost.
  const error = save.error && !(save.error instanceof InputRejectedError) ? `${save.errorMessage} Your text is still here.` : save.errorMessage;

  const textField = (id: string, label: string, value: string, onInput: (text: string) => void) => (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} type="text" value={value} maxLength={2_000} onInput={(event) => onInput(event.currentTarget.value)} />
    </div>
  );

  return (
    <form
      ref={formRef}
      class="composer"
      aria-labelledby="composer-heading"
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div class="composer-top">
        <h2 id="composer-heading">Log a {KIND_CHOICE[fields.kind].toLowerCase()}</h2>
        {templates.length > 1 && (
          <div class="field inline">
            <label for="note-template">Template</label>
            <select
              id="note-template"
              value={templateId}
              onChange={(event) => draft.chooseTemplate(event.currentTarget.value)}
            >
              {templates.map((choice) => (
                <option key={choice.id} value={choice.id}>
                  {choice.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <div class="type-row">
        {/* Buttons in a radio group (not labelled inputs), so "Note" names one field only. */}
        <div class="type-group" role="radiogroup" aria-labelledby="note-kind-label" onKeyDown={onTypeKeyDown}>
          <span id="note-kind-label" class="type-label">
            Type
          </span>
          {LOGGED_KINDS.map((kind) => (
            <button
              key={kind}
              type="button"
              role="radio"
              class="type-option"
              aria-checked={fields.kind === kind}
              tabIndex={fields.kind === kind ? 0 : -1}
              onClick={() => update({ kind })}
            >
              {KIND_CHOICE[kind]}
            </button>
          ))}
        </div>
        {fields.kind !== 'note' && (
          <div class="field duration">
            <label for="note-duration">Duration (minutes)</label>
            <input
              id="note-duration"
              type="number"
              inputMode="numeric"
              min="1"
              max={MAX_DURATION_MINUTES}
              step="1"
              value={fields.duration}
              aria-invalid={durationInvalid}
              aria-describedby={durationInvalid ? 'note-duration-error' : undefined}
              onInput={(event) => update({ duration: event.currentTarget.value })}
            />
            {durationInvalid && (
              <p id="note-duration-error" class="field-error">
                Whole minutes, 1 to {MAX_DURATION_MINUTES / 60} hours.
              </p>
            )}
          </div>
        )}
      </div>
      {draft.restored && !isBlank(fields) && <p class="quiet draft-note">Draft restored: you had started this note.</p>}
      <div class="field">
        <label for="note-body">{fields.kind === 'note' ? 'Note' : `What was said (optional)`}</label>
        <textarea
          id="note-body"
          ref={noteField}
          rows={3}
          value={fields.body}
          placeholder={fields.kind === 'note' ? `What happened with ${person.name}?` : `The ${fields.kind} with ${person.name}`}
          aria-invalid={tooLong}
          aria-describedby="note-help"
          onInput={(event) => update({ body: event.currentTarget.value })}
        />
        <p id="note-help" class={tooLong ? 'field-error' : 'quiet'}>
          {tooLong
            ? `This note is ${fields.body.length.toLocaleString()} characters; the limit is ${MAX_NOTE_LENGTH.toLocaleString()}.`
            : 'Ctrl+Enter saves · Esc leaves'}
        </p>
      </div>
      <div class="field-grid">
        {template.fields
          ? template.fields.map((label, index) =>
              textField(`template-field-${index}`, label, ownValue(fields.templateFields, label) ?? '', (text) =>
                update({ templateFields: { ...fields.templateFields, [label]: text } }),
              ),
            )
          : [
              <div class="field" key="note-objection">
                <label for="note-objection">Objection</label>
                <input
                  id="note-objection"
                  type="text"
                  list="objection-choices"
                  value={fields.objection}
                  maxLength={2_000}
                  placeholder="Pick or type"
                  onInput={(event) => update({ objection: event.currentTarget.value })}
                />
                <datalist id="objection-choices">
                  {objections.map((objection) => (
                    <option key={objection} value={objection} />
                  ))}
                </datalist>
              </div>,
              textField('note-emotion', 'Emotion observed', fields.emotion, (text) => update({ emotion: text })),
            ]}
      </div>
      <div class="field-grid">
        {textField('note-next-step', 'Next step', fields.nextStep, (text) => update({ nextStep: text }))}
        <div class="field">
          <label for="note-follow-up">Follow-up date</label>
          <input
            id="note-follow-up"
            type="datetime-local"
            value={fields.followUp}
            aria-invalid={followUpInvalid}
            onInput={(event) => update({ followUp: event.currentTarget.value })}
          />
        </div>
      </div>
      <fieldset class="sentiment-group" role="radiogroup">
        <legend>Sentiment</legend>
        {SENTIMENTS.map((option) => (
          <label key={option} class="sentiment-option">
            <input
              type="radio"
              name="sentiment"
              value={option}
              checked={fields.sentiment === option}
              onChange={() => update({ sentiment: option })}
            />
            {option}
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for="note-tags">Tags</label>
        <input
          id="note-tags"
          type="text"
          value={fields.tags}
          placeholder="pricing, security"
          onInput={(event) => update({ tags: event.currentTarget.value })}
        />
      </div>
      {followUpDue !== undefined && followUpDue < Date.now() && (
        <p class="quiet">That time has passed: the reminder will come right away.</p>
      )}
      <button type="submit" disabled={!canSave}>
        {save.isPending ? 'Saving…' : `Save ${KIND_CHOICE[fields.kind].toLowerCase()}`}
      </button>
      {justSaved && shownSaved && (
        <div class="just-saved" role="group" aria-label="Just saved">
          <p>
            <strong>Saved</strong> · {describeKind(shownSaved)}
            {shownSaved.sentiment ? ` · ${shownSaved.sentiment}` : ''}
            {shownSaved.body ? ': ' : ''}
            {shownSaved.body && <span class="just-saved-text">{shownSaved.body}</span>}
          </p>
          <button type="button" class="secondary" onClick={undoSave}>
            Undo
          </button>
        </div>
      )}
      <ErrorAlert message={undo.errorMessage} />
      {/* One alert for one problem: a full disk fails the save and the draft alike. */}
      <ErrorAlert message={error && draft.error ? `${error} It could not be kept as a draft either: keep this tab open.` : error || draft.error} />
      <p role="status" class="quiet">
        {savedMessage}
      </p>
    </form>
  );
}
