import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SettingsForm } from './SettingsForm';
import { COLLAPSE_BELOW_STORAGE_KEY, DEFAULT_COLLAPSE_BELOW_PX, MAX_COLLAPSE_BELOW_PX, WIDTH_STORAGE_KEY } from '../settings/sidebar-layout';

/**
 * Below which window width the sidebar starts collapsed to its tab. Kept in the extension's
 * `storage.local` (not the database), because the content script that places the sidebar reads
 * it and never opens the database; open pages follow a change at once.
 */
export function SidebarSection() {
  const [value, setValue] = useState('');
  const [message, setMessage] = useState('');
  useEffect(() => {
    void browser.storage.local.get(COLLAPSE_BELOW_STORAGE_KEY).then((stored) => {
      const below = stored[COLLAPSE_BELOW_STORAGE_KEY];
      setValue(String(typeof below === 'number' ? below : DEFAULT_COLLAPSE_BELOW_PX));
    });
  }, []);

  const save = async (): Promise<void> => {
    const below = Number(value.trim());
    if (value.trim() === '' || !Number.isInteger(below) || below < 0 || below > MAX_COLLAPSE_BELOW_PX) {
      setMessage(`Enter a whole number of pixels from 0 to ${MAX_COLLAPSE_BELOW_PX.toLocaleString('en')} (0: never start collapsed).`);
      return;
    }
    try {
      await browser.storage.local.set({ [COLLAPSE_BELOW_STORAGE_KEY]: below });
      setMessage(below === 0 ? 'Saved: the sidebar never starts collapsed.' : `Saved: in windows narrower than ${below.toLocaleString('en')} px the sidebar starts as its tab.`);
    } catch (error) {
      setMessage(`Could not save: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const resetWidth = async (): Promise<void> => {
    await browser.storage.local.remove(WIDTH_STORAGE_KEY);
    setMessage('The sidebar is back to its usual width.');
  };

  return (
    <SettingsForm
      onSave={save}
      message={message}
      actions={
        <>
          <button type="submit">Save</button>
          <button type="button" class="secondary" onClick={() => void resetWidth()}>
            Reset the sidebar's width
          </button>
        </>
      }
    >
      <p class="quiet">
        Drag the sidebar's left edge to change its width; Margin remembers it. In a narrow window the sidebar starts as a small tab
        so the page keeps its room; click the tab to open it. On a page that keeps its own width (LinkedIn), Margin narrows or
        collapses the sidebar rather than cover the page.
      </p>
      <label for="sidebar-collapse-below">Start collapsed in windows narrower than (pixels)</label>
      <input
        id="sidebar-collapse-below"
        type="number"
        min="0"
        max={MAX_COLLAPSE_BELOW_PX}
        step="1"
        value={value}
        onInput={(event) => setValue(event.currentTarget.value)}
      />
    </SettingsForm>
  );
}
