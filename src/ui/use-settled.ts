import { useEffect, useState } from 'preact/hooks';

/** However busy the page stays, the rest of a screen shows after at most this long. */
export const SETTLE_MAX_MS = 400;

/**
 * False on the first render, true once the browser has had an idle moment after it (at most
 * SETTLE_MAX_MS later). A screen renders what the user looks at first at once and the rest when
 * this turns true, so switching through people faster than that (Gmail's j/k through a list)
 * builds only the part that is seen, and the sidebar leaves the page's CPU alone meanwhile.
 */
export function useSettled(): boolean {
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    const settle = (): void => setSettled(true);
    if (typeof requestIdleCallback === 'function') {
      const idle = requestIdleCallback(settle, { timeout: SETTLE_MAX_MS });
      return () => cancelIdleCallback(idle);
    }
    const timer = setTimeout(settle, 0);
    return () => clearTimeout(timer);
  }, []);
  return settled;
}
