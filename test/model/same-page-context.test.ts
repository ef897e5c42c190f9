import { describe, expect, it } from 'vitest';
import type { PageContext } from '../../src/model/page-context';
import { samePageContext } from '../../src/model/same-page-context';

const thread: PageContext = {
  site: 'gmail',
  url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTbVbQ',
  pageKind: 'gmail-thread',
  person: { name: 'Priya Raman', email: 'priya@northwind.example' },
  participants: [{ name: 'Jonas Becker', email: 'jonas@northwind.example' }],
  thread: { id: 'FMfcgzQZTbVbQ', subject: 'Pilot' },
  messages: [
    { id: 'm1', at: 1, from: { name: 'Priya Raman', email: 'priya@northwind.example' }, to: [], cc: [], fromUser: false },
  ],
};

describe('samePageContext', () => {
  it('says two readings of the same page are the same, whatever the key order', () => {
    const reordered = JSON.parse(JSON.stringify({ messages: thread.messages, ...thread })) as PageContext;
    expect(samePageContext(thread, reordered)).toBe(true);
  });

  it('treats an absent field and one set to undefined alike (as the report on the wire does)', () => {
    expect(samePageContext({ ...thread, noPersonReason: undefined }, thread)).toBe(true);
  });

  it('notices any difference, however deep', () => {
    const others: PageContext[] = [
      { ...thread, url: `${thread.url}x` },
      { ...thread, person: null },
      { ...thread, participants: [] },
      { ...thread, messages: [{ ...thread.messages![0]!, fromUser: true }] },
      { ...thread, messages: [...thread.messages!, thread.messages![0]!] },
      { ...thread, thread: { id: 'FMfcgzQZTbVbQ' } },
    ];
    for (const other of others) {
      expect(samePageContext(thread, other)).toBe(false);
      expect(samePageContext(other, thread)).toBe(false);
    }
  });
});
