import { useState } from 'preact/hooks';
import { DEFAULT_OBJECTIONS, OBJECTIONS_SETTING, parseObjectionList } from '../settings/objections';
import { useSetting, useSettingWriter } from '../ui/use-setting';
import { SettingsForm } from './SettingsForm';

/** The objections the composer offers, one per line; the dashboard groups by them. */
export function ObjectionsSection() {
  const stored = useSetting(OBJECTIONS_SETTING);
  const [text, setText] = useState<string | null>(null);
  const { message, setMessage, store } = useSettingWriter(OBJECTIONS_SETTING);
  const shown = text ?? stored.join('\n');

  const save = async (): Promise<void> => {
    const parsed = parseObjectionList(shown);
    if (!parsed.ok) {
      setMessage(parsed.message);
      return;
    }
    await store(parsed.list, `Saved ${parsed.list.length} ${parsed.list.length === 1 ? 'objection' : 'objections'}.`);
    setText(null);
  };

  return (
    <SettingsForm
      onSave={save}
      message={message}
      actions={
        <>
          <button type="submit">Save objections</button>
          <button type="button" class="secondary" onClick={() => setText(DEFAULT_OBJECTIONS.join('\n'))}>
            Start from the common ones
          </button>
        </>
      }
    >
      <p class="quiet">
        The Objection field of a note offers these (you can still type anything else). The dashboard counts objections by this list,
        in your spelling, so “price too high” and “Price too high” are one.
      </p>
      <label for="objection-list">Your objections, one per line</label>
      <textarea id="objection-list" rows={Math.min(14, Math.max(6, shown.split('\n').length + 1))} value={shown} onInput={(event) => setText(event.currentTarget.value)} />
    </SettingsForm>
  );
}
