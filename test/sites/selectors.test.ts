import { describe, expect, it } from 'vitest';
import { gmailSelectors } from '../../src/sites/gmail/selectors';
import { identityLinks, memberUrnLinks, topCardEras } from '../../src/sites/linkedin/selectors';
import { describeWithSharedFixtures, parsePage, readOwnFixture, readSharedFixture, sharedFixturesPresent } from '../support/fixtures';

/**
 * Convention: every selector is checked against saved or hand-written fixture pages. A selector
 * that matches nothing anywhere is a guess; this test names it.
 */
function pages(own: string[], shared: string[]): Document[] {
  return [
    ...own.map((file) => parsePage(readOwnFixture(file))),
    ...(sharedFixturesPresent ? shared.map((file) => parsePage(readSharedFixture(file))) : []),
  ];
}

function unmatched(selectors: string[], documents: Document[]): string[] {
  return selectors.filter((selector) => !documents.some((document) => document.querySelector(selector)));
}

describe('Gmail selectors', () => {
  it('each matches an element in some Gmail fixture', () => {
    const documents = pages(
      ['gmail/thread-northwind-pilot.html', 'gmail/thread-self-last.html', 'gmail/inbox-list.html'],
      ['gmail/gmail-2014-inbox-thread-list.html'],
    );
    const selectors = [
      ...gmailSelectors.conversationPane,
      ...gmailSelectors.subject,
      ...gmailSelectors.threadId.map(({ selector }) => selector),
      ...gmailSelectors.message,
      ...gmailSelectors.messageSender,
      ...gmailSelectors.notSender.split(', '),
      ...gmailSelectors.accountButton,
    ];
    expect(unmatched(selectors, documents)).toEqual([]);
  });
});

// The 2018 and 2022 class-era hooks exist only in the saved pages.
describeWithSharedFixtures('LinkedIn selectors', () => {
  it('each matches an element in some LinkedIn fixture', () => {
    const documents = pages(
      ['linkedin/profile-2026-priya-raman.html'],
      [
        'linkedin/linkedin-2018-12-profile-austin-oboyle.html',
        'linkedin/linkedin-2018-12-profile-other.html',
        'linkedin/linkedin-2022-03-profile-austin-oboyle.html',
        'linkedin/linkedin-2022-03-profile-singlefile-kireet-agrawal.html',
        'linkedin/linkedin-2026-sdui-profile-topcard-excerpt.html',
      ],
    );
    const selectors = [
      ...topCardEras.flatMap((era) => [...era.topCard, ...era.name, ...era.headline, ...era.company, ...era.location]),
      ...Object.values(identityLinks),
      memberUrnLinks.link,
    ];
    expect(unmatched(selectors, documents)).toEqual([]);
  });
});
