/**
 * Every LinkedIn selector Margin uses, grouped by markup era, newest first. Within a list the most
 * stable hook comes first (attributes, ARIA, tag structure), LinkedIn's classes last. Each list is
 * checked against the saved pages in /work/shared/fixtures/linkedin and test/fixtures/linkedin.
 */

export type LinkedInEra = 'sdui-2026' | 'ember-2022' | 'ember-2018';

export interface TopCardSelectors {
  era: LinkedInEra;
  /** The profile's top card: the only place the profile's own person is read from. */
  topCard: readonly string[];
  /** The name heading inside the top card. */
  name: readonly string[];
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
    headline: [],
    company: [],
    location: [],
  },
  {
    era: 'ember-2022',
    topCard: ['section.pv-top-card', 'section[data-member-id]', 'main section.artdeco-card'],
    name: ['h1.text-heading-xlarge', '.pv-text-details__left-panel h1'],
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
    headline: ['h2.pv-top-card-section__headline'],
    company: ['.pv-top-card-v2-section__company-name'],
    location: ['h3.pv-top-card-section__location'],
  },
];

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
  link: 'a[href*="profileUrn="], a[href*="recipient="]',
  profileUrnParameter: 'profileUrn',
  recipientParameter: 'recipient',
  profileUrn: /^urn:li:fsd_profile:(ACoAA[A-Za-z0-9_-]{10,80})$/,
  bareUrn: /^ACoAA[A-Za-z0-9_-]{10,80}$/,
} as const;
