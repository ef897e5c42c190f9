import { afterEach, describe, expect, it } from 'vitest';
import type { MarginDb } from '../../src/db/database';
import { deleteDraft, draftKeyOfPerson, getDraft, saveDraft } from '../../src/db/drafts-repository';
import type { Draft } from '../../src/model/schemas';
import { freshDb } from './fresh-db';

let db: MarginDb;
afterEach(() => db?.close());

describe('draftKeyOfPerson', () => {
  it('uses the normalised address first, even when the page also shows a LinkedIn profile', () => {
    expect(draftKeyOfPerson({ name: 'Jane', email: '  Jane.Doe@Acme.COM ', linkedinSlug: 'jane-doe' })).toBe(
      'email:jane.doe@acme.com',
    );
  });

  it('gives the same key for every spelling of one Gmail mailbox', () => {
    expect(draftKeyOfPerson({ name: 'Priya', email: 'Priya.Raman+crm@googlemail.com' })).toBe('email:priyaraman@gmail.com');
    expect(draftKeyOfPerson({ name: 'Priya', email: 'priyaraman@gmail.com' })).toBe('email:priyaraman@gmail.com');
  });

  it('uses the LinkedIn id when there is no usable address', () => {
    expect(draftKeyOfPerson({ name: 'José', linkedinSlug: 'JOS%C3%89-garcia' })).toBe('linkedin:josé-garcia');
    expect(draftKeyOfPerson({ name: 'José', email: 'not an address', linkedinSlug: 'jose-garcia' })).toBe(
      'linkedin:jose-garcia',
    );
    expect(draftKeyOfPerson({ name: 'Lead', linkedinSalesId: 'ACwAAAbcdefGHIJK' })).toBe('linkedin:sales:ACwAAAbcdefGHIJK');
  });

  it('is undefined when the person has no usable identity', () => {
    expect(draftKeyOfPerson({ name: 'Nobody' })).toBeUndefined();
    expect(draftKeyOfPerson({ name: 'Nobody', email: 'nope', linkedinSlug: '/' })).toBeUndefined();
  });
});

describe('drafts', () => {
  it('saves, replaces, reads back and deletes a draft by key', async () => {
    db = freshDb();
    const draft: Draft = { key: 'email:jane@acme.com', noteId: 'n-1', body: 'First words', sentiment: 'Neutral', updatedAt: 1 };

    await saveDraft(db, draft);
    await saveDraft(db, { ...draft, body: 'First words, more', updatedAt: 2 });
    expect(await getDraft(db, draft.key)).toEqual({ ...draft, body: 'First words, more', updatedAt: 2 });

    await deleteDraft(db, draft.key);
    expect(await getDraft(db, draft.key)).toBeUndefined();
    await expect(deleteDraft(db, draft.key)).resolves.toBeUndefined();
  });
});
