import { describe, expect, it } from 'vitest';
import { personOnPageSchema } from '../../../src/page-context/page-context';
import { isLinkedInProfile, linkedInSlugFromHref, linkedInSlugFromUrl } from '../../../src/sites/linkedin/urls';
import { pageUrls, urlsExcept } from '../page-urls';

describe('isLinkedInProfile', () => {
  it.each(pageUrls.linkedInProfile)('is true for the profile %s', (url) => {
    expect(isLinkedInProfile(new URL(url))).toBe(true);
  });

  it.each(urlsExcept('linkedInProfile'))('is false for %s', (url) => {
    expect(isLinkedInProfile(new URL(url))).toBe(false);
  });
});

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
