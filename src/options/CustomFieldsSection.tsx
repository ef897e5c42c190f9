import * as z from 'zod/mini';
import { useState } from 'preact/hooks';
import { newId } from '../db/ids';
import {
  CUSTOM_FIELD_TYPES,
  CUSTOM_FIELDS_SETTING,
  customFieldDefinitionSchema,
  type CustomFieldDefinition,
} from '../settings/custom-fields';
import { useSetting, useSettingWriter } from '../ui/use-setting';
import { SettingsForm } from './SettingsForm';

const TYPE_LABEL: Record<CustomFieldDefinition['type'], string> = {
  text: 'Text',
  number: 'Number',
  date: 'Date',
  choice: 'Choice from a list',
};

/** Fields every contact gets (shown under "Details" in the sidebar), checked by their type. */
export function CustomFieldsSection() {
  const definitions = useSetting(CUSTOM_FIELDS_SETTING);
  const [label, setLabel] = useState('');
  const [type, setType] = useState<CustomFieldDefinition['type']>('text');
  const [choices, setChoices] = useState('');
  const { message, setMessage, store } = useSettingWriter(CUSTOM_FIELDS_SETTING);


  const add = async (): Promise<void> => {
    const candidate = {
      id: newId(),
      label,
      type,
      ...(type === 'choice' ? { choices: choices.split(',').map((choice) => choice.trim()).filter(Boolean) } : {}),
    };
    const parsed = z.safeParse(customFieldDefinitionSchema, candidate);
    if (!parsed.success) {
      setMessage(parsed.error.issues[0]?.message ?? 'That field is not valid.');
      return;
    }
    if (definitions.some((definition) => definition.label.toLowerCase() === parsed.data.label.toLowerCase())) {
      setMessage(`There is already a field called “${parsed.data.label}”.`);
      return;
    }
    await store([...definitions, parsed.data], `Field “${parsed.data.label}” added.`);
    setLabel('');
    setChoices('');
  };

  return (
    <div>
      {definitions.length > 0 && (
        <ul>
          {definitions.map((definition) => (
            <li key={definition.id}>
              <strong>{definition.label}</strong> ({TYPE_LABEL[definition.type]}
              {definition.choices ? `: ${definition.choices.join(', ')}` : ''}){' '}
              <button
                type="button"
                class="link"
                onClick={() => void store(definitions.filter((other) => other.id !== definition.id), `Field “${definition.label}” removed.`)}
              >
                Remove {definition.label}
              </button>
            </li>
          ))}
        </ul>
      )}
      <SettingsForm onSave={add} message={message} actions={<button type="submit">Add field</button>}>
        <div class="field">
          <label for="custom-field-label">Field name</label>
          <input id="custom-field-label" type="text" value={label} onInput={(event) => setLabel(event.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="custom-field-type">Type</label>
          <select id="custom-field-type" value={type} onChange={(event) => setType(event.currentTarget.value as CustomFieldDefinition['type'])}>
            {CUSTOM_FIELD_TYPES.map((option) => (
              <option key={option} value={option}>
                {TYPE_LABEL[option]}
              </option>
            ))}
          </select>
        </div>
        {type === 'choice' && (
          <div class="field">
            <label for="custom-field-choices">Choices, separated by commas</label>
            <input id="custom-field-choices" type="text" value={choices} onInput={(event) => setChoices(event.currentTarget.value)} />
          </div>
        )}
      </SettingsForm>
    </div>
  );
}
