import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { noteTemplateSchema, noteTemplatesSchema, QUALIFICATION_EXAMPLE } from '../../src/settings/note-templates';

const firstMessage = (value: unknown): string | undefined => z.safeParse(noteTemplateSchema, value).error?.issues[0]?.message;

describe('note template schema', () => {
  it('accepts the qualification example and trims names', () => {
    expect(z.parse(noteTemplateSchema, QUALIFICATION_EXAMPLE)).toEqual(QUALIFICATION_EXAMPLE);
    expect(z.parse(noteTemplateSchema, { id: 't', name: '  Discovery ', fields: [' Pain ', 'Impact'] })).toEqual({
      id: 't',
      name: 'Discovery',
      fields: ['Pain', 'Impact'],
    });
  });

  it('refuses two fields with the same name, whatever their case or spacing', () => {
    expect(firstMessage({ id: 't', name: 'BANT', fields: ['Budget', 'Budget'] })).toBe('Two fields of a template have the same name.');
    expect(firstMessage({ id: 't', name: 'BANT', fields: ['Budget', ' budget '] })).toBe('Two fields of a template have the same name.');
  });

  it('refuses a template with no name, no fields, a blank field or too many fields', () => {
    expect(firstMessage({ id: 't', name: '  ', fields: ['Budget'] })).toBe('A template needs a name.');
    expect(firstMessage({ id: 't', name: 'x'.repeat(61), fields: ['Budget'] })).toBe('A template name can be at most 60 characters.');
    expect(firstMessage({ id: 't', name: 'BANT', fields: [] })).toBe('A template needs at least one field.');
    expect(firstMessage({ id: 't', name: 'BANT', fields: ['Budget', '  '] })).toBe('A field needs a name.');
    expect(firstMessage({ id: 't', name: 'BANT', fields: ['x'.repeat(61)] })).toBe('A field name can be at most 60 characters.');

    const fields = (count: number) => Array.from({ length: count }, (_, index) => `Field ${index}`);
    expect(z.safeParse(noteTemplateSchema, { id: 't', name: 'Long', fields: fields(12) }).success).toBe(true);
    expect(firstMessage({ id: 't', name: 'Long', fields: fields(13) })).toBe('A template can have at most 12 fields.');
  });

  it('allows at most 20 templates', () => {
    const templates = (count: number) => Array.from({ length: count }, (_, index) => ({ ...QUALIFICATION_EXAMPLE, id: `t${index}` }));
    expect(z.safeParse(noteTemplatesSchema, templates(20)).success).toBe(true);
    expect(z.safeParse(noteTemplatesSchema, templates(21)).success).toBe(false);
  });
});
