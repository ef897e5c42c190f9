import { useEffect, useRef, useState } from 'preact/hooks';
import { deleteDraft, draftKeyOfPerson, getDraft, saveDraft } from '../db/drafts-repository';
import { getInteraction } from '../db/interactions-repository';
import { newId } from '../db/ids';
import { logNote, unlogNote } from '../actions/log-note';
import { NoteRejectedError } from '../db/note-rejected-error';
import {
  LOGGED_KINDS,
  MAX_DURATION_MINUTES,
  MAX_NOTE_LENGTH,
  SENTIMENTS,
  type Draft,
  type Interaction,
  type InteractionSource,
  type LoggedKind,
  type Sentiment,
} from '../model/schemas';
import { describeStorageError } from '../db/storage-errors';
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
import { fromDateTimeInput, toDateTimeInput } from './date-time-input';
import { useComposerShortcut } from './use-composer-shortcut';
import { ErrorAlert } from '../ui/ErrorAlert';

interface Props {
  person: PersonOnPage;
  source: InteractionSource;
}

interface Fields {
  kind: LoggedKind;
  /** Minutes as typed, for a call or meeting. */
  duration: string;
  body: string;
  objection: string;
  emotion: string;
  nextStep: string;
  templateFields: Record<string, string>;
  sentiment: Sentiment | undefined;
  tags: string;
  followUp: string;
}

const EMPTY: Fields = {
  kind: 'note',
  duration: '',
  body: '',
  objection: '',
  emotion: '',
  nextStep: '',
  templateFields: {},
  sentiment: undefined,
  tags: '',
  followUp: '',
};

function isBlank(fields: Fields): boolean {
  return fields.kind === 'note' && !fields.duration.trim() && ![fields.body, fields.objection, fields.emotion, fields.nextStep, fields.tags, fields.followUp, ...Object.values(fields.templateFields)].some(
    (text) => text.trim(),
  ) && !fields.sentiment;
}

const KIND_CHOICE: Record<LoggedKind, string> = { note: 'Note', call: 'Call', meeting: 'Meeting' };

/** A call or a meeting is worth logging with nothing written: it happened. */
function hasContent(fields: Fields): boolean {
  if (fields.kind !== 'note') return true;
  return [fields.body, fields.objection, fields.emotion, fields.nextStep, ...Object.values(fields.templateFields)].some((text) => text.trim());
}

/** Whole minutes from 1 to 24 hours; undefined when empty; NaN when it is not a duration. */
function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const minutes = Number(trimmed);
  return Number.isInteger(minutes) && minutes >= 1 && minutes <= MAX_DURATION_MINUTES ? minutes : Number.NaN;
}

function parseTags(text: string): string[] {
  return [...new Set(text.split(',').map((tag) => tag.trim()).filter(Boolean))];
}

/**
 * Logs a structured note about the person on the page. What is typed is kept as a draft while
 * typing (closing the tab, navigating away, a crash or a failed save lose nothing); the fields
 * are cleared only once the note is stored.
 */
export function NoteComposer({ person, source }: Props) {
  const db = useDatabase();
  const draftKey = draftKeyOfPerson(person);
  const userTemplates = useSetting(NOTE_TEMPLATES_SETTING);
  const templates: TemplateChoice[] = [BUILT_IN_TEMPLATE, ...userTemplates];

  const [fields, setFields] = useState<Fields>(EMPTY);
  const [templateId, setTemplateId] = useState(BUILT_IN_TEMPLATE.id);
  // One id per note being written: a double click or a retry after an unclear failure stores it once.
  const [noteId, setNoteId] = useState(newId);
  const [savedMessage, setSavedMessage] = useState('');
  // The note just saved, shown where the rep is looking, with Undo.
  const [justSaved, setJustSaved] = useState<{ interaction: Interaction; followUpDue?: number } | undefined>();
  const [undoError, setUndoError] = useState('');
  // Followed live: an edit in the timeline shows here, and a deleted note is no longer "Saved".
  const justSavedId = justSaved?.interaction.id ?? null;
  const savedNow = useLiveDbQuery(['just-saved', justSavedId], () =>
    justSavedId ? getInteraction(db, justSavedId).then((found) => found ?? null) : Promise.resolve(null),
  );
  const shownSaved = savedNow.data === undefined ? justSaved?.interaction : (savedNow.data ?? undefined);
  const objections = useSetting(OBJECTIONS_SETTING);
  const [draftError, setDraftError] = useState('');
  const [draftRestored, setDraftRestored] = useState(false);
  const dirty = useRef(false);
  const latest = useRef({ fields, templateId, noteId });
  latest.current = { fields, templateId, noteId };
  const noteField = useRef<HTMLTextAreaElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const template = templates.find((candidate) => candidate.id === templateId) ?? BUILT_IN_TEMPLATE;

  // Restore the draft for this person once, before the user types.
  useEffect(() => {
    if (!draftKey) return;
    let cancelled = false;
    void getDraft(db, draftKey).then(async (draft) => {
      if (cancelled || !draft || dirty.current) return;
      // A draft whose note was stored after all (the save won a race with the last draft write).
      if (await getInteraction(db, draft.noteId)) {
        await deleteDraft(db, draftKey);
        return;
      }
      if (cancelled || dirty.current) return;
      setFields({
        kind: draft.kind ?? 'note',
        duration: draft.duration ?? '',
        body: draft.body,
        objection: draft.objection ?? '',
        emotion: draft.emotion ?? '',
        nextStep: draft.nextStep ?? '',
        templateFields: draft.templateFields ?? {},
        sentiment: draft.sentiment,
        tags: (draft.tags ?? []).join(', '),
        followUp: draft.followUpDue ? toDateTimeInput(draft.followUpDue) : '',
      });
      if (draft.templateId) setTemplateId(draft.templateId);
      setNoteId(draft.noteId);
      setDraftRestored(true);
    });
    return () => {
      cancelled = true;
    };
  }, [db, draftKey]);

  const writeDraft = async (): Promise<void> => {
    if (!draftKey || !dirty.current) return;
    const { fields: current, templateId: currentTemplate, noteId: currentNoteId } = latest.current;
    const followUpDue = fromDateTimeInput(current.followUp);
    const draft: Draft = {
      key: draftKey,
      noteId: currentNoteId,
      body: current.body,
      ...(currentTemplate !== BUILT_IN_TEMPLATE.id ? { templateId: currentTemplate } : {}),
      ...(Object.keys(current.templateFields).length ? { templateFields: current.templateFields } : {}),
      ...(current.objection ? { objection: current.objection } : {}),
      ...(current.emotion ? { emotion: current.emotion } : {}),
      ...(current.nextStep ? { nextStep: current.nextStep } : {}),
      ...(current.sentiment ? { sentiment: current.sentiment } : {}),
      ...(current.tags.trim() ? { tags: parseTags(current.tags) } : {}),
      ...(followUpDue ? { followUpDue } : {}),
      ...(current.kind !== 'note' ? { kind: current.kind } : {}),
      ...(current.kind !== 'note' && current.duration.trim() ? { duration: current.duration.trim().slice(0, 20) } : {}),
      updatedAt: Date.now(),
    };
    try {
      await saveDraft(db, draft);
      dirty.current = false;
      setDraftError('');
    } catch (error) {
      setDraftError(`Your draft could not be kept: ${describeStorageError(error)}`);
    }
  };

  // Every change is written as it happens (see `update`); leaving writes whatever is still unwritten.
  useEffect(() => {
    const flush = (): void => void writeDraft();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', flush);
      flush();
    };
  }, [draftKey]);

  /**
   * A change is written to the draft in the same task as the keystroke or paste, not after a quiet
   * moment: a tab can close at any moment, and a write that has not started by then is lost.
   * IndexedDB queues the writes in order; one row per person makes each a small put.
   */
  const update = (changes: Partial<Fields>): void => {
    dirty.current = true;
    setSavedMessage('');
    setJustSaved(undefined);
    latest.current = { ...latest.current, fields: { ...latest.current.fields, ...changes } };
    setFields((current) => ({ ...current, ...changes }));
    void writeDraft();
  };

  const save = useMutation((note: Parameters<typeof logNote>[1]['note']) =>
    logNote(db, { person, note, source, ...(draftKey ? { draftKey } : {}) }),
  );

  const tooLong = fields.body.length > MAX_NOTE_LENGTH;
  const followUpDue = fromDateTimeInput(fields.followUp);
  const followUpInvalid = fields.followUp !== '' && followUpDue === undefined;
  const durationMinutes = fields.kind === 'note' ? undefined : parseDuration(fields.duration);
  const durationInvalid = durationMinutes !== undefined && Number.isNaN(durationMinutes);
  const canSave = hasContent(fields) && !tooLong && !followUpInvalid && !durationInvalid && !save.isPending;

  const submit = (): void => {
    if (!canSave) return;
    setSavedMessage('');
    const templateFields = template.fields
      ? Object.fromEntries(template.fields.map((label) => [label, ownValue(fields.templateFields, label) ?? '']))
      : undefined;
    save.mutate(
      {
        id: noteId,
        ...(fields.kind !== 'note' ? { kind: fields.kind } : {}),
        ...(durationMinutes !== undefined ? { durationMinutes } : {}),
        body: fields.body,
        objection: template.fields ? '' : fields.objection,
        emotion: template.fields ? '' : fields.emotion,
        nextStep: fields.nextStep,
        ...(templateFields ? { templateFields } : {}),
        ...(fields.sentiment ? { sentiment: fields.sentiment } : {}),
        ...(fields.tags.trim() ? { tags: parseTags(fields.tags) } : {}),
        ...(followUpDue ? { followUpDue } : {}),
      },
      {
        onSuccess: (result) => {
          dirty.current = false;
          setFields(EMPTY);
          setNoteId(newId());
          setDraftRestored(false);
          if (result.task) announceTasksChanged();
          setJustSaved({ interaction: result.interaction, ...(result.task ? { followUpDue: result.task.due } : {}) });
          setUndoError('');
          const what = KIND_CHOICE[result.interaction.kind as LoggedKind] ?? 'Note';
          setSavedMessage(result.task ? `${what} saved for ${person.name}, with a follow-up.` : `${what} saved for ${person.name}.`);
        },
        onError: () => void writeDraft(),
      },
    );
  };

  // Undo puts the note back in the form, so a slip is fixed and saved again, not retyped.
  const undoSave = async (): Promise<void> => {
    if (!justSaved) return;
    const { interaction, followUpDue: due } = justSaved;
    try {
      const removed = await unlogNote(db, interaction.id);
      setJustSaved(undefined);
      setSavedMessage(removed ? 'Undone: it is back in the form.' : 'It was already removed.');
      if (!removed) return;
      if (due !== undefined) announceTasksChanged();
      dirty.current = true;
      setFields({
        kind: LOGGED_KINDS.includes(removed.kind as LoggedKind) ? (removed.kind as LoggedKind) : 'note',
        duration: removed.durationMinutes ? String(removed.durationMinutes) : '',
        body: removed.body ?? '',
        objection: removed.objection ?? '',
        emotion: removed.emotion ?? '',
        nextStep: removed.nextStep ?? '',
        templateFields: removed.templateFields ?? {},
        sentiment: removed.sentiment,
        tags: (removed.tags ?? []).join(', '),
        followUp: due !== undefined ? toDateTimeInput(due) : '',
      });
      noteField.current?.focus();
    } catch (failure) {
      setUndoError(`Could not undo: ${describeStorageError(failure)}`);
    }
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

  const error = save.error
    ? save.error instanceof NoteRejectedError
      ? save.error.message
      : `Could not save the note: ${describeStorageError(save.error)} Your text is still here.`
    : undefined;

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
              onChange={(event) => {
                const chosen = event.currentTarget.value;
                dirty.current = true;
                latest.current = { ...latest.current, templateId: chosen };
                setTemplateId(chosen);
                void writeDraft();
              }}
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
      {draftRestored && !isBlank(fields) && <p class="quiet draft-note">Draft restored: you had started this note.</p>}
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
          <button type="button" class="secondary" onClick={() => void undoSave()}>
            Undo
          </button>
        </div>
      )}
      <ErrorAlert message={undoError} />
      {/* One alert for one problem: a full disk fails the save and the draft alike. */}
      <ErrorAlert message={error && draftError ? `${error} It could not be kept as a draft either: keep this tab open.` : error || draftError} />
      <p role="status" class="quiet">
        {savedMessage}
      </p>
    </form>
  );
}
