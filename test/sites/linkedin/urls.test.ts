import { describe, expect, it } from 'vitest';
import { personOnPageSchema } from '../../../src/model/page-context';
import {
  isLinkedInContactInfo,
  linkedInMessagingThreadId,
  linkedInSalesLeadId,
  linkedInSlugFromHref,
  linkedInSlugFromUrl,
} from '../../../src/sites/linkedin/urls';
import { pageUrls } from '../page-urls';

describe('linkedInSlugFromUrl', () => {
  it.each([
    ['https://www.linkedin.com/in/priya-raman-northwind/', 'priya-raman-northwind'],
    ['https://www.linkedin.com/in/priya-raman-northwind', 'priya-raman-northwind'],
    ['https://www.linkedin.com/in/igoralentyev/overlay/contact-info/', 'igoralentyev'],
    ['https://www.linkedin.com/in/austinoboyle/details/experience/', 'austinoboyle'],
    ['https://www.linkedin.com/in/AustinOBoyle/?originalSubdomain=ca', 'austinoboyle'],
    // Percent-escapes are decoded, case-folded and re-encoded: one canonical id per person.
    ['https://www.linkedin.com/in/Jos%C3%A9-Garc%C3%ADa-1a2b3c/', 'jos%C3%A9-garc%C3%ADa-1a2b3c'],
    ['https://www.linkedin.com/in/jos%c3%a9-garc%c3%ada-1a2b3c/', 'jos%C3%A9-garc%C3%ADa-1a2b3c'],
    ['https://www.linkedin.com/in/josé-garcía-1a2b3c/', 'jos%C3%A9-garc%C3%ADa-1a2b3c'],
    // A member id is case-sensitive: kept exactly, on the profile and its sub-pages.
    ['https://www.linkedin.com/in/ACoAACaYEUABb_2KMpm9ek35YObF-a13apHwjas', 'ACoAACaYEUABb_2KMpm9ek35YObF-a13apHwjas'],
    ['https://www.linkedin.com/in/ACoAACaYEUABb_2KMpm9ek35YObF-a13apHwjas/details/experience/', 'ACoAACaYEUABb_2KMpm9ek35YObF-a13apHwjas'],
  ])('%s → %s', (url, slug) => {
    expect(linkedInSlugFromUrl(new URL(url))).toBe(slug);
  });

  it.each([
    'https://www.linkedin.com/in/%E0%A4%A/', // malformed escape: no slug, no exception
    'https://www.linkedin.com/in/a/', // shorter than any LinkedIn id
    'https://www.linkedin.com/in/has.dots/', // not a character LinkedIn ids use
    `https://www.linkedin.com/in/${'x'.repeat(101)}/`,
  ])('%s has no slug', (url) => {
    expect(linkedInSlugFromUrl(new URL(url))).toBeNull();
  });

  it('gives slugs the PageContext contract accepts', () => {
    for (const url of pageUrls.linkedInProfile) {
      const slug = linkedInSlugFromUrl(new URL(url));
      expect(personOnPageSchema.safeParse({ name: 'N', linkedinSlug: slug }).success, url).toBe(true);
    }
  });
});

describe('linkedInSlugFromHref', () => {
  it.each([
    ['/in/seancahalan/detail/contact-info/', 'seancahalan'],
    ['https://www.linkedin.com/in/costavasili/', 'costavasili'],
    ['/company/northwind/', null],
    ['/messaging/compose/?profileUrn=urn%3Ali%3Afsd_profile%3AACoAA', null],
    ['#', null],
    [null, null],
  ])('%s → %s', (href, slug) => {
    expect(linkedInSlugFromHref(href)).toBe(slug);
  });
});

describe('isLinkedInMessaging', () => {
  it('reads the conversation id', () => {
    expect(linkedInMessagingThreadId(new URL('https://www.linkedin.com/messaging/thread/2-YjE0ZmE3NWUtNGQ5ZC00/'))).toBe(
      '2-YjE0ZmE3NWUtNGQ5ZC00',
    );
  });
});

describe('isLinkedInSalesLead', () => {
  it('reads the lead id, which the contract accepts as a Sales Navigator id', () => {
    const id = linkedInSalesLeadId(new URL(pageUrls.linkedInSalesLead[1]));
    expect(id).toBe('ACwAAC7pRiYBq3NwLgTx9aM0KjE5vHd2Ls8Yz4U');
    expect(personOnPageSchema.safeParse({ name: 'P', linkedinSalesId: id }).success).toBe(true);
  });
});

describe('isLinkedInContactInfo', () => {
  it.each(['https://www.linkedin.com/in/igoralentyev/overlay/contact-info/', 'https://www.linkedin.com/in/priya-raman-northwind/overlay/contact-info'])(
    'is true for %s',
    (url) => expect(isLinkedInContactInfo(new URL(url))).toBe(true),
  );
});
