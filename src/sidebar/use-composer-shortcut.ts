import { useEffect } from 'preact/hooks';

/**
 * The keyboard shortcut (the browser's commands API, changeable at chrome://extensions/shortcuts)
 * reaches the sidebar as a message for its tab; useTabContext turns it into this window event.
 */
export const FOCUS_COMPOSER_EVENT = 'margin:focus-composer';

export function useComposerShortcut(focus: () => void): void {
  useEffect(() => {
    window.addEventListener(FOCUS_COMPOSER_EVENT, focus);
    return () => window.removeEventListener(FOCUS_COMPOSER_EVENT, focus);
  }, [focus]);
}
