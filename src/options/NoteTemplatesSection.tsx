import * as z from 'zod/mini';
import { useState } from 'preact/hooks';
import { newId } from '../db/ids';
import { NOTE_TEMPLATES_SETTING, noteTemplateSchema, QUALIFICATION_EXAMPLE, type NoteTemplate } from '../settings/note-templates';
import { useSetting, useSettingWriter } from '../ui/use-setting';
import { SettingsForm } from './SettingsForm';

/** The user's own note templates (the built-in Objection / Emotion observed / Next step always stays). */
export function NoteTemplatesSection() {
  const templates = useSetting(NOTE_TEMPLATES_SETTING);
  const [name, setName] = useState('');
  const [fields, setFields] = useState('');
  const { message, setMessage, store } = useSettingWriter(NOTE_TEMPLATES_SETTING);


  const add = async (template: Omit<NoteTemplate, 'id'>): Promise<void> => {
    const parsed = z.safeParse(noteTemplateSchema, { ...template, id: newId() });
    if (!parsed.success) {
      setMessage(parsed.error.issues[0]?.message ?? 'That template is not valid.');
      return;
    }
    await store([...templates, parsed.data], `Template “${parsed.data.name}” added.`);
    setName('');
    setFields('');
  };

  return (
    <div>
      <p class="quiet">
        Every note can use the built-in fields (Objection, Emotion observed, Next step). Your own templates ask
        their fields instead of Objection and Emotion; Note, Sentiment, Next step and the follow-up date stay.
      </p>
      {templates.length > 0 && (
        <ul>
          {templates.map((template) => (
            <li key={template.id}>
              <strong>{template.name}</strong>: {template.fields.join(', ')}{' '}
              <button
                type="button"
                class="link"
                onClick={() => void store(templates.filter((other) => other.id !== template.id), `Template “${template.name}” removed.`)}
              >
                Remove {template.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      <SettingsForm
        onSave={() => add({ name, fields: fields.split(',').map((field) => field.trim()).filter(Boolean) })}
        message={message}
        actions={
          <>
            <button type="submit">Add template</button>
            {!templates.some((template) => template.name === QUALIFICATION_EXAMPLE.name) && (
              <button type="button" class="secondary" onClick={() => void add(QUALIFICATION_EXAMPLE)}>
                Add the BANT qualification template
              </button>
            )}
          </>
        }
      >
        <div class="field">
          <label for="template-name">Template name</label>
          <input id="template-name" type="text" value={name} onInput={(event) => setName(event.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="template-fields">Fields, separated by commas</label>
          <input
            id="template-fields"
            type="text"
            value={fields}
            placeholder="Budget, Authority, Need, Timing"
            onInput={(event) => setFields(event.currentTarget.value)}
          />
        </div>
      </SettingsForm>
    </div>
  );
}
