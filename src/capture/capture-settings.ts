import * as z from 'zod/mini';
import { defineSetting } from '../model/define-setting';


/** The never-log list holds addresses (`ceo@acme.com`) and domains (`acme.com`, `@acme.com`). */
export const neverLogSchema = z.array(z.string().check(z.maxLength(320))).check(z.maxLength(5_000));
export const forgottenSchema = z.array(z.string().check(z.maxLength(500))).check(z.maxLength(20_000));
export const MAX_FORGOTTEN = 10_000;

export interface CaptureSettings {
  neverLog: readonly string[];
  /** Keep a short snippet of a message's text (off: metadata only). */
  keepSnippet: boolean;
  /** Start tracking a person when the user replies to them. */
  trackReplies: boolean;
}

export const DEFAULT_CAPTURE_SETTINGS: CaptureSettings = { neverLog: [], keepSnippet: false, trackReplies: false };

/* Settings of activity capture; each section of the settings page edits its own. */
export const NEVER_LOG_SETTING = defineSetting<string[]>({ key: 'capture.neverLog', schema: neverLogSchema, fallback: [] });
export const KEEP_SNIPPET_SETTING = defineSetting({ key: 'capture.keepSnippet', schema: z.boolean(), fallback: DEFAULT_CAPTURE_SETTINGS.keepSnippet });
export const TRACK_REPLIES_SETTING = defineSetting({ key: 'capture.trackReplies', schema: z.boolean(), fallback: DEFAULT_CAPTURE_SETTINGS.trackReplies });
/** Captured items the user removed, so opening the thread again does not bring them back. */
export const FORGOTTEN_SETTING = defineSetting<string[]>({ key: 'capture.forgotten', schema: forgottenSchema, fallback: [] });
