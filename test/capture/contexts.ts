import type { MessageOnPage, PageContext } from '../../src/model/page-context';
import { DAY, NOW } from '../metrics/interactions';

export const ME = 'alex.morgan@acme-sales.example';
export const PRIYA = { name: 'Priya Raman', email: 'priya.raman@northwind.example' };

export function gmailMessage(id: string, daysAgo: number, from: 'me' | 'priya' | string, extra: Partial<MessageOnPage> = {}): MessageOnPage {
  const sender = from === 'me' ? { name: 'Alex', email: ME } : from === 'priya' ? PRIYA : { email: from };
  return {
    id,
    at: NOW - daysAgo * DAY,
    from: sender,
    to: from === 'me' ? [PRIYA] : [{ email: ME }],
    cc: [],
    fromUser: from === 'me',
    ...extra,
  };
}

/** A Gmail thread the way the recogniser reports it (issue 3's contract), made by hand. */
export function gmailThread(messages: MessageOnPage[], extra: Partial<PageContext> = {}): PageContext {
  return {
    site: 'gmail',
    url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmnvBqRlTtZcJvLhBsGw',
    pageKind: 'gmail-thread',
    person: PRIYA,
    thread: { id: 'thread-f:1811112223334445556', subject: 'Northwind pilot: security review' },
    messages,
    ownAddresses: [ME],
    ...extra,
  };
}

export function linkedinProfile(extra: Partial<PageContext> = {}): PageContext {
  return {
    site: 'linkedin',
    url: 'https://www.linkedin.com/in/priya-raman-northwind/',
    pageKind: 'linkedin-profile',
    person: { name: 'Priya Raman', linkedinSlug: 'priya-raman-northwind' },
    ...extra,
  };
}
