import { useState } from 'preact/hooks';
import { setContactCustomField } from '../db/contacts-repository';
import { ownValue } from '../model/plain-values';
import type { Contact } from '../model/schemas';
import { describeWriteError } from '../db/storage-errors';
import {
  checkCustomFieldValue,
  CUSTOM_FIELDS_SETTING,
  type CustomFieldDefinition,
} from '../settings/custom-fields';
import { useDatabase } from '../ui/database-context';
import { useSetting } from '../ui/use-setting';

/** The user's own contact fields (Settings → Contact fields), each saved when it changes. */
export function CustomFields({ contact }: { contact: Contact }) {
  const database = useDatabase();
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
      await setContactCustomField(await database(), contact.id, definition.id, checked.value, Date.now());
      setSaved(`${definition.label} saved.`);
    } catch (failure) {
      setErrors({ ...errors, [definition.id]: describeWriteError(`save ${definition.label}`, failure) });
    }
  };

  return (
    <details class="custom-fields">
      <summary>Details</summary>
      {definitions.map((definition) => {
        const id = `custom-${definition.id}`;
        const value = ownValue(contact.customFields, definition.id);
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
