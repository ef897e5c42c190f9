import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  checkCustomFieldValue,
  customFieldDefinitionSchema,
  customFieldDefinitionsSchema,
  type CustomFieldDefinition,
} from '../../src/settings/custom-fields';

const text: CustomFieldDefinition = { id: 'f-notes', label: 'Account notes', type: 'text' };
const seats: CustomFieldDefinition = { id: 'f-seats', label: 'Seats', type: 'number' };
const renewal: CustomFieldDefinition = { id: 'f-renewal', label: 'Renewal', type: 'date' };
const plan: CustomFieldDefinition = { id: 'f-plan', label: 'Plan', type: 'choice', choices: ['Starter', 'Team', 'Enterprise'] };

describe('checkCustomFieldValue', () => {
  it('clears any field when left empty or blank', () => {
    for (const definition of [text, seats, renewal, plan]) {
      expect(checkCustomFieldValue(definition, '')).toEqual({ ok: true, value: null });
      expect(checkCustomFieldValue(definition, '  \t ')).toEqual({ ok: true, value: null });
    }
  });

  it('keeps text trimmed, up to 2,000 characters', () => {
    expect(checkCustomFieldValue(text, '  Prefers calls  ')).toEqual({ ok: true, value: 'Prefers calls' });
    expect(checkCustomFieldValue(text, 'x'.repeat(2_000))).toEqual({ ok: true, value: 'x'.repeat(2_000) });
    expect(checkCustomFieldValue(text, 'x'.repeat(2_001))).toEqual({
      ok: false,
      message: 'Account notes can be at most 2,000 characters.',
    });
  });

  it('reads numbers, with thousands separators and decimals', () => {
    expect(checkCustomFieldValue(seats, '40')).toEqual({ ok: true, value: 40 });
    expect(checkCustomFieldValue(seats, ' 1,250 ')).toEqual({ ok: true, value: 1_250 });
    expect(checkCustomFieldValue(seats, '1 000 000')).toEqual({ ok: true, value: 1_000_000 });
    expect(checkCustomFieldValue(seats, '-2.5')).toEqual({ ok: true, value: -2.5 });
    expect(checkCustomFieldValue(seats, '0')).toEqual({ ok: true, value: 0 });
  });

  it('refuses what is not a number', () => {
    for (const junk of ['forty', '12abc', 'Infinity', '1e999', '-', '.', 'NaN']) {
      expect(checkCustomFieldValue(seats, junk)).toEqual({ ok: false, message: 'Seats must be a number.' });
    }
  });

  it('refuses a comma that could be a decimal comma rather than guess', () => {
    expect(checkCustomFieldValue(seats, '1,5')).toEqual({ ok: false, message: 'Seats must be a number.' });
    expect(checkCustomFieldValue(seats, '12,50')).toEqual({ ok: false, message: 'Seats must be a number.' });
  });

  it('refuses programming notations a person does not mean as a number', () => {
    for (const junk of ['0x10', '0b101', '0o17']) {
      expect(checkCustomFieldValue(seats, junk)).toEqual({ ok: false, message: 'Seats must be a number.' });
    }
  });

  it('keeps a date as YYYY-MM-DD', () => {
    expect(checkCustomFieldValue(renewal, ' 2025-03-01 ')).toEqual({ ok: true, value: '2025-03-01' });
    expect(checkCustomFieldValue(renewal, '2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
  });

  it('refuses a date in another form or out of range', () => {
    for (const junk of ['01/03/2025', '2025-3-1', '2025-13-01', '2025-00-10', '2025-01-32', 'tomorrow', '2025-03-01T10:00']) {
      expect(checkCustomFieldValue(renewal, junk)).toEqual({ ok: false, message: 'Renewal must be a date (YYYY-MM-DD).' });
    }
  });

  it('refuses a day the month does not have', () => {
    for (const junk of ['2025-02-30', '2023-02-29', '2025-04-31']) {
      expect(checkCustomFieldValue(renewal, junk)).toEqual({ ok: false, message: 'Renewal must be a date (YYYY-MM-DD).' });
    }
  });

  it('accepts only one of the choices, as spelt', () => {
    expect(checkCustomFieldValue(plan, ' Team ')).toEqual({ ok: true, value: 'Team' });
    expect(checkCustomFieldValue(plan, 'team')).toEqual({ ok: false, message: 'Plan must be one of: Starter, Team, Enterprise.' });
    expect(checkCustomFieldValue(plan, 'Pro')).toEqual({ ok: false, message: 'Plan must be one of: Starter, Team, Enterprise.' });
  });
});

describe('custom field definitions', () => {
  const firstMessage = (value: unknown): string | undefined => z.safeParse(customFieldDefinitionSchema, value).error?.issues[0]?.message;

  it('accepts each type and trims names and choices', () => {
    const parsed = z.parse(customFieldDefinitionSchema, { id: 'f', label: '  Plan ', type: 'choice', choices: [' Team ', 'Enterprise'] });
    expect(parsed).toEqual({ id: 'f', label: 'Plan', type: 'choice', choices: ['Team', 'Enterprise'] });
    for (const definition of [text, seats, renewal, plan]) expect(z.safeParse(customFieldDefinitionSchema, definition).success).toBe(true);
  });

  it('refuses a choice field with fewer than two choices', () => {
    expect(firstMessage({ id: 'f', label: 'Plan', type: 'choice', choices: ['Team'] })).toBe('A choice field needs at least two choices.');
    expect(firstMessage({ id: 'f', label: 'Plan', type: 'choice' })).toBe('A choice field needs at least two choices.');
    expect(firstMessage({ id: 'f', label: 'Plan', type: 'choice', choices: [] })).toBe('A choice field needs at least two choices.');
  });

  it('refuses a nameless field, a name over 60 characters, a blank choice and an unknown type', () => {
    expect(firstMessage({ id: 'f', label: '   ', type: 'text' })).toBe('A field needs a name.');
    expect(firstMessage({ id: 'f', label: 'x'.repeat(61), type: 'text' })).toBe('A field name can be at most 60 characters.');
    expect(z.safeParse(customFieldDefinitionSchema, { id: 'f', label: 'x'.repeat(60), type: 'text' }).success).toBe(true);
    expect(z.safeParse(customFieldDefinitionSchema, { id: 'f', label: 'Plan', type: 'choice', choices: ['A', ' '] }).success).toBe(false);
    expect(z.safeParse(customFieldDefinitionSchema, { id: 'f', label: 'Mood', type: 'emoji' }).success).toBe(false);
  });

  it('allows at most 50 fields', () => {
    const fields = (count: number) => Array.from({ length: count }, (_, index) => ({ id: `f${index}`, label: `Field ${index}`, type: 'text' }));
    expect(z.safeParse(customFieldDefinitionsSchema, fields(50)).success).toBe(true);
    expect(z.safeParse(customFieldDefinitionsSchema, fields(51)).success).toBe(false);
  });
});
