/**
 * Set in `storage.session` (the time, ms) once the background's pass after an install, update or
 * reload (reinject-content-scripts.ts) has ended, whatever it found: a tab opened after that gets
 * only the manifest's own copy of the content script. The end-to-end tests wait for it before
 * opening a site, so a fresh profile's first tab is never caught between the two copies (its
 * sidebar replaced by the injected one while a test reads it). No imports: the tests read it too.
 */
export const INSTALL_PASS_DONE_KEY = 'installPassDoneAt';
