import { describe, expect, it } from 'vitest';
import { pageContextSchema, type PageContext, type PersonOnPage } from '../../../src/model/page-context';
import { recogniseLinkedInPage } from '../../../src/sites/linkedin/recognise-linkedin-page';
import { describeWithSharedFixtures, parsePage, readOwnFixture, readSharedFixture } from '../../support/fixtures';

const PRIYA_URL = 'https://www.linkedin.com/in/priya-raman-northwind/';

/** Recognises a page and checks the result is one the extension pages will accept. */
function recognise(html: string, url: string): PageContext {
  const context = recogniseLinkedInPage(parsePage(html, url), new URL(url));
  expect(pageContextSchema.parse(context)).toEqual(context);
  return context;
}

function profile(
  url: string,
  person: PersonOnPage | null,
  noPersonReason?: PageContext['noPersonReason'],
  signals?: PageContext['signals'],
): PageContext {
  return { site: 'linkedin', url, pageKind: 'linkedin-profile', person, ...(noPersonReason ? { noPersonReason } : {}), ...(signals ? { signals } : {}) };
}

/** No top card on the page: the address was read, the heading was not, and there is no LinkedIn title. */
const NO_HEADING: PageContext['signals'] = [
  { signal: 'address', state: 'found' },
  { signal: 'heading', state: 'missing' },
  { signal: 'title', state: 'missing' },
];

describe('recogniseLinkedInPage on the demo profile (hand-written, 2026 SDUI)', () => {
  const html = readOwnFixture('linkedin/profile-2026-priya-raman.html');

  it('finds Priya Raman with every field the top card shows', () => {
    expect(recognise(html, PRIYA_URL)).toEqual(
      profile(PRIYA_URL, {
        name: 'Priya Raman',
        linkedinSlug: 'priya-raman-northwind',
        linkedinUrn: 'ACoAAC7pRiYBq3NwLgTx9aM0KjE5vHd2Ls8Yz4U',
        headline: 'VP Operations at Northwind Logistics',
        company: 'Northwind Logistics',
        location: 'Rotterdam, South Holland, Netherlands',
      }),
    );
  });

  it('reads the same person on the profile’s sub-pages and with other letter case', () => {
    for (const url of [
      'https://www.linkedin.com/in/priya-raman-northwind/overlay/contact-info/',
      'https://www.linkedin.com/in/Priya-Raman-Northwind',
    ]) {
      expect(recognise(html, url).person?.name, url).toBe('Priya Raman');
    }
  });

  it.each([
    'https://www.linkedin.com/in/jonas-becker-sec/', // a "People also viewed" person
    'https://www.linkedin.com/in/alex-morgan-acme/', // the viewer, linked from the nav bar
    'https://www.linkedin.com/in/someone-else/',
  ])('returns no person when the top card belongs to another slug than %s (stale SPA DOM)', (url) => {
    expect(recognise(html, url)).toEqual(profile(url, null, 'stale-page'));
  });

  it('is linkedin-other with no person off profile pages', () => {
    for (const url of ['https://www.linkedin.com/feed/', 'https://www.linkedin.com/company/northwind-logistics-example/']) {
      expect(recognise(html, url)).toEqual({ site: 'linkedin', url, pageKind: 'linkedin-other', person: null });
    }
  });
});

describe('recogniseLinkedInPage on profile sub-pages and by member id (hand-written)', () => {
  const details = readOwnFixture('linkedin/profile-2025-details-experience-priya.html');
  const priya = { name: 'Priya Raman', linkedinSlug: 'priya-raman-northwind', linkedinUrn: 'ACoAAC7pRiYBq3NwLgTx9aM0KjE5vHd2Ls8Yz4U' };

  it.each([
    'https://www.linkedin.com/in/priya-raman-northwind/details/experience/',
    'https://www.linkedin.com/in/priya-raman-northwind/recent-activity/all/',
    'https://www.linkedin.com/in/Priya-Raman-Northwind/details/skills/',
  ])('a sub-page with no top card is Priya Raman by its title and her profile link (%s)', (url) => {
    expect(recognise(details, url)).toEqual(profile(url, priya));
  });

  it('the same sub-page under another person’s URL: nobody, no link to that profile names the title’s person', () => {
    const url = 'https://www.linkedin.com/in/jonas-becker-sec/details/experience/';
    expect(recognise(details, url)).toEqual(
      profile(url, null, 'not-found', [
        { signal: 'address', state: 'found' },
        { signal: 'title', state: 'found' },
        { signal: 'profile-link', state: 'missing' },
      ]),
    );
  });

  it('a sub-page whose title is not a LinkedIn title yet: nobody, the title is the missing signal', () => {
    const url = 'https://www.linkedin.com/in/priya-raman-northwind/details/experience/';
    const untitled = details.replace('<title>(3) Experience | Priya Raman | LinkedIn</title>', '<title>LinkedIn</title>');
    expect(recognise(untitled, url)).toEqual(
      profile(url, null, 'not-found', [
        { signal: 'address', state: 'found' },
        { signal: 'heading', state: 'missing' },
        { signal: 'title', state: 'missing' },
      ]),
    );
  });

  it('a profile opened by its member id, case kept: the URN agrees, the vanity slug comes from the card', () => {
    const url = 'https://www.linkedin.com/in/ACoAAC7pRiYBq3NwLgTx9aM0KjE5vHd2Ls8Yz4U/';
    expect(recognise(readOwnFixture('linkedin/profile-2026-priya-raman.html'), url).person).toMatchObject(priya);
  });

  it('a profile opened by another member id: nobody, the member id disagrees', () => {
    const url = 'https://www.linkedin.com/in/ACoAAD9jOnasBecker000Sec1xq/';
    const context = recognise(readOwnFixture('linkedin/profile-2026-priya-raman.html'), url);
    expect(context.person).toBeNull();
    expect(context.noPersonReason).toBe('signals-disagree');
    expect(context.signals).toContainEqual({ signal: 'member-id', state: 'disagrees' });
  });
});

describe('recogniseLinkedInPage on the user’s own profile (hand-written, 2025 markup)', () => {
  const own = readOwnFixture('linkedin/profile-2025-own-alex-morgan.html');
  const url = 'https://www.linkedin.com/in/alex-morgan-acme/';

  it('is "you": no person, reason own-profile', () => {
    expect(recognise(own, url)).toEqual(profile(url, null, 'own-profile'));
  });

  it('is "you" by the Me menu alone, without any edit control', () => {
    const withoutControls = own.replace(/<button type="button" aria-label="Edit intro"[^]*?<\/button>/, '').replace('<button type="button">Add profile section</button>', '');
    expect(withoutControls).not.toContain('aria-label="Edit intro"');
    expect(recognise(withoutControls, url)).toEqual(profile(url, null, 'own-profile'));
  });

  it('is "you" on its sub-pages too', () => {
    const details = readOwnFixture('linkedin/profile-2025-details-experience-priya.html')
      .replaceAll('priya-raman-northwind', 'alex-morgan-acme')
      .replaceAll('Priya Raman', 'Alex Morgan');
    const subPage = 'https://www.linkedin.com/in/alex-morgan-acme/details/experience/';
    expect(recognise(details, subPage)).toEqual(profile(subPage, null, 'own-profile'));
  });

  it('someone else’s profile with the same markup is that person (the Me menu names another)', () => {
    const other = own
      .replace(/<button type="button" aria-label="Edit intro"[^]*?<\/button>/, '')
      .replace('<button type="button">Add profile section</button>', '')
      .replaceAll('alex-morgan-acme', 'rui-costa-lx')
      .replace('<title>(2) Alex Morgan | LinkedIn</title>', '<title>(2) Rui Costa | LinkedIn</title>')
      .replace('aria-label="Alex Morgan" class="ZxCvBnMaSdFg"', 'aria-label="Rui Costa" class="ZxCvBnMaSdFg"')
      .replace('break-words">Alex Morgan</h1>', 'break-words">Rui Costa</h1>');
    expect(recognise(other, 'https://www.linkedin.com/in/rui-costa-lx/').person).toEqual({
      name: 'Rui Costa',
      linkedinSlug: 'rui-costa-lx',
      headline: 'Account Executive at Acme Sales',
      location: 'Lisbon, Portugal',
    });
  });
});

describe('recogniseLinkedInPage edge cases', () => {
  const page = (body: string) => `<!DOCTYPE html><html><body><main>${body}</main></body></html>`;

  it('reads the visible copy of text doubled for screen readers', () => {
    const html = page(
      '<section class="artdeco-card pv-top-card"><div class="pv-text-details__left-panel">' +
        '<h1 class="text-heading-xlarge"><span aria-hidden="true">RTCK</span><span class="visually-hidden">RTCK</span></h1>' +
        '<div class="text-body-medium break-words"><span aria-hidden="true">Founder</span><span class="visually-hidden">Founder</span></div>' +
        '</div></section>',
    );
    const url = 'https://www.linkedin.com/in/rtck/';
    expect(recognise(html, url).person).toEqual({ name: 'RTCK', linkedinSlug: 'rtck', headline: 'Founder' });
  });

  it('does not read a name from side content when the page has no top card', () => {
    const html = page(
      '<aside><section componentkey="x.BrowsemapPeopleAlsoViewed"><h2>People also viewed</h2><a href="/in/jonas-becker-sec/"><h2>Jonas Becker</h2></a></section></aside>',
    );
    expect(recognise(html, PRIYA_URL)).toEqual(profile(PRIYA_URL, null, 'not-found', NO_HEADING));
  });

  it('shows nobody when the top card names two different members, and says the member id disagrees', () => {
    const html = page(
      '<section componentkey="com.linkedin.sdui.profile.card.refACoAAAq_vXIB7ddQiLbkdzTDNjlHLlc3eQ7DOR4Topcard">' +
        '<a href="https://www.linkedin.com/in/priya-raman-northwind/"><h2>Priya Raman</h2></a>' +
        '<a href="/messaging/compose/?profileUrn=urn%3Ali%3Afsd_profile%3AACoAAC7pRiYBq3NwLgTx9aM0KjE5vHd2Ls8Yz4U">Message</a></section>',
    );
    expect(recognise(html, PRIYA_URL)).toEqual(
      profile(PRIYA_URL, null, 'signals-disagree', [
        { signal: 'address', state: 'found' },
        { signal: 'heading', state: 'found' },
        { signal: 'member-id', state: 'disagrees' },
      ]),
    );
  });
});

describeWithSharedFixtures('recogniseLinkedInPage on saved LinkedIn pages (/work/shared/fixtures)', () => {
  it('2018: Austin O’Boyle viewed by himself (his edit controls): his own profile, nobody to track', () => {
    const url = 'https://www.linkedin.com/in/austinoboyle/';
    expect(recognise(readSharedFixture('linkedin/linkedin-2018-12-profile-austin-oboyle.html'), url)).toEqual(profile(url, null, 'own-profile'));
  });

  it('2018: Sean Cahalan (third party)', () => {
    const url = 'https://www.linkedin.com/in/seancahalan/';
    expect(recognise(readSharedFixture('linkedin/linkedin-2018-12-profile-other.html'), url)).toEqual(
      profile(url, {
        name: 'Sean Cahalan',
        linkedinSlug: 'seancahalan',
        headline: 'Software Developer | Computer Engineering Student',
        company: 'Bounce',
        location: 'North York, Ontario, Canada',
      }),
    );
  });

  it('2018: Sean Cahalan’s card under Austin’s URL is stale: no person', () => {
    const url = 'https://www.linkedin.com/in/austinoboyle/';
    expect(recognise(readSharedFixture('linkedin/linkedin-2018-12-profile-other.html'), url)).toEqual(profile(url, null, 'stale-page'));
  });

  it('2022: Austin O’Boyle, with the URN from his own profile links and not the viewer’s', () => {
    const url = 'https://www.linkedin.com/in/austinoboyle/';
    expect(recognise(readSharedFixture('linkedin/linkedin-2022-03-profile-austin-oboyle.html'), url)).toEqual(
      profile(url, {
        name: "Austin O'Boyle",
        linkedinSlug: 'austinoboyle',
        linkedinUrn: 'ACoAABmE2HYBytXiiQ3CJOKGBxCMP-Bxx7VkJRQ',
        headline: 'Software Engineer at Google',
        company: 'Google',
        location: 'Palo Alto, California, United States',
      }),
    );
  });

  it('2022: Kireet Agrawal saved by himself ("Edit intro", "Add profile section"): his own profile, nobody to track', () => {
    const url = 'https://www.linkedin.com/in/kireetagrawal/';
    expect(recognise(readSharedFixture('linkedin/linkedin-2022-03-profile-singlefile-kireet-agrawal.html'), url)).toEqual(
      profile(url, null, 'own-profile'),
    );
  });

  it('2022: Austin’s card under Kireet’s URL is stale: no person', () => {
    const url = 'https://www.linkedin.com/in/kireetagrawal/';
    expect(recognise(readSharedFixture('linkedin/linkedin-2022-03-profile-austin-oboyle.html'), url)).toEqual(profile(url, null, 'stale-page'));
  });

  it('2026 SDUI top card: Costa Vasili', () => {
    const url = 'https://www.linkedin.com/in/costavasili/';
    expect(recognise(readSharedFixture('linkedin/linkedin-2026-sdui-profile-topcard-excerpt.html'), url)).toEqual(
      profile(url, {
        name: 'Costa Vasili',
        linkedinSlug: 'costavasili',
        linkedinUrn: 'ACoAAAq_vXIB7ddQiLbkdzTDNjlHLlc3eQ7DOR4',
        headline:
          'Founder & CEO | Ethnolink - Multicultural Communications Agency | Translation services in 150+ languages | Trusted by government and not-for-profits to engage multicultural communities',
        company: 'Ethnolink',
        location: 'Melbourne, Victoria, Australia',
      }),
    );
  });

  it('2026 SDUI top card under another slug is stale: no person', () => {
    const url = 'https://www.linkedin.com/in/priya-raman-northwind/';
    expect(recognise(readSharedFixture('linkedin/linkedin-2026-sdui-profile-topcard-excerpt.html'), url)).toEqual(
      profile(url, null, 'stale-page'),
    );
  });

  it('2026 contact-info overlay alone: the address and member URN it shows, the address standing in for the name', () => {
    const url = 'https://www.linkedin.com/in/igoralentyev/overlay/contact-info/';
    expect(recognise(readSharedFixture('linkedin/linkedin-2026-sdui-contact-info-overlay-redacted.html'), url)).toEqual({
      site: 'linkedin',
      url,
      pageKind: 'linkedin-contact-info',
      person: {
        name: 'redacted.contact@example.com',
        email: 'redacted.contact@example.com',
        linkedinSlug: 'igoralentyev',
        linkedinUrn: 'ACoAAA9kEvoBHIFBNBwXsh97Bef8a13inq1QBKw',
      },
    });
  });

  it('2026 contact-info overlay of igoralentyev under another profile’s overlay URL: no person', () => {
    const url = 'https://www.linkedin.com/in/priya-raman-northwind/overlay/contact-info/';
    expect(recognise(readSharedFixture('linkedin/linkedin-2026-sdui-contact-info-overlay-redacted.html'), url).person).toBeNull();
  });

  it('2026 contact-info overlay on a plain profile URL is not read (the overlay belongs to its own route)', () => {
    const url = 'https://www.linkedin.com/in/igoralentyev/';
    expect(recognise(readSharedFixture('linkedin/linkedin-2026-sdui-contact-info-overlay-redacted.html'), url)).toEqual(
      profile(url, null, 'not-found', NO_HEADING),
    );
  });
});
