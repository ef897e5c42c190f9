import { useEffect, useRef, useState } from 'preact/hooks';
import { deleteDraft, draftKeyOfPerson, getDraft, saveDraft } from '../db/drafts-repository';
import { getInteraction } from '../db/interactions-repository';
import { newId } from '../db/ids';
import { logNote } from '../actions/log-note';
import { NoteRejectedError } from '../db/note-rejected-error';
import { MAX_NOTE_LENGTH, SENTIMENTS, type Draft, type InteractionSource, type Sentiment } from '../model/schemas';
import { describeStorageError } from '../db/storage-errors';
import type { PersonOnPage } from '../model/page-context';
import { BUILT_IN_TEMPLATE, NOTE_TEMPLATES_SETTING, type TemplateChoice } from '../settings/note-templates';
import { useDatabase } from '../ui/database-context';
import { useMutation } from '../ui/use-mutation';
import { useSetting } from '../ui/use-setting';
import { announceTasksChanged } from './announce-tasks-changed';
import { fromDateTimeInput, toDateTimeInput } from './date-time-input';
import { useComposerShortcut } from './use-composer-shortcut';
import { ErrorAlert } from '../ui/ErrorAlert';

interface Props {
  person: PersonOnPage;
  source: InteractionSource;
}

/** Quiet time after typing before the draft is written; pagehide writes it at once. */
const DRAFT_SAVE_MS = 300;

interface Fields {
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
  return ![fields.body, fields.objection, fields.emotion, fields.nextStep, fields.tags, fields.followUp, ...Object.values(fields.templateFields)].some(
    (text) => text.trim(),
  ) && !fields.sentiment;
}

function hasContent(fields: Fields): boolean {
  return [fields.body, fields.objection, fields.emotion, fields.nextStep, ...Object.values(fields.templateFields)].some((text) => text.trim());
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

  // Debounced draft writes while typing; an immediate one when the page goes away.
  useEffect(() => {
    if (!dirty.current) return undefined;
    const timer = setTimeout(() => void writeDraft(), DRAFT_SAVE_MS);
    return () => clearTimeout(timer);
  });
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

  const update = (changes: Partial<Fields>): void => {
    dirty.current = true;
    setSavedMessage('');
    setFields((current) => ({ ...current, ...changes }));
  };

  const save = useMutation((note: Parameters<typeof logNote>[1]['note']) =>
    logNote(db, { person, note, source, ...(draftKey ? { draftKey } : {}) }),
  );

  const tooLong = fields.body.length > MAX_NOTE_LENGTH;
  const followUpDue = fromDateTimeInput(fields.followUp);
  const followUpInvalid = fields.followUp !== '' && followUpDue === undefined;
  const canSave = hasContent(fields) && !tooLong && !followUpInvalid && !save.isPending;

  const submit = (): void => {
    if (!canSave) return;
    setSavedMessage('');
    const templateFields = template.fields
      ? Object.fromEntries(template.fields.map((label) => [label, fields.templateFields[label] ?? '']))
      : undefined;
    save.mutate(
      {
        id: noteId,
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
          setSavedMessage(
            result.task ? `Note saved for ${person.name}, with a follow-up.` : `Note saved for ${person.name}.`,
          );
        },
        onError: () => void writeDraft(),
      },
    );
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
        <h2 id="composer-heading">Log a note</h2>
        {templates.length > 1 && (
          <div class="field inline">
            <label for="note-template">Template</label>
            <select
              id="note-template"
              value={templateId}
              onChange={(event) => {
                dirty.current = true;
                setTemplateId(event.currentTarget.value);
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
      {draftRestored && !isBlank(fields) && <p class="quiet draft-note">Draft restored: you had started this note.</p>}
      <div class="field">
        <label for="note-body">Note</label>
        <textarea
          id="note-body"
          ref={noteField}
          rows={3}
          value={fields.body}
          placeholder={`What happened with ${person.name}?`}
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
              textField(`template-field-${index}`, label, fields.templateFields[label] ?? '', (text) =>
                update({ templateFields: { ...fields.templateFields, [label]: text } }),
              ),
            )
          : [
              textField('note-objection', 'Objection', fields.objection, (text) => update({ objection: text })),
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
        {save.isPending ? 'Saving…' : 'Save note'}
      </button>
      {/* One alert for one problem: a full disk fails the save and the draft alike. */}
      <ErrorAlert message={error && draftError ? `${error} It could not be kept as a draft either: keep this tab open.` : error || draftError} />
      <p role="status" class="quiet">
        {savedMessage}
      </p>
    </form>
  );
}
