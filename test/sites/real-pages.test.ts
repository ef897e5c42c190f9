import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageContextSchema, type PageContext } from '../../src/model/page-context';
import { recogniseGmailPage } from '../../src/sites/gmail/recognise-gmail-page';
import { recogniseLinkedInPage } from '../../src/sites/linkedin/recognise-linkedin-page';
import { parsePage, SAVED_PAGE_TIMEOUT_MS, sharedFixturesDir, sharedFixturesPresent } from '../support/fixtures';

/**
 * The real 2024–2025 pages in ../shared/fixtures/real (saved by other projects, see its
 * SOURCES.md), each against what a careful reader sees on it (its expected.json): the right
 * person, or nobody. Absent folder: this suite is skipped, and says so in the test report.
 */
interface ExpectedPage {
  file: string;
  url: string;
  owner?: { name: string; email?: string };
  person: { name: string; email?: string; linkedinId?: string; headline?: string; company?: string } | null;
}

const REAL = path.join(sharedFixturesDir, 'real');
const expected: ExpectedPage[] = sharedFixturesPresent ? JSON.parse(readFileSync(path.join(REAL, 'expected.json'), 'utf8')) : [];
/** When the saved pages were saved (April 2025): what "Today" in a conversation means. */
const SAVED_AT = Date.UTC(2025, 3, 10, 12);

/** Each saved page is parsed once per address (they are large); recognisers only read them. */
const parsed = new Map<string, Document>();
function recognise(page: ExpectedPage, url = page.url): PageContext {
  const key = `${page.file} ${url}`;
  const document = parsed.get(key) ?? parsePage(readFileSync(path.join(REAL, page.file), 'utf8'), url);
  parsed.set(key, document);
  const parsedUrl = new URL(url);
  const context = parsedUrl.hostname === 'mail.google.com' ? recogniseGmailPage(document, parsedUrl) : recogniseLinkedInPage(document, parsedUrl, SAVED_AT);
  expect(pageContextSchema.parse(context)).toEqual(context);
  return context;
}

describe.skipIf(!sharedFixturesPresent)('real 2024–2025 pages (../shared/fixtures/real)', { timeout: SAVED_PAGE_TIMEOUT_MS }, () => {
  it('covers every page expected.json lists', () => {
    expect(expected.map((page) => page.file).sort()).toEqual(
      [
        'gmail-2025-04-thread-own-reply-last.html',
        'linkedin-2024-profile-abgargulo.html',
        'linkedin-2024-profile-surendrathota.html',
        'linkedin-2025-04-company-page.html',
        'linkedin-2025-04-feed.html',
        'linkedin-2025-04-messaging-thread.html',
        'linkedin-2025-04-profile-eugenemann.html',
      ].sort(),
    );
  });

  it.each(expected.map((page) => [page.file, page] as const))('%s: the person expected.json names, or nobody', (_file, page) => {
    const context = recognise(page);
    if (page.person === null) {
      expect(context.person).toBeNull();
      return;
    }
    const person = context.person;
    expect(person?.name).toBe(page.person.name);
    if (page.person.email) expect(person?.email).toBe(page.person.email);
    if (page.person.linkedinId) {
      // The id exactly as the page has it: a member id keeps its case.
      expect([person?.linkedinSlug, person?.linkedinUrn]).toContain(page.person.linkedinId);
      expect(person?.linkedinSlug).toBe(page.person.linkedinId);
    }
    if (page.person.headline) expect(person?.headline).toBe(page.person.headline);
    if (page.person.company) expect(person?.company).toBe(page.person.company);
    if (page.owner?.email) expect(context.ownAddresses).toContain(page.owner.email);
  });

  const page = (file: string) => expected.find((candidate) => candidate.file === file) as ExpectedPage;

  it('the 2025 profile is read by structure and agreed by the title, the name link and the member id', () => {
    const context = recognise(page('linkedin-2025-04-profile-eugenemann.html'));
    expect(context.person).toEqual({
      name: 'Eugene Mann',
      linkedinSlug: 'eugenemann',
      linkedinUrn: expect.stringMatching(/^ACoAA/),
      headline: 'Founder & CPO @ MavenAGI | Ex-Google, Ex-Stripe, Ex-BCG',
      company: 'Maven AGI',
      location: 'Boston, Massachusetts, United States',
    });
  });

  it('the 2025 profile under its sub-pages is still Eugene Mann', () => {
    for (const url of ['https://www.linkedin.com/in/eugenemann/details/experience/', 'https://www.linkedin.com/in/EugeneMann/recent-activity/all/']) {
      expect(recognise(page('linkedin-2025-04-profile-eugenemann.html'), url).person?.name, url).toBe('Eugene Mann');
    }
  });

  it('the 2025 profile under another person’s URL: nobody (its card names eugenemann)', () => {
    const context = recognise(page('linkedin-2025-04-profile-eugenemann.html'), 'https://www.linkedin.com/in/abgargulo/');
    expect(context.person).toBeNull();
  });

  it('the 2025 profile with a title naming someone else: nobody, and the title is named as the signal that disagrees', () => {
    const file = page('linkedin-2025-04-profile-eugenemann.html');
    const html = readFileSync(path.join(REAL, file.file), 'utf8').replace('<title>(3) Eugene Mann | LinkedIn</title>', '<title>(3) Abgar Gulo | LinkedIn</title>');
    const context = recogniseLinkedInPage(parsePage(html, file.url), new URL(file.url));
    expect(context.person).toBeNull();
    expect(context.noPersonReason).toBe('signals-disagree');
    expect(context.signals).toContainEqual({ signal: 'title', state: 'disagrees' });
  });

  it('the messaging thread keeps the member id’s case, and the presence line is no headline', () => {
    const context = recognise(page('linkedin-2025-04-messaging-thread.html'));
    expect(context.person).toEqual({
      name: 'Talha Khan',
      linkedinSlug: 'ACoAACaYEUABb_2KMpm9ek35YObF-a13apHwjas',
      linkedinUrn: 'ACoAACaYEUABb_2KMpm9ek35YObF-a13apHwjas',
    });
    expect(context.messages?.length).toBeGreaterThan(0);
  });

  it('the Gmail thread: the other sender, never the owner who replied last; the inbox rows beside it are nobody', () => {
    const context = recognise(page('gmail-2025-04-thread-own-reply-last.html'));
    expect(context.pageKind).toBe('gmail-thread');
    expect(context.person).toEqual({ name: 'PagerDuty, Inc.', email: 'renewals@pagerduty.com' });
    expect(context.participants ?? []).toEqual([]);
    expect(context.messages?.at(-1)?.fromUser).toBe(true);
  });
});
