import * as z from 'zod/mini';
import { defineSetting } from '../model/define-setting';

/**
 * The user's own list of objections: the composer offers it (free text still goes), and the
 * dashboard's "most frequent objections" groups by it, in the user's spelling. Until the user
 * edits it, the common ones below are offered.
 */
export const MAX_OBJECTIONS = 50;
export const MAX_OBJECTION_LENGTH = 100;

export const DEFAULT_OBJECTIONS: readonly string[] = [
  'Price too high',
  'No budget this year',
  'Happy with current vendor',
  'Not a priority right now',
  'Needs sign-off from others',
  'Security or compliance review',
  'Missing a feature',
  'Too busy to switch',
];

export const objectionListSchema = z
  .array(z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_OBJECTION_LENGTH)))
  .check(z.maxLength(MAX_OBJECTIONS));

/** The user's list, or the common ones until the user edits it. */
export const OBJECTIONS_SETTING = defineSetting<string[]>({ key: 'objections', schema: objectionListSchema, fallback: [...DEFAULT_OBJECTIONS] });

/** How two spellings of one objection compare: "  Price too HIGH " is "price too high". */
export function objectionKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}

/** The list typed on the options page, one per line: blank lines and repeats (in any case) dropped. */
export function parseObjectionList(text: string): { ok: true; list: string[] } | { ok: false; message: string } {
  const seen = new Set<string>();
  const list: string[] = [];
  for (const line of text.split('\n')) {
    const objection = line.trim().replace(/\s+/g, ' ');
    if (!objection || seen.has(objectionKey(objection))) continue;
    if (objection.length > MAX_OBJECTION_LENGTH) return { ok: false, message: `“${objection.slice(0, 30)}…” is longer than ${MAX_OBJECTION_LENGTH} characters.` };
    seen.add(objectionKey(objection));
    list.push(objection);
  }
  if (list.length > MAX_OBJECTIONS) return { ok: false, message: `Keep it to ${MAX_OBJECTIONS} objections (there are ${list.length}).` };
  return { ok: true, list };
}
