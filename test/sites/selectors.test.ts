import { describe, expect, it } from 'vitest';
import { gmailSelectors } from '../../src/sites/gmail/selectors';
import {
  contactInfoOverlay,
  identityLinks,
  memberUrnLinks,
  messagingSelectors,
  ownProfileControls,
  salesLeadSelectors,
  topCardEras,
  viewerSelectors,
} from '../../src/sites/linkedin/selectors';
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
      [
        'gmail/thread-northwind-pilot.html',
        'gmail/thread-self-last.html',
        'gmail/inbox-list.html',
        'gmail/compose-new-message.html',
        'gmail/thread-inline-reply.html',
        'gmail/thread-announcement-40.html',
      ],
      ['gmail/gmail-2014-inbox-thread-list.html'],
    );
    const selectors = [
      ...gmailSelectors.conversationPane,
      ...gmailSelectors.subject,
      ...gmailSelectors.threadId.map(({ selector }) => selector),
      ...gmailSelectors.message,
      ...gmailSelectors.messageSender,
      ...gmailSelectors.recipientsLine.split(', '),
      ...gmailSelectors.receivedMessageContent.split(', '),
      ...gmailSelectors.accountButton,
      ...gmailSelectors.messageRecipients,
      ...gmailSelectors.messageDate,
      ...gmailSelectors.composeRoot,
      gmailSelectors.composeField,
      ...gmailSelectors.composeChip,
      ...gmailSelectors.composeChipName,
    ];
    expect(unmatched(selectors, documents)).toEqual([]);
  });
});

// The 2018 and 2022 class-era hooks exist only in the saved pages.
describeWithSharedFixtures('LinkedIn selectors', () => {
  it('each matches an element in some LinkedIn fixture', () => {
    const documents = pages(
      [
        'linkedin/profile-2026-priya-raman.html',
        'linkedin/profile-2026-priya-raman-contact-info.html',
        'linkedin/messaging-1to1-priya.html',
        'linkedin/messaging-group-kickoff.html',
        'linkedin/sales-lead-priya.html',
        'linkedin/feed-chat-overlay.html',
      ],
      [
        'linkedin/linkedin-2018-12-profile-austin-oboyle.html',
        'linkedin/linkedin-2018-12-profile-other.html',
        'linkedin/linkedin-2022-03-profile-austin-oboyle.html',
        'linkedin/linkedin-2022-03-profile-singlefile-kireet-agrawal.html',
        'linkedin/linkedin-2026-sdui-profile-topcard-excerpt.html',
        'linkedin/linkedin-2026-sdui-contact-info-overlay-redacted.html',
        'real/linkedin-2024-profile-abgargulo.html',
        'real/linkedin-2025-04-profile-eugenemann.html',
        'real/linkedin-2025-04-messaging-thread.html',
      ],
    );
    const selectors = [
      ...topCardEras.flatMap((era) => [...era.topCard, ...era.name, ...era.structuralName, ...era.headline, ...era.company, ...era.location]),
      ...ownProfileControls.selectors,
      viewerSelectors.name[0],
      viewerSelectors.profileLink[0],
      messagingSelectors.presenceIndicator,
      ...Object.values(identityLinks),
      memberUrnLinks.link,
      ...contactInfoOverlay.email,
      ...contactInfoOverlay.profileLink,
      contactInfoOverlay.root[0],
      contactInfoOverlay.root[1],
      ...messagingSelectors.threadPane,
      ...messagingSelectors.activeConversationLink,
      ...messagingSelectors.titleProfileLink.slice(0, 2),
      messagingSelectors.overlayBubble,
      ...messagingSelectors.titleName,
      ...messagingSelectors.titleHeadline,
      messagingSelectors.message,
      messagingSelectors.messageGroup,
      ...messagingSelectors.groupProfileLink,
      ...messagingSelectors.groupName,
      messagingSelectors.groupTime,
      messagingSelectors.dayHeading,
      messagingSelectors.ownGroup,
      messagingSelectors.viewerProfileLink[0],
      ...salesLeadSelectors.name,
      ...salesLeadSelectors.headline.slice(0, 1),
      ...salesLeadSelectors.company,
      ...salesLeadSelectors.location,
      salesLeadSelectors.leadLinks,
    ];
    expect(unmatched(selectors, documents)).toEqual([]);
  });
});
