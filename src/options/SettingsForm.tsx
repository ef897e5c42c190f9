import type { ComponentChildren } from 'preact';

interface Props {
  /** Runs on submit (the first button in `actions`, or Enter in a field). */
  onSave: () => void | Promise<void>;
  /** The sentence after the last action: what was saved, why the input was refused, or why saving failed. */
  message: string;
  /** The buttons under the fields; the submit button first. */
  actions: ComponentChildren;
  children: ComponentChildren;
}

/**
 * The one shape of a settings form: its fields, a row of buttons, and a status line a screen
 * reader announces. Saving and its messages stay with each section; the form only asks.
 */
export function SettingsForm({ onSave, message, actions, children }: Props) {
  return (
    <form
      class="settings-form"
      onSubmit={(event) => {
        event.preventDefault();
        void onSave();
      }}
    >
      {children}
      <div class="actions">{actions}</div>
      <p role="status" class="quiet">
        {message}
      </p>
    </form>
  );
}
