import { describe, expect, it } from 'vitest';
import { permIdOfUrlThreadId, urlThreadIdOfPermId } from '../../../src/sites/gmail/thread-url-id';
import { gmailAccountIndex, gmailThreadIdFromUrl, isGmailComposeUrl, isGmailUrl } from '../../../src/sites/gmail/urls';
import { pageUrls } from '../page-urls';

describe('gmailThreadIdFromUrl', () => {
  it.each([
    ['https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmnvBqRlTtZcJvLhBsGw', 'FMfcgzQXJWDsKmnvBqRlTtZcJvLhBsGw'],
    ['https://mail.google.com/mail/u/1/#label/Clients%2FNorthwind/1924755ecb7e7e3d', '1924755ecb7e7e3d'],
    ['https://mail.google.com/mail/u/0/#search/a+b/FMfcgzQXJWDsKmnvBqRlTtZcJvLhBsGw?compose=new', 'FMfcgzQXJWDsKmnvBqRlTtZcJvLhBsGw'],
  ])('reads the id from %s', (url, id) => {
    expect(gmailThreadIdFromUrl(new URL(url))).toBe(id);
  });
});

describe('isGmailUrl', () => {
  it.each([...pageUrls.gmailThread.filter((url) => url.startsWith('https:')), 'https://mail.google.com/mail/u/0/#inbox'])(
    'is true for %s',
    (url) => expect(isGmailUrl(new URL(url))).toBe(true),
  );
  it.each([...pageUrls.linkedInProfile, 'https://mail.google.com/chat/u/0/', 'http://mail.google.com/mail/u/0/'])(
    'is false for %s',
    (url) => expect(isGmailUrl(new URL(url))).toBe(false),
  );
});

describe('gmailAccountIndex', () => {
  it.each([
    ['https://mail.google.com/mail/u/0/#inbox', 0],
    ['https://mail.google.com/mail/u/3/#inbox/FMfcgzQXJWDsKmnvBqRlTtZcJvLhBsGw', 3],
    ['https://mail.google.com/mail/u/12', 12],
    ['https://mail.google.com/mail/#inbox', 0],
  ])('%s is account %i', (url, index) => {
    expect(gmailAccountIndex(new URL(url))).toBe(index);
  });

  it.each(['https://www.linkedin.com/in/priya-raman-northwind/', 'https://mail.google.com/chat/u/0/', 'https://mail.google.com/mail/u/x/'])(
    '%s has no account index',
    (url) => expect(gmailAccountIndex(new URL(url))).toBeNull(),
  );
});

describe('isGmailComposeUrl', () => {
  it.each([
    'https://mail.google.com/mail/u/0/#inbox?compose=new',
    'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmnvBqRlTtZcJvLhBsGw?compose=CllgCJZbQ',
    'https://mail.google.com/mail/u/0/?view=cm&fs=1&tf=1',
  ])('is true for %s', (url) => expect(isGmailComposeUrl(new URL(url))).toBe(true));

  it.each([
    'https://mail.google.com/mail/u/0/#inbox',
    'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmnvBqRlTtZcJvLhBsGw?projector=1',
    'https://www.linkedin.com/messaging/thread/2-abc/?compose=new',
  ])('is false for %s', (url) => expect(isGmailComposeUrl(new URL(url))).toBe(false));
});

describe('Gmail URL thread ids', () => {
  it('decode to the perm id the DOM carries, and back', () => {
    const urlId = urlThreadIdOfPermId('thread-f:1811112223334445556');
    expect(urlId).toMatch(/^FMfcg[A-Za-z]+$/);
    expect(permIdOfUrlThreadId(urlId ?? '')).toBe('thread-f:1811112223334445556');
  });

  it.each(['FMfcgzQXJWDsKmnvBqRlTtZcJvLhBsGw', '19225cf8b037b1f4', 'short', ''])('%j decodes to nothing', (id) => {
    expect(permIdOfUrlThreadId(id)).toBeNull();
  });
});
