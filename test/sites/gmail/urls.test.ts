import { describe, expect, it } from 'vitest';
import { gmailAccountIndex, gmailThreadIdFromUrl, isGmailThread, isGmailUrl } from '../../../src/sites/gmail/urls';
import { pageUrls, urlsExcept } from '../page-urls';

describe('isGmailThread', () => {
  it.each(pageUrls.gmailThread)('is true for the thread %s', (url) => {
    expect(isGmailThread(new URL(url))).toBe(true);
  });

  it.each(urlsExcept('gmailThread'))('is false for %s', (url) => {
    expect(isGmailThread(new URL(url))).toBe(false);
  });
});

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
