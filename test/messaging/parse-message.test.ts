import { describe, expect, it } from 'vitest';
import { describeInvalidMessage, parseMessage } from '../../src/messaging/parse-message';
import { gmailContext } from './senders-fixtures';

describe('parseMessage', () => {
  it('accepts each message type', () => {
    expect(parseMessage({ type: 'sidebar/get-context' })).toEqual({ type: 'sidebar/get-context' });
    expect(parseMessage({ type: 'page/context', context: gmailContext() })).toEqual({
      type: 'page/context',
      context: gmailContext(),
    });
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'page/context'],
    ['an unknown type', { type: 'db/drop-everything' }],
    ['a context without a person field', { type: 'page/context', context: { site: 'gmail', url: 'https://mail.google.com/' } }],
    ['a context on http', { type: 'page/context', context: gmailContext({ url: 'http://mail.google.com/mail/' }) }],
    ['a person with no identity', { type: 'page/context', context: gmailContext({ person: { name: 'Jane' } }) }],
  ])('refuses %s', (_label, raw) => {
    expect(parseMessage(raw)).toBeUndefined();
    expect(describeInvalidMessage(raw)).not.toBe('valid');
  });
});
