import { describe, expect, it } from 'vitest';
import * as gmailUrls from '../../src/sites/gmail/urls';
import * as linkedInUrls from '../../src/sites/linkedin/urls';
import { pageUrls } from './page-urls';

/**
 * Convention (as github-url-detection's tests): every export of the URL modules is walked, never
 * listed by hand here, and must have an entry below: what it reads (a URL, a link's href, a
 * profile slug) and which addresses of page-urls.ts it answers for (true, or an id found). Each
 * answers for exactly those, and for none of the other addresses. A new detector without an
 * entry fails, and so does an entry whose detector is gone. What each id is, is in urls.test.ts.
 */
type Reads = 'url' | 'href' | 'slug';

const ALL_URLS: readonly string[] = Object.values(pageUrls).flat();
const gmailSettings = 'https://mail.google.com/mail/u/0/#settings/general';
const gmailContacts = 'https://mail.google.com/mail/u/0/#contacts/FMfcgzQXJWDsKmnvBqRlTtZcJvLhBsGw';
const gmailComposeView = 'https://mail.google.com/mail/u/0/?view=cm&fs=1&tf=1&to=priya%40northwind-logistics.example';
const gmailOverHttp = 'http://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmnvBqRlTtZcJvLhBsGw';
const MEMBER_ID = 'ACoAACaYEUABb_2KMpm9ek35YObF-a13apHwjas';

const DETECTORS: Record<string, { reads: Reads; answersFor: readonly string[] }> = {
  isGmailUrl: { reads: 'url', answersFor: [...pageUrls.gmailThread, ...pageUrls.gmailList, gmailSettings, gmailContacts, gmailComposeView] },
  // The account number is in the path whatever else the address says.
  gmailAccountIndex: {
    reads: 'url',
    answersFor: [...pageUrls.gmailThread, ...pageUrls.gmailList, gmailSettings, gmailContacts, gmailComposeView, gmailOverHttp],
  },
  isGmailThread: { reads: 'url', answersFor: pageUrls.gmailThread },
  gmailThreadIdFromUrl: { reads: 'url', answersFor: pageUrls.gmailThread },
  isGmailList: { reads: 'url', answersFor: pageUrls.gmailList },
  isGmailComposeUrl: {
    reads: 'url',
    answersFor: [
      'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmnvBqRlTtZcJvLhBsGw?compose=new',
      'https://mail.google.com/mail/u/0/#inbox?compose=new',
      gmailComposeView,
    ],
  },
  isLinkedInProfile: { reads: 'url', answersFor: pageUrls.linkedInProfile },
  linkedInSlugFromUrl: { reads: 'url', answersFor: pageUrls.linkedInProfile },
  linkedInSlugFromHref: { reads: 'href', answersFor: pageUrls.linkedInProfile },
  isLinkedInProfileSubPage: { reads: 'url', answersFor: ['https://www.linkedin.com/in/austinoboyle/details/experience/'] },
  isLinkedInContactInfo: { reads: 'url', answersFor: ['https://www.linkedin.com/in/igoralentyev/overlay/contact-info/'] },
  isMemberId: { reads: 'slug', answersFor: [MEMBER_ID] },
  isLinkedInMessaging: { reads: 'url', answersFor: pageUrls.linkedInMessaging },
  linkedInMessagingThreadId: { reads: 'url', answersFor: pageUrls.linkedInMessaging },
  linkedInMessagingThreadIdFromHref: { reads: 'href', answersFor: pageUrls.linkedInMessaging },
  isLinkedInSalesLead: { reads: 'url', answersFor: pageUrls.linkedInSalesLead },
  linkedInSalesLeadId: { reads: 'url', answersFor: pageUrls.linkedInSalesLead },
  linkedInSalesLeadIdFromHref: { reads: 'href', answersFor: pageUrls.linkedInSalesLead },
};

const exported = Object.entries({ ...gmailUrls, ...linkedInUrls });

/** What a detector is asked about: every address, or (for a slug) every profile's slug and a member id. */
function inputsFor(reads: Reads): string[] {
  if (reads !== 'slug') return [...ALL_URLS];
  return [...pageUrls.linkedInProfile.map((url) => linkedInUrls.linkedInSlugFromUrl(new URL(url)) ?? ''), MEMBER_ID];
}

function ask(detector: (input: never) => unknown, reads: Reads, input: string): boolean {
  const answer = (detector as (input: unknown) => unknown)(reads === 'url' ? new URL(input) : input);
  return answer !== null && answer !== undefined && answer !== false;
}

describe('page detectors', () => {
  it('every export of the URL modules has an entry, and every entry an export', () => {
    expect(exported.map(([name]) => name).sort()).toEqual(Object.keys(DETECTORS).sort());
  });

  it('every entry names addresses of the collection (page-urls.ts), so the "none other" half covers them', () => {
    const inputs = new Set([...ALL_URLS, MEMBER_ID]);
    expect(Object.entries(DETECTORS).flatMap(([name, { answersFor }]) => answersFor.filter((input) => !inputs.has(input)).map((input) => `${name}: ${input}`))).toEqual([]);
  });

  it.each(exported)('%s answers for its own addresses and for no other', (name, detector) => {
    const entry = DETECTORS[name];
    expect(entry, `${name} has no entry in DETECTORS`).toBeDefined();
    expect(detector).toBeTypeOf('function');
    const { reads, answersFor } = entry!;
    const answered = inputsFor(reads).filter((input) => ask(detector as (input: never) => unknown, reads, input));
    expect(answered.sort()).toEqual([...answersFor].sort());
  });
});
