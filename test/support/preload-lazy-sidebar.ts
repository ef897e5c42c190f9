/**
 * The sidebar loads its composer, timeline, metrics, follow-ups and controls after the first paint (each its
 * own chunk). In the browser that takes milliseconds; under vitest each first import compiles its
 * module tree, which on a loaded machine outlasts testing-library's one-second wait. Tests that
 * use those parts load them once up front, so they test the parts, not the compiler.
 */
export async function preloadLazySidebarParts(): Promise<void> {
  await Promise.all([
    import('../../src/sidebar/NoteComposer'),
    import('../../src/sidebar/Timeline'),
    import('../../src/ui/WakeCrmSync'),
    import('../../src/sidebar/PersonMetrics'),
    import('../../src/sidebar/FollowUps'),
    import('../../src/sidebar/ForgetContact'),
    import('../../src/sidebar/ContactDetails'),
    import('../../src/sidebar/CrmSyncState'),
    import('../../src/sidebar/NoteEditor'),
    import('../../src/sidebar/IdentityTools'),
    import('../../src/sidebar/UnrecognisedPage'),
  ]);
}
