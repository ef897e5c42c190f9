import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { changeStage, setContactCustomFields, setContactTags } from '../db/contacts-repository';
import { listTimeline } from '../db/interactions-repository';
import { listOpenTasks } from '../db/tasks-repository';
import { STAGES, type Contact, type Stage } from '../model/schemas';
import { InputRejectedError } from '../db/input-rejected-error';
import { describeStorageError } from '../db/storage-errors';
import type { PersonOnPage } from '../model/page-context';
import {
  checkCustomFieldValue,
  CUSTOM_FIELDS_SETTING,
  type CustomFieldDefinition,
} from '../settings/custom-fields';
import { useDatabase } from '../ui/database-context';
import { useSetting } from '../ui/use-setting';
import { copyText } from './copy-text';
import { identityLabel } from './person-of-contact';
import { buildSnapshot } from './snapshot';
import { ErrorAlert } from '../ui/ErrorAlert';

interface Props {
  person: PersonOnPage;
  contact: Contact | undefined;
  /** The engagement score and stage suggestions, shown under the stage. */
  children?: ComponentChildren;
}

export function PersonHeader({ person, contact, children }: Props) {
  const subtitle = [person.headline ?? contact?.title, person.company ?? contact?.company]
    .filter((text, index, all) => text && all.indexOf(text) === index)
    .join(' · ');
  return (
    <header class="person">
      <h1 class="person-name">{person.name}</h1>
      {subtitle && <p class="person-subtitle">{subtitle}</p>}
      <ul class="identities" aria-label="Identities">
        {person.email && <li>{person.email}</li>}
        {person.linkedinSlug && <li>{identityLabel({ name: person.name, linkedinSlug: person.linkedinSlug })}</li>}
        {person.linkedinSalesId && !person.linkedinSlug && <li>Sales Navigator lead</li>}
      </ul>
      {contact ? (
        <>
          <StageControl contact={contact} />
          {children}
          <ContactTags contact={contact} />
          <CustomFields contact={contact} />
          <SnapshotButton contact={contact} />
        </>
      ) : (
        <p class="quiet">Not in Margin yet: your first note adds them.</p>
      )}
    </header>
  );
}

function StageControl({ contact }: { contact: Contact }) {
  const db = useDatabase();
  const [pending, setPending] = useState<Stage | undefined>();
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');

  const confirm = async (): Promise<void> => {
    if (!pending) return;
    try {
      await changeStage(db, { contactId: contact.id, to: pending, reason, now: Date.now() });
      setPending(undefined);
      setReason('');
      setError('');
    } catch (failure) {
      setError(`Could not change the stage: ${describeStorageError(failure)}`);
    }
  };

  return (
    <div class="stage">
      <label for="lifecycle-stage">Lifecycle stage</label>
      <select
        id="lifecycle-stage"
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
      <ErrorAlert message={error} />
    </div>
  );
}

function ContactTags({ contact }: { contact: Contact }) {
  const db = useDatabase();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const save = async (): Promise<void> => {
    try {
      await setContactTags(db, contact.id, text.split(','), Date.now());
      setError('');
      setEditing(false);
    } catch (failure) {
      setError(failure instanceof InputRejectedError ? failure.message : `Could not save the tags: ${describeStorageError(failure)}`);
    }
  };
  return (
    <div class="contact-tags">
      {editing ? (
        <div class="field-row">
          <label for="contact-tags">Tags</label>
          <input
            id="contact-tags"
            type="text"
            value={text}
            onInput={(event) => setText(event.currentTarget.value)}
            onKeyDown={(event) => event.key === 'Enter' && void save()}
          />
          <button type="button" onClick={() => void save()}>
            Save tags
          </button>
          <ErrorAlert message={error} />
        </div>
      ) : (
        <p class="tags">
          {contact.tags.map((tag) => (
            <span class="tag" key={tag}>
              {tag}
            </span>
          ))}
          <button
            type="button"
            class="link"
            onClick={() => {
              setText(contact.tags.join(', '));
              setEditing(true);
            }}
          >
            {contact.tags.length ? 'Edit tags' : 'Add tags'}
          </button>
        </p>
      )}
    </div>
  );
}

function CustomFields({ contact }: { contact: Contact }) {
  const db = useDatabase();
  const definitions = useSetting(CUSTOM_FIELDS_SETTING);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState('');
  if (definitions.length === 0) return null;

  const saveField = async (definition: CustomFieldDefinition, raw: string): Promise<void> => {
    const checked = checkCustomFieldValue(definition, raw);
    if (!checked.ok) {
      setErrors({ ...errors, [definition.id]: checked.message });
      return;
    }
    setErrors({ ...errors, [definition.id]: '' });
    setSaved('');
    try {
      await setContactCustomFields(db, contact.id, { ...contact.customFields, [definition.id]: checked.value }, Date.now());
      setSaved(`${definition.label} saved.`);
    } catch (failure) {
      setErrors({ ...errors, [definition.id]: `Could not save: ${describeStorageError(failure)}` });
    }
  };

  return (
    <details class="custom-fields">
      <summary>Details</summary>
      {definitions.map((definition) => {
        const id = `custom-${definition.id}`;
        const value = contact.customFields[definition.id];
        const shown = value === null || value === undefined ? '' : String(value);
        return (
          <div class="field" key={definition.id}>
            <label for={id}>{definition.label}</label>
            {definition.type === 'choice' ? (
              <select id={id} value={shown} onChange={(event) => void saveField(definition, event.currentTarget.value)}>
                <option value="">—</option>
                {(definition.choices ?? []).map((choice) => (
                  <option key={choice} value={choice}>
                    {choice}
                  </option>
                ))}
              </select>
            ) : definition.type === 'date' ? (
              <input
                id={id}
                type="date"
                defaultValue={shown}
                aria-invalid={Boolean(errors[definition.id])}
                onChange={(event) => void saveField(definition, event.currentTarget.value)}
              />
            ) : (
              <input
                id={id}
                type="text"
                inputMode={definition.type === 'number' ? 'decimal' : 'text'}
                defaultValue={shown}
                aria-invalid={Boolean(errors[definition.id])}
                onChange={(event) => void saveField(definition, event.currentTarget.value)}
              />
            )}
            {errors[definition.id] && <p class="field-error">{errors[definition.id]}</p>}
          </div>
        );
      })}
      <p role="status" class="quiet">
        {saved}
      </p>
    </details>
  );
}

function SnapshotButton({ contact }: { contact: Contact }) {
  const db = useDatabase();
  const [message, setMessage] = useState('');
  const copy = async (): Promise<void> => {
    const [interactions, openTasks] = await Promise.all([listTimeline(db, contact.id, { limit: 50 }), listOpenTasks(db, contact.id)]);
    const copied = await copyText(buildSnapshot({ contact, interactions, openTasks, now: Date.now() }));
    setMessage(copied ? 'Snapshot copied as Markdown.' : 'Could not reach the clipboard.');
  };
  return (
    <p class="snapshot">
      <button type="button" class="secondary" onClick={() => void copy()}>
        Copy snapshot
      </button>
      <span role="status" class="quiet">
        {message}
      </span>
    </p>
  );
}
