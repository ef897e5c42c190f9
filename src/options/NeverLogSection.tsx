import { useState } from 'preact/hooks';
import { NEVER_LOG_SETTING } from '../capture/capture-settings';
import { isValidNeverLogEntry } from '../capture/tracking-rules';
import { useSetting, useSettingWriter } from '../ui/use-setting';

/** Addresses and domains Margin never logs or tracks. */
export function NeverLogSection() {
  const entries = useSetting(NEVER_LOG_SETTING);
  const [input, setInput] = useState('');
  const { message, setMessage, store } = useSettingWriter(NEVER_LOG_SETTING);

  const add = (): void => {
    const entry = input.trim().toLowerCase();
    if (!isValidNeverLogEntry(entry)) {
      setMessage('Enter an address (someone@example.com) or a domain (example.com).');
      return;
    }
    if (entries.includes(entry)) return setInput('');
    setInput('');
    void store([...entries, entry], `Margin will never log ${entry}.`);
  };

  return (
    <div class="never-log">
      <p class="quiet">
        Margin never captures activity with these addresses and domains (a domain covers its subdomains), nor makes contacts of
        them. Your own addresses, no-reply senders and messages to more than 20 people are always left out.
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <label for="never-log-entry">Address or domain</label>
        <input id="never-log-entry" value={input} onInput={(event) => setInput(event.currentTarget.value)} placeholder="competitor.example" />
        <button type="submit">Add</button>
      </form>
      {entries.length > 0 && (
        <ul aria-label="Never logged">
          {entries.map((entry) => (
            <li key={entry}>
              {entry}{' '}
              <button type="button" class="secondary" aria-label={`Remove ${entry}`} onClick={() => void store(entries.filter((other) => other !== entry), `Removed ${entry}.`)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {message && <p role="status">{message}</p>}
    </div>
  );
}
