import { KEEP_SNIPPET_SETTING, TRACK_REPLIES_SETTING } from '../capture/capture-settings';
import { setSetting } from '../db/settings-repository';
import type { SettingDefinition } from '../model/define-setting';
import { useDatabase } from '../ui/database-context';
import { useSetting } from '../ui/use-setting';

/** What activity capture keeps, and whether replying to someone starts tracking them. */
export function CaptureSection() {
  const database = useDatabase();
  const trackReplies = useSetting(TRACK_REPLIES_SETTING);
  const keepSnippet = useSetting(KEEP_SNIPPET_SETTING);
  const save = (setting: SettingDefinition<boolean>, value: boolean): void => void database().then((db) => setSetting(db, setting, value));
  return (
    <div class="capture-settings">
      <p class="quiet">
        For people you track, Margin logs each email and LinkedIn message (who, when, subject, thread) and a profile visit at
        most once a day. Message text is not kept unless you turn on snippets below.
      </p>
      <label>
        <input type="checkbox" checked={trackReplies} onChange={(event) => save(TRACK_REPLIES_SETTING, event.currentTarget.checked)} />{' '}
        Track people when I reply to them
      </label>
      <label>
        <input type="checkbox" checked={keepSnippet} onChange={(event) => save(KEEP_SNIPPET_SETTING, event.currentTarget.checked)} />{' '}
        Keep a snippet of each email I open (its first 200 characters, never quoted text)
      </label>
    </div>
  );
}
