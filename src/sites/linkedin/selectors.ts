/**
 * Every LinkedIn selector Margin uses, grouped by markup era, newest first. Within a list the most
 * stable hook comes first (attributes, ARIA, tag structure), LinkedIn's classes last. Each list is
 * checked against the saved pages in /work/shared/fixtures/linkedin and test/fixtures/linkedin.
 */

export type LinkedInEra = 'sdui-2026' | 'ember-2022' | 'ember-2018' | 'unknown';

export interface TopCardSelectors {
  era: LinkedInEra;
  /** The profile's top card: the only place the profile's own person is read from. */
  topCard: readonly string[];
  /** The name heading inside the top card, by the class or key this era is known for. */
  name: readonly string[];
  /**
   * The name heading by structure alone (the card's `h1`), for a markup of the era that has
   * renamed its classes (2025: an obfuscated class, no `text-heading-xlarge`). A heading found
   * this way must be confirmed by another signal before anyone is shown.
   */
  structuralName: readonly string[];
  /** Class-era field hooks; the 2026 SDUI card has no usable classes and is read by structure. */
  headline: readonly string[];
  company: readonly string[];
  location: readonly string[];
}

export const topCardEras: readonly TopCardSelectors[] = [
  {
    era: 'sdui-2026',
    // componentkey="com.linkedin.sdui.profile.card.ref<ACoAA…>Topcard"; classes are hashed per build.
    topCard: ['section[componentkey$="Topcard"]'],
    name: ['h2'],
    structuralName: ['h1'],
    headline: [],
    company: [],
    location: [],
  },
  {
    era: 'ember-2022',
    topCard: ['section.pv-top-card', 'section[data-member-id]', 'main section.artdeco-card'],
    name: ['h1.text-heading-xlarge', '.pv-text-details__left-panel h1'],
    structuralName: ['h1'],
    headline: ['div.text-body-medium.break-words', '.pv-text-details__left-panel .text-body-medium'],
    company: [
      '[aria-label="Current company"]',
      '[aria-label^="Current company"]',
      'a[href="#experience"] .pv-text-details__right-panel-item-text',
    ],
    location: [
      'span.text-body-small.inline.t-black--light.break-words',
      '.pv-text-details__left-panel span.text-body-small.t-black--light',
    ],
  },
  {
    era: 'ember-2018',
    topCard: ['section.pv-top-card-section'],
    name: ['h1.pv-top-card-section__name'],
    structuralName: ['h1'],
    headline: ['h2.pv-top-card-section__headline'],
    company: ['.pv-top-card-v2-section__company-name'],
    location: ['h3.pv-top-card-section__location'],
  },
  {
    // A markup none of the above describes: the page's one visible `h1` in the main region, in
    // the section around it. Only ever a candidate: it is shown only when a link in the card to
    // the URL's profile, or the page title, names the same person.
    era: 'unknown',
    topCard: ['main section', '[role="main"] section', 'main', '[role="main"]'],
    name: [],
    structuralName: ['h1'],
    headline: ['div.text-body-medium'],
    company: [],
    location: [],
  },
];

/**
 * The browser tab's title on a profile: "(3) Eugene Mann | LinkedIn" (an unread count in front),
 * on a sub-page "Activity | Steve Hind | LinkedIn": the person is the part before "LinkedIn".
 */
export const profileTitle = {
  unreadCount: /^\(\d+\+?\)\s*/,
  separator: ' | ',
  site: 'LinkedIn',
} as const;

/**
 * Controls only the owner of a profile sees (2018: the top card's edit pencil; 2022–25: "Edit
 * intro", "Add profile section"). Attributes first; the visible English labels last (other UI
 * languages still have the attributes and the "Me" menu).
 */
export const ownProfileControls = {
  selectors: ['[data-control-name="edit_top_card"]', '[aria-label="Edit intro"]'],
  /** Buttons and links whose whole visible label is one of these. */
  labels: ['Add profile section', 'Add section', 'Edit intro'],
  labelled: 'button, a[href]',
} as const;

/** The "Me" menu of the global nav: the signed-in member's photo (alt = their name) and profile link. */
export const viewerSelectors = {
  name: ['img.global-nav__me-photo[alt]', '.global-nav__me img[alt]', '[componentkey="global-nav"] img[alt]'],
  profileLink: ['.global-nav__me a[href*="/in/"]', 'a.global-nav__primary-link-me-menu-trigger[href*="/in/"]', '[componentkey="global-nav"] a[href*="/in/"][aria-label]'],
} as const;

/** Structural hooks of the 2026 SDUI top card (see read-top-card.ts for how they combine). */
export const sduiTopCard = {
  /** Headline, "Company · School", location, degree markers and counters are all plain `p`. */
  paragraph: 'p',
  /** The right-hand entries ("Northwind Logistics", "Erasmus University…"): `p > span`, no link. */
  rightPanelEntry: 'p > span',
  /** "· 1st", "· 2nd", a lone "·": connection degree and separators, never a field. */
  separatorText: /^[·•]/,
  /** The member URN is embedded in the card's componentkey. */
  componentKeyUrn: /ref(ACoAA[A-Za-z0-9_-]{10,80})Topcard$/,
} as const;

/** Links that say which profile a top card belongs to, besides the one around the name. */
export const identityLinks = {
  contactInfoLink: 'a[href*="/contact-info"]',
  labelledLink: 'a[href][aria-label]',
} as const;

/** Links carrying a member URN: `/messaging/compose/?profileUrn=urn:li:fsd_profile:ACoAA…&recipient=ACoAA…`. */
export const memberUrnLinks = {
  // "rofileUrn=" matches both `profileUrn=` and `miniProfileUrn=`.
  link: 'a[href*="rofileUrn="], a[href*="recipient="]',
  profileUrnParameter: 'profileUrn',
  recipientParameter: 'recipient',
  profileUrn: /^urn:li:fsd_profile:(ACoAA[A-Za-z0-9_-]{10,80})$/,
  bareUrn: /^ACoAA[A-Za-z0-9_-]{10,80}$/,
  /** Links to a profile from posts and cards: `/in/<slug>?miniProfileUrn=urn:li:fsd_profile:ACoAA…`. */
  miniProfileUrnParameter: 'miniProfileUrn',
} as const;

/**
 * The profile's "Contact info" overlay: 2026 SDUI screen and section keys first, the 2018–2025
 * class names last. Only the overlay's own mailto link counts (never an address in About text).
 */
export const contactInfoOverlay = {
  root: [
    '[data-sdui-screen$="ProfileContactDetailsOverlay"]',
    '[componentkey$="ContactInfoDetailSection"]',
    '.pv-profile-section.pv-contact-info',
    'section.pv-contact-info',
    '.artdeco-modal .pv-contact-info',
  ],
  email: ['a[href^="mailto:"]'],
  /** The overlay's link back to the profile ("Igor's profile: linkedin.com/in/igoralentyev"). */
  profileLink: ['a[href*="linkedin.com/in/"]', 'a[href^="/in/"]'],
  /** The 2026 section key embeds the member URN: `…refACoAA…ContactInfoDetailSection`. */
  componentKeyUrn: /ref(ACoAA[A-Za-z0-9_-]{10,80})ContactInfoDetailSection$/,
} as const;

/**
 * LinkedIn messaging (2024–25 class names; the only hooks this page has besides URLs). The thread
 * pane's title bar links to the other person in a 1:1 conversation; message groups carry each
 * sender's profile link and name; each message carries its URN.
 */
export const messagingSelectors = {
  /** The open conversation (the full page's thread pane, or an open chat overlay bubble). */
  threadPane: ['.msg-thread', '.msg-convo-wrapper', '.msg-s-message-list-container'],
  /** The conversation list's entry for the open conversation. */
  activeConversationLink: [
    'a.msg-conversations-container__convo-item-link--active[href*="/messaging/thread/"]',
    '.msg-conversations-container__convo-item--active a[href*="/messaging/thread/"]',
    'a[aria-current="page"][href*="/messaging/thread/"]',
  ],
  /** 1:1 only: the title bar's link to the other person. */
  titleProfileLink: ['a.msg-thread__link-to-profile[href*="/in/"]', '.msg-overlay-bubble-header a[href*="/in/"]', '.msg-title-bar a[href*="/in/"]'],
  titleName: ['.msg-entity-lockup__entity-title', 'h2', '.msg-overlay-bubble-header__title'],
  titleHeadline: ['.msg-entity-lockup__presence-status', '.msg-entity-lockup__entity-info'],
  /** 2025: the title bar's second line is the presence ("Available on mobile") beside its dot, not a headline. */
  presenceIndicator: '.presence-indicator, .msg-entity-lockup__presence-indicator',
  /** One message; the URN is its de-duplication key. */
  message: '.msg-s-event-listitem',
  messageUrnAttribute: 'data-event-urn',
  /** The group a message belongs to; the first message of a run carries the sender's meta. */
  messageGroup: '.msg-s-message-group, .msg-s-message-list__event',
  groupProfileLink: ['a.msg-s-message-group__profile-link[href*="/in/"]', '.msg-s-message-group__meta a[href*="/in/"]'],
  groupName: ['.msg-s-message-group__name', '.msg-s-message-group__profile-link'],
  groupTime: 'time.msg-s-message-group__timestamp',
  dayHeading: 'time.msg-s-message-list__time-heading',
  /** A run of messages the viewer sent. */
  ownGroup: '.msg-s-message-group--is-sender, .msg-s-event-listitem--is-sender',
  /** The viewer's own profile link in the global nav ("Me"). */
  viewerProfileLink: viewerSelectors.profileLink,
  /** An expanded chat overlay bubble (not minimised) over any page. */
  overlayBubble: '.msg-overlay-conversation-bubble:not(.msg-overlay-conversation-bubble--is-minimized)',
} as const;

/**
 * Sales Navigator lead pages mark every personal field with `data-anonymize` (for screenshots):
 * the most stable hook it has. The lead's own header holds the `h1`; "Similar leads" and
 * activity cards reuse the same attributes, so fields are read inside the header only.
 */
export const salesLeadSelectors = {
  name: ['h1[data-anonymize="person-name"]', 'h1'],
  header: ['section', 'header'],
  headline: ['[data-anonymize="headline"]', '[data-anonymize="job-title"]'],
  company: ['[data-anonymize="company-name"]'],
  location: ['[data-anonymize="location"]'],
  leadLinks: 'a[href*="/sales/lead/"], a[href*="/sales/people/"]',
  profileLink: 'a[href*="linkedin.com/in/"]',
} as const;
