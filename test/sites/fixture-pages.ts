/**
 * The pages selector and page-kind tests read, by a short name: Margin's own fixtures
 * (test/fixtures) and the shared saved pages (../shared/fixtures; `shared: true`), which are
 * checked only when that folder is there.
 */
export const FIXTURE_PAGES = {
  gmailThread: { file: 'gmail/thread-northwind-pilot.html' },
  gmailThreadSelfLast: { file: 'gmail/thread-self-last.html' },
  gmailInbox: { file: 'gmail/inbox-list.html' },
  gmailCompose: { file: 'gmail/compose-new-message.html' },
  gmailInlineReply: { file: 'gmail/thread-inline-reply.html' },
  gmailAnnouncement: { file: 'gmail/thread-announcement-40.html' },
  profile2026: { file: 'linkedin/profile-2026-priya-raman.html' },
  contactInfo2026: { file: 'linkedin/profile-2026-priya-raman-contact-info.html' },
  messaging1to1: { file: 'linkedin/messaging-1to1-priya.html' },
  messagingGroup: { file: 'linkedin/messaging-group-kickoff.html' },
  salesLead: { file: 'linkedin/sales-lead-priya.html' },
  feedChatOverlay: { file: 'linkedin/feed-chat-overlay.html' },
  profile2025Details: { file: 'linkedin/profile-2025-details-experience-priya.html' },
  ownProfile2025: { file: 'linkedin/profile-2025-own-alex-morgan.html' },
  sharedGmail2014: { file: 'gmail/gmail-2014-inbox-thread-list.html', shared: true },
  shared2018Austin: { file: 'linkedin/linkedin-2018-12-profile-austin-oboyle.html', shared: true },
  shared2018Other: { file: 'linkedin/linkedin-2018-12-profile-other.html', shared: true },
  shared2022Austin: { file: 'linkedin/linkedin-2022-03-profile-austin-oboyle.html', shared: true },
  shared2022Kireet: { file: 'linkedin/linkedin-2022-03-profile-singlefile-kireet-agrawal.html', shared: true },
  shared2026ContactInfo: { file: 'linkedin/linkedin-2026-sdui-contact-info-overlay-redacted.html', shared: true },
  shared2026TopCard: { file: 'linkedin/linkedin-2026-sdui-profile-topcard-excerpt.html', shared: true },
  real2025GmailThread: { file: 'real/gmail-2025-04-thread-own-reply-last.html', shared: true },
  real2024Profile: { file: 'real/linkedin-2024-profile-abgargulo.html', shared: true },
  real2024ProfileSurendra: { file: 'real/linkedin-2024-profile-surendrathota.html', shared: true },
  real2025Company: { file: 'real/linkedin-2025-04-company-page.html', shared: true },
  real2025Feed: { file: 'real/linkedin-2025-04-feed.html', shared: true },
  real2025Messaging: { file: 'real/linkedin-2025-04-messaging-thread.html', shared: true },
  real2025Profile: { file: 'real/linkedin-2025-04-profile-eugenemann.html', shared: true },
} as const satisfies Record<string, { file: string; shared?: true }>;

export type FixturePageName = keyof typeof FIXTURE_PAGES;
