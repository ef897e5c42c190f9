import * as z from 'zod/mini';
import { defineSetting } from '../model/define-setting';

export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'choice'] as const;

export const customFieldDefinitionSchema = z
  .object({
    id: z.string().check(z.minLength(1), z.maxLength(100)),
    label: z.string().check(z.trim(), z.minLength(1, 'A field needs a name.'), z.maxLength(60, 'A field name can be at most 60 characters.')),
    type: z.enum(CUSTOM_FIELD_TYPES),
    choices: z.optional(z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(60))).check(z.maxLength(30))),
  })
  .check(
    z.refine((field) => field.type !== 'choice' || (field.choices?.length ?? 0) >= 2, {
      message: 'A choice field needs at least two choices.',
    }),
  );
export type CustomFieldDefinition = z.infer<typeof customFieldDefinitionSchema>;
export const customFieldDefinitionsSchema = z.array(customFieldDefinitionSchema).check(z.maxLength(50));

/** Fields the user adds to every contact (text, number, date or a choice), defined in settings. */
export const CUSTOM_FIELDS_SETTING = defineSetting<CustomFieldDefinition[]>({
  key: 'customFieldDefinitions',
  schema: customFieldDefinitionsSchema,
  fallback: [],
});

export type CustomFieldValue = string | number | null;
export type CheckedValue = { ok: true; value: CustomFieldValue } | { ok: false; message: string };

/** Checks what the user typed against the field's type; empty clears the field. */
export function checkCustomFieldValue(definition: CustomFieldDefinition, raw: string): CheckedValue {
  const text = raw.trim();
  if (text === '') return { ok: true, value: null };
  switch (definition.type) {
    case 'text':
      return text.length <= 2_000
        ? { ok: true, value: text }
        : { ok: false, message: `${definition.label} can be at most 2,000 characters.` };
    case 'number': {
      // Spaces group thousands, and so do commas in groups of three ("1,250"); "1,5" could be a
      // decimal comma, so it is refused rather than guessed. No hex/binary/octal notations.
      const compact = text.replace(/\s/g, '');
      const digits = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(compact) ? compact.replace(/,/g, '') : compact;
      const number = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(digits) ? Number(digits) : Number.NaN;
      return Number.isFinite(number) ? { ok: true, value: number } : { ok: false, message: `${definition.label} must be a number.` };
    }
    case 'date': {
      const at = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : Number.NaN;
      // Date.parse rolls 2025-02-30 over to March: a real day reads back the same.
      return !Number.isNaN(at) && new Date(at).toISOString().slice(0, 10) === text
        ? { ok: true, value: text }
        : { ok: false, message: `${definition.label} must be a date (YYYY-MM-DD).` };
    }
    case 'choice':
      return definition.choices?.includes(text)
        ? { ok: true, value: text }
        : { ok: false, message: `${definition.label} must be one of: ${(definition.choices ?? []).join(', ')}.` };
  }
}
