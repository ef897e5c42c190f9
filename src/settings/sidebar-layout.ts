/**
 * The sidebar's layout settings. They live in the extension's `storage.local`, not the database:
 * the content script that places the sidebar reads them, and content scripts never open the
 * database. Plain constants, so the content script's bundle stays small.
 */

/** Whether the user collapsed the sidebar (remembered across pages and tabs). */
export const COLLAPSED_STORAGE_KEY = 'sidebar.collapsed';
/** The width the user dragged the sidebar to, in CSS pixels. */
export const WIDTH_STORAGE_KEY = 'sidebar.width';
/** Windows narrower than this start with the sidebar collapsed to its tab; 0 means never. */
export const COLLAPSE_BELOW_STORAGE_KEY = 'sidebar.collapseBelowWidth';

export const DEFAULT_SIDEBAR_WIDTH_PX = 360;
export const DEFAULT_COLLAPSE_BELOW_PX = 1_200;
export const MAX_COLLAPSE_BELOW_PX = 10_000;
