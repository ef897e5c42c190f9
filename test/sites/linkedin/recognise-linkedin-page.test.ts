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

function profile(url: string, person: PersonOnPage | null, noPersonReason?: PageContext['noPersonReason']): PageContext {
  return { site: 'linkedin', url, pageKind: 'linkedin-profile', person, ...(noPersonReason ? { noPersonReason } : {}) };
}

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
    expect(recognise(html, PRIYA_URL)).toEqual(profile(PRIYA_URL, null, 'not-found'));
  });

  it('leaves the URN out when the top card names two different members', () => {
    const html = page(
      '<section componentkey="com.linkedin.sdui.profile.card.refACoAAAq_vXIB7ddQiLbkdzTDNjlHLlc3eQ7DOR4Topcard">' +
        '<a href="https://www.linkedin.com/in/priya-raman-northwind/"><h2>Priya Raman</h2></a>' +
        '<a href="/messaging/compose/?profileUrn=urn%3Ali%3Afsd_profile%3AACoAAC7pRiYBq3NwLgTx9aM0KjE5vHd2Ls8Yz4U">Message</a></section>',
    );
    expect(recognise(html, PRIYA_URL).person).toEqual({ name: 'Priya Raman', linkedinSlug: 'priya-raman-northwind' });
  });
});

describeWithSharedFixtures('recogniseLinkedInPage on saved LinkedIn pages (/work/shared/fixtures)', () => {
  it('2018: Austin O’Boyle (pv-top-card-section, viewed by himself)', () => {
    const url = 'https://www.linkedin.com/in/austinoboyle/';
    expect(recognise(readSharedFixture('linkedin/linkedin-2018-12-profile-austin-oboyle.html'), url)).toEqual(
      profile(url, {
        name: "Austin O'Boyle",
        linkedinSlug: 'austinoboyle',
        headline: 'Software Developer | Pythonista | Mathematical Physics Student',
        company: 'Bounced Inc.',
        location: 'Toronto, Canada Area',
      }),
    );
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

  it('2022: Kireet Agrawal (SingleFile save)', () => {
    const url = 'https://www.linkedin.com/in/kireetagrawal/';
    expect(recognise(readSharedFixture('linkedin/linkedin-2022-03-profile-singlefile-kireet-agrawal.html'), url)).toEqual(
      profile(url, {
        name: 'Kireet Agrawal',
        linkedinSlug: 'kireetagrawal',
        linkedinUrn: 'ACoAABp0nOcBihHRFiJK4G4SJ0jTrN9G1ILp6VY',
        headline: 'Software Engineer at Gantry',
        company: 'Gantry',
        location: 'Berkeley, California, United States',
      }),
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
      profile(url, null, 'not-found'),
    );
  });
});
