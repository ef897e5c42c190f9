import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PersonOnPage } from '../model/page-context';
import { PersonTitle } from './PersonHeader';

/** A person who replaces the one before within this long is being passed by (Gmail's j/k through threads)... */
export const PASSING_WINDOW_MS = 300;
/** ...and gets their whole first screen once they have stayed this long. */
export const STAY_MS = 150;

/**
 * Whether the person the sidebar is about to show is only being passed by: the one before was on
 * screen for less than PASSING_WINDOW_MS. Called on every render of the page view with the
 * person's key; a new key is a new person. The first person, and anyone after a pause, is not.
 */
export function usePassingPerson(key: string | null): boolean {
  const shown = useRef<{ key: string | null; since: number; passing: boolean }>({ key: null, since: Number.NEGATIVE_INFINITY, passing: false });
  if (shown.current.key !== key) {
    const now = performance.now();
    shown.current = { key, since: now, passing: key !== null && now - shown.current.since < PASSING_WINDOW_MS };
  }
  return shown.current.passing;
}

/**
 * Flicking through threads must not make the sidebar read and draw every person's record while
 * Gmail draws the threads (both compete for the same CPU): a person being passed by gets their
 * name at once, which is all anyone can read in that time, and everything else (their record,
 * score, stage, latest items, then the rest) once they stay STAY_MS. Never the previous person's
 * record under the new name: until then the header says it is loading.
 * Keyed by the person, so each person starts anew.
 */
export function PassingPersonGate({ passing, person, children }: { passing: boolean; person: PersonOnPage; children: ComponentChildren }) {
  const [waiting, setWaiting] = useState(passing);
  useEffect(() => {
    if (!waiting) return undefined;
    const timer = setTimeout(() => setWaiting(false), STAY_MS);
    return () => clearTimeout(timer);
  }, [waiting]);
  if (!waiting) return <>{children}</>;
  return (
    <div class="person-panel">
      <header class="person pinned" aria-busy="true">
        <PersonTitle person={person} contact={undefined} />
      </header>
    </div>
  );
}
