import { describe, expect, it } from 'vitest';
import { planCapture, repliedToPeople, type TrackedContact } from '../../src/capture/plan-capture';
import { trackingPolicy } from '../../src/capture/tracking-rules';
import type { PageContext } from '../../src/model/page-context';
import { NOW } from '../metrics/interactions';
import { gmailMessage, gmailThread, linkedinProfile, ME, PRIYA } from './contexts';

const priya: TrackedContact = { id: 'c-priya', name: 'Priya Raman', emails: [PRIYA.email], linkedinIds: ['priya-raman-northwind'] };
const policy = trackingPolicy([ME], []);
const plan = (context: PageContext, contacts: TrackedContact[] = [priya], neverLog: string[] = []) =>
  planCapture({ context, contacts, now: NOW, settings: { keepSnippet: false }, policy: trackingPolicy([ME], neverLog), dayOf: () => '2026-05-20' });

describe('planCapture on a Gmail thread', () => {
  it('turns each message into email-in or email-out with its time, subject, thread and message id', () => {
    const result = plan(gmailThread([gmailMessage('#msg-f:1', 3, 'priya'), gmailMessage('msg-f:2', 2, 'me')]));
    expect(result.interactions).toEqual([
      {
        contactId: 'c-priya',
        at: NOW - 3 * 86_400_000,
        kind: 'email-in',
        subject: 'Northwind pilot: security review',
        source: {
          site: 'gmail',
          url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmnvBqRlTtZcJvLhBsGw',
          threadId: 'thread-f:1811112223334445556',
          messageId: 'msg-f:1',
        },
      },
      expect.objectContaining({ kind: 'email-out', source: expect.objectContaining({ messageId: 'msg-f:2' }) }),
    ]);
  });

  it('stores no message text', () => {
    const [interaction] = plan(gmailThread([gmailMessage('m1', 1, 'priya')])).interactions;
    expect(interaction).not.toHaveProperty('body');
  });

  it('keeps the snippet as the body only with "keep a snippet" on', () => {
    const context = gmailThread([
      gmailMessage('m1', 2, 'priya', { snippet: 'Could we move the kickoff to Tuesday?' }),
      gmailMessage('m2', 1, 'me', { snippet: 'Tuesday works.' }),
      gmailMessage('m3', 0, 'priya'),
    ]);
    const withSetting = (keepSnippet: boolean) =>
      planCapture({ context, contacts: [priya], now: NOW, settings: { keepSnippet }, policy, dayOf: () => '2026-05-20' }).interactions;
    expect(withSetting(false).map((item) => item.body)).toEqual([undefined, undefined, undefined]);
    expect(withSetting(false).some((item) => 'body' in item)).toBe(false);
    expect(withSetting(true).map((item) => item.body)).toEqual(['Could we move the kickoff to Tuesday?', 'Tuesday works.', undefined]);
  });

  it('lists a message shown twice once', () => {
    expect(plan(gmailThread([gmailMessage('m1', 1, 'priya'), gmailMessage('m1', 1, 'priya')])).interactions).toHaveLength(1);
  });

  it('captures nothing for someone who is not tracked', () => {
    expect(plan(gmailThread([gmailMessage('m1', 1, 'priya')]), []).interactions).toEqual([]);
  });

  it('skips messages without id or time, future-dated ones, and mass mailings', () => {
    const crowd = Array.from({ length: 21 }, (_, index) => ({ email: `p${index}@x.example` }));
    const result = plan(
      gmailThread([
        { ...gmailMessage('m1', 1, 'priya'), id: undefined },
        { ...gmailMessage('m2', 1, 'priya'), at: undefined },
        gmailMessage('m3', -2, 'priya'),
        gmailMessage('m4', 1, 'me', { to: [PRIYA, ...crowd] }),
      ]),
    );
    expect(result.interactions).toEqual([]);
    expect(result.skipped.map((skip) => skip.reason)).toEqual(['no-message-id', 'no-time', 'future-dated', 'mass-message']);
  });

  it('ignores messages between other people and logs nothing from a never-logged contact', () => {
    expect(plan(gmailThread([gmailMessage('m1', 1, 'jonas@northwind.example')])).interactions).toEqual([]);
    const blocked = plan(gmailThread([gmailMessage('m1', 1, 'priya'), gmailMessage('m2', 1, 'me')]), [priya], ['northwind.example']);
    expect(blocked.interactions).toEqual([]);
    expect(blocked.skipped).toEqual([{ messageId: 'm1', reason: 'never-log' }]);
  });

  it('treats a message from one of the user\'s addresses as sent even without the flag', () => {
    const result = plan(gmailThread([{ ...gmailMessage('m1', 1, 'me'), fromUser: false }]));
    expect(result.interactions.map((item) => item.kind)).toEqual(['email-out']);
  });

  it('captures for every tracked contact on the thread', () => {
    const jonas: TrackedContact = { id: 'c-jonas', name: 'Jonas', emails: ['jonas@northwind.example'], linkedinIds: [] };
    const result = plan(gmailThread([gmailMessage('m1', 1, 'me', { cc: [{ email: 'jonas@northwind.example' }] })]), [priya, jonas]);
    expect(result.interactions.map((item) => [item.contactId, item.kind])).toEqual([
      ['c-priya', 'email-out'],
      ['c-jonas', 'email-out'],
    ]);
  });
});

describe('planCapture on LinkedIn', () => {
  it('logs a profile visit with a once-a-day key', () => {
    expect(plan(linkedinProfile()).interactions).toEqual([
      {
        contactId: 'c-priya',
        at: NOW,
        kind: 'linkedin-view',
        source: { site: 'linkedin', url: 'https://www.linkedin.com/in/priya-raman-northwind/', messageId: 'linkedin-view:2026-05-20' },
      },
    ]);
  });

  it('turns a one-to-one conversation into linkedin-message-in and -out', () => {
    const context: PageContext = {
      ...linkedinProfile(),
      pageKind: 'linkedin-messaging',
      url: 'https://www.linkedin.com/messaging/thread/2-abc/',
      messages: [
        { id: 'urn:li:msg:1', at: NOW - 1000, from: { name: 'Priya Raman' }, to: [], cc: [], fromUser: false },
        { id: 'urn:li:msg:2', at: NOW - 500, from: { name: 'Alex' }, to: [], cc: [], fromUser: true },
      ],
    };
    expect(plan(context).interactions.map((item) => item.kind)).toEqual(['linkedin-message-in', 'linkedin-message-out']);
  });
});

describe('repliedToPeople', () => {
  it('names untracked people the user wrote to, never automated, own or mass recipients', () => {
    const crowd = Array.from({ length: 21 }, (_, index) => ({ email: `p${index}@x.example` }));
    const context = gmailThread([
      gmailMessage('m1', 2, 'me', { to: [{ name: 'Jonas', email: 'jonas@northwind.example' }, { email: 'noreply@x.example' }, { email: ME }] }),
      gmailMessage('m2', 1, 'me', { to: crowd }),
      gmailMessage('m3', 1, 'priya'),
    ]);
    expect(repliedToPeople(context, [priya], policy)).toEqual([{ name: 'Jonas', email: 'jonas@northwind.example' }]);
  });
});

describe('planCapture when Gmail hides the recipients', () => {
  it('counts a reply without recipients for the tracked people who wrote in the thread', () => {
    const jonas: TrackedContact = { id: 'c-jonas', name: 'Jonas', emails: ['jonas@northwind.example'], linkedinIds: [] };
    const result = plan(gmailThread([gmailMessage('m1', 2, 'priya'), gmailMessage('m2', 1, 'me', { to: [] })]), [priya, jonas]);
    expect(result.interactions.map((item) => [item.contactId, item.kind])).toEqual([
      ['c-priya', 'email-in'],
      ['c-priya', 'email-out'],
    ]);
  });
});
