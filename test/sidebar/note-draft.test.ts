import { describe, expect, it } from 'vitest';
import type { Interaction } from '../../src/model/schemas';
import { draftSchema } from '../../src/model/schemas';
import { BUILT_IN_TEMPLATE } from '../../src/settings/note-templates';
import { toDateTimeInput } from '../../src/sidebar/date-time-input';
import {
  EMPTY_NOTE_FIELDS,
  draftOfFields,
  fieldsOfDraft,
  fieldsOfNote,
  hasContent,
  isBlank,
  noteOfFields,
  parseDuration,
  parseTags,
  type NoteFields,
} from '../../src/sidebar/note-draft';

const NOW = Date.UTC(2026, 4, 12, 9, 0);
const FOLLOW_UP = new Date(2026, 4, 20, 14, 30).getTime();

/** What the rep wrote, as the draft and the saved note both keep it. */
const written = {
  body: 'Walked through the pilot pricing.',
  objection: 'Price too high',
  emotion: 'Hesitant',
  nextStep: 'Send the security review',
  sentiment: 'Concerned',
  tags: ['pricing', 'security'],
  followUpDue: FOLLOW_UP,
} as const;

const typed: NoteFields = {
  kind: 'call',
  duration: ' 25 ',
  body: 'Walked through the pilot pricing.',
  objection: 'Price too high',
  emotion: 'Hesitant',
  nextStep: 'Send the security review',
  templateFields: {},
  sentiment: 'Concerned',
  tags: 'pricing, security, pricing',
  followUp: toDateTimeInput(FOLLOW_UP),
};

describe('a draft of what is typed', () => {
  it('keeps every field, and comes back into the form as it was typed', () => {
    const draft = draftOfFields({ key: 'email:priya@northwind.example', noteId: 'n-1', fields: typed, templateId: BUILT_IN_TEMPLATE.id, now: NOW });
    expect(draftSchema.safeParse(draft).success).toBe(true);
    expect(draft).toEqual({
      key: 'email:priya@northwind.example',
      noteId: 'n-1',
      ...written,
      kind: 'call',
      duration: '25',
      updatedAt: NOW,
    });
    expect(fieldsOfDraft(draft)).toEqual({
      fields: { ...typed, duration: '25', tags: 'pricing, security' },
      templateId: undefined,
      noteId: 'n-1',
    });
  });

  it('leaves out what is empty, the built-in template and a note’s duration', () => {
    const draft = draftOfFields({
      key: 'k',
      noteId: 'n-2',
      fields: { ...EMPTY_NOTE_FIELDS, body: 'Only this', duration: '30' },
      templateId: BUILT_IN_TEMPLATE.id,
      now: NOW,
    });
    expect(draft).toEqual({ key: 'k', noteId: 'n-2', body: 'Only this', updatedAt: NOW });
  });

  it('keeps a user template and its answers', () => {
    const fields = { ...EMPTY_NOTE_FIELDS, templateFields: { Budget: '40k', Authority: '' } };
    const draft = draftOfFields({ key: 'k', noteId: 'n-3', fields, templateId: 'bant', now: NOW });
    expect(draft.templateId).toBe('bant');
    expect(fieldsOfDraft(draft)).toEqual({ fields, templateId: 'bant', noteId: 'n-3' });
  });
});

describe('the note to save', () => {
  it('from the built-in template: objection and emotion, the parsed duration and follow-up', () => {
    expect(noteOfFields({ noteId: 'n-1', fields: typed, template: BUILT_IN_TEMPLATE, durationMinutes: 25, followUpDue: FOLLOW_UP })).toEqual({
      id: 'n-1',
      kind: 'call',
      durationMinutes: 25,
      ...written,
    });
  });

  it('from a user template: its answers (every field, blank ones empty) instead of objection and emotion', () => {
    const template = { id: 'bant', name: 'BANT', fields: ['Budget', 'Authority'] };
    const fields = { ...EMPTY_NOTE_FIELDS, objection: 'typed before switching', templateFields: { Budget: '40k' } };
    expect(noteOfFields({ noteId: 'n-2', fields, template, durationMinutes: undefined, followUpDue: undefined })).toEqual({
      id: 'n-2',
      body: '',
      objection: '',
      emotion: '',
      nextStep: '',
      templateFields: { Budget: '40k', Authority: '' },
    });
  });
});

describe('a saved note back in the form (Undo)', () => {
  it('has its fields and its follow-up time again', () => {
    const note = {
      id: 'n-1',
      contactId: 'c-1',
      at: NOW,
      kind: 'meeting',
      durationMinutes: 45,
      body: 'Kickoff',
      tags: ['kickoff'],
      sentiment: 'Positive',
      source: { site: 'gmail', url: 'https://mail.google.com/mail/u/0/#inbox/x' },
      createdAt: NOW,
      updatedAt: NOW,
    } as Interaction;
    expect(fieldsOfNote(note, FOLLOW_UP)).toEqual({
      ...EMPTY_NOTE_FIELDS,
      kind: 'meeting',
      duration: '45',
      body: 'Kickoff',
      tags: 'kickoff',
      sentiment: 'Positive',
      followUp: toDateTimeInput(FOLLOW_UP),
    });
  });
});

describe('what the form checks', () => {
  it('blank: nothing typed, chosen or timed; a call is not blank', () => {
    expect(isBlank(EMPTY_NOTE_FIELDS)).toBe(true);
    expect(isBlank({ ...EMPTY_NOTE_FIELDS, body: '   ' })).toBe(true);
    expect(isBlank({ ...EMPTY_NOTE_FIELDS, sentiment: 'Neutral' })).toBe(false);
    expect(isBlank({ ...EMPTY_NOTE_FIELDS, tags: 'x' })).toBe(false);
    expect(isBlank({ ...EMPTY_NOTE_FIELDS, kind: 'call' })).toBe(false);
  });

  it('worth saving: a note needs words; a call or a meeting happened', () => {
    expect(hasContent(EMPTY_NOTE_FIELDS)).toBe(false);
    expect(hasContent({ ...EMPTY_NOTE_FIELDS, tags: 'only a tag', sentiment: 'Positive' })).toBe(false);
    expect(hasContent({ ...EMPTY_NOTE_FIELDS, nextStep: 'Call back' })).toBe(true);
    expect(hasContent({ ...EMPTY_NOTE_FIELDS, templateFields: { Budget: '40k' } })).toBe(true);
    expect(hasContent({ ...EMPTY_NOTE_FIELDS, kind: 'meeting' })).toBe(true);
  });

  it('a duration is whole minutes from 1 to 24 hours', () => {
    expect(parseDuration('')).toBeUndefined();
    expect(parseDuration(' 90 ')).toBe(90);
    expect(parseDuration('1440')).toBe(1440);
    for (const bad of ['0', '1441', '2.5', 'an hour']) expect(parseDuration(bad)).toBeNaN();
  });

  it('tags are trimmed, non-empty and each once', () => {
    expect(parseTags(' pricing,, security ,pricing ')).toEqual(['pricing', 'security']);
  });
});
