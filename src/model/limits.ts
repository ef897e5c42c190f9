/**
 * Longest text kept from any single page field; anything longer is page noise or hostile.
 * Its own module, free of zod, so that content scripts can use the number at run time.
 */
export const MAX_PAGE_TEXT = 500;

/** Longest snippet of a message's text ("keep a snippet"). */
export const MAX_SNIPPET = 200;
