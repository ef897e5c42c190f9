import * as z from 'zod/mini';
import { defineSetting } from '../model/define-setting';

/**
 * Note templates: the built-in structured note (Objection, Emotion observed, Next step) and the
 * user's own, whose fields are asked instead of Objection and Emotion (e.g. Budget, Authority,
 * Need, Timing for qualification). Every template keeps Note, Sentiment, Next step, tags and
 * the follow-up date, because the next step is what becomes a task.
 */
export const BUILT_IN_TEMPLATE_ID = 'structured';

const label = z.string().check(z.trim(), z.minLength(1, 'A field needs a name.'), z.maxLength(60, 'A field name can be at most 60 characters.'));

export const noteTemplateSchema = z
  .object({
    id: z.string().check(z.minLength(1), z.maxLength(100)),
    name: z.string().check(z.trim(), z.minLength(1, 'A template needs a name.'), z.maxLength(60, 'A template name can be at most 60 characters.')),
    fields: z.array(label).check(z.minLength(1, 'A template needs at least one field.'), z.maxLength(12, 'A template can have at most 12 fields.')),
  })
  .check(
    z.refine((template) => new Set(template.fields.map((field) => field.toLowerCase())).size === template.fields.length, {
      message: 'Two fields of a template have the same name.',
    }),
  );
export type NoteTemplate = z.infer<typeof noteTemplateSchema>;

export const noteTemplatesSchema = z.array(noteTemplateSchema).check(z.maxLength(20));

/** The user's own templates (the built-in one is not stored). */
export const NOTE_TEMPLATES_SETTING = defineSetting<NoteTemplate[]>({ key: 'noteTemplates', schema: noteTemplatesSchema, fallback: [] });

export interface TemplateChoice {
  id: string;
  name: string;
  /** The user's own fields, or undefined for the built-in Objection/Emotion observed. */
  fields?: string[];
}

export const BUILT_IN_TEMPLATE: TemplateChoice = { id: BUILT_IN_TEMPLATE_ID, name: 'Structured note' };

export const QUALIFICATION_EXAMPLE: NoteTemplate = {
  id: 'bant',
  name: 'Qualification (BANT)',
  fields: ['Budget', 'Authority', 'Need', 'Timing'],
};
