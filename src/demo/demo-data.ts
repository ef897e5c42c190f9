import type { Contact, Interaction, InteractionKind, InteractionSource, Sentiment } from '../model/schemas';

/**
 * Demo data: six people a sales rep at Acme works with, each with months of history, so that the
 * demo Gmail thread and LinkedIn profile (Priya Raman) open onto a full timeline, and the
 * dashboard shows every stage. Pure and deterministic: the same `now` gives the same data, and
 * every time is relative to `now` so that the demo always looks recent.
 */

export interface DemoData {
  contacts: Contact[];
  interactions: Interaction[];
}

/** The demo user's own address (the "me" in the demo Gmail thread); never a contact. */
export const DEMO_USER_EMAIL = 'alex.morgan@acme-sales.example';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** The oldest touch is this many days before `now`. */
const OLDEST_TOUCH_DAYS = 240;

interface Touch {
  /** Whole days before `now`, plus `minutes` before that, so that times of day vary. */
  daysAgo: number;
  minutes?: number;
  kind: InteractionKind;
  body?: string;
  sentiment?: Sentiment;
  objection?: string;
  emotion?: string;
  nextStep?: string;
  tags?: string[];
  /** For Gmail messages: the thread (its address-bar id and `thread-f:` id) and the message's
   * `data-message-id` (`#msg-f:…`), as Gmail's page shows them. */
  gmail?: { threadHash: string; threadId: string; messageId: string };
}

interface DemoPerson {
  key: string;
  contact: Omit<Contact, 'id' | 'createdAt' | 'updatedAt'>;
  touches: Touch[];
}

const gmailThreadUrl = (threadHash: string) => `https://mail.google.com/mail/u/0/#inbox/${threadHash}`;
const linkedinProfileUrl = (slug: string) => `https://www.linkedin.com/in/${slug}/`;

/** As in the fixture's `data-thread-perm-id`; its messages' ids are the fixture's `data-message-id`s. */
const PRIYA_PILOT_THREAD = { threadHash: 'FMfcgzQXJWDsKmnvBqRlTtZcJvLhBsGw', threadId: 'thread-f:1811112223334445556' };

/** The demo Gmail thread that test/fixtures/gmail/thread-northwind-pilot.html shows. */
export const DEMO_GMAIL_THREAD_URL = gmailThreadUrl(PRIYA_PILOT_THREAD.threadHash);
export const DEMO_LINKEDIN_PROFILE_URL = linkedinProfileUrl('priya-raman-northwind');

const PRIYA_INTRO_THREAD = { threadHash: 'FMfcgzQVxRdKmPzLwTqNbHcJvGsXkFtB', threadId: 'thread-f:1792031587714928630' };
const NORTHWIND_SECURITY_THREAD = { threadHash: 'FMfcgzQXKbWvRcTnPqLmZsDhJgFkHxNd', threadId: 'thread-f:1801794420638105517' };
const MAYA_THREAD = { threadHash: 'FMfcgzQVpLnKsHdRwXcBtJmZqGvFyNkT', threadId: 'thread-f:1788650302945117064' };
const MAYA_Q3_THREAD = { threadHash: 'FMfcgzQXGbTpWzKrNvLdHsJcXmQfBwRk', threadId: 'thread-f:1811688102937465120' };
const TOMAS_THREAD = { threadHash: 'FMfcgzQWtBvNcXsLkHgRpDqJzMwFyKnP', threadId: 'thread-f:1794528816370043902' };
const HANNAH_THREAD = { threadHash: 'FMfcgzQWhJsDkLpRvNbXcTmGqZwFyKtB', threadId: 'thread-f:1799012755843306127' };
const DANIEL_THREAD = { threadHash: 'FMfcgzQWmRcXvKbNpLsTjHdGqZwFyBnK', threadId: 'thread-f:1797364082219586540' };

function message(thread: { threadHash: string; threadId: string }, n: number) {
  // A thread's first message has the thread's number and later ones larger numbers; ours count up.
  const messageId = `#msg-f:${(BigInt(thread.threadId.slice('thread-f:'.length)) + BigInt(n)).toString()}`;
  return { ...thread, messageId };
}

const PEOPLE: DemoPerson[] = [
  {
    key: 'priya',
    contact: {
      name: 'Priya Raman',
      emails: ['priya.raman@northwind-logistics.example'],
      linkedinIds: ['priya-raman-northwind'],
      company: 'Northwind Logistics',
      title: 'VP Operations',
      location: 'Rotterdam, South Holland, Netherlands',
      stage: 'Qualified',
      tags: ['pilot', 'logistics', 'decision-maker'],
      customFields: { dealValue: 48_000, source: 'Webinar: route planning for peak season', depots: 3 },
    },
    touches: [
      { daysAgo: 214, minutes: 310, kind: 'linkedin-view', body: 'Viewed her profile after she attended the route-planning webinar.' },
      { daysAgo: 212, minutes: 420, kind: 'email-out', body: 'Intro: cutting empty miles across Northwind’s depots', gmail: message(PRIYA_INTRO_THREAD, 0) },
      {
        daysAgo: 205,
        minutes: 95,
        kind: 'email-in',
        sentiment: 'Neutral',
        body: 'Re: Intro — interesting, but the team is heads-down on Q3 planning until September.',
        gmail: message(PRIYA_INTRO_THREAD, 1),
      },
      {
        daysAgo: 204,
        minutes: 30,
        kind: 'note',
        sentiment: 'Neutral',
        body: 'Polite brush-off, not a no. Peak season is their whole year; lead with that.',
        objection: 'Timing: Q3 planning freeze',
        emotion: 'Busy, guarded',
        nextStep: 'Follow up after 1 September with the peak-season case study',
        tags: ['timing'],
      },
      {
        daysAgo: 151,
        minutes: 240,
        kind: 'email-out',
        body: 'Case study: how Fjord Freight cut empty miles by 18% before peak season',
        gmail: message(PRIYA_INTRO_THREAD, 2),
      },
      {
        daysAgo: 147,
        minutes: 180,
        kind: 'email-in',
        sentiment: 'Positive',
        body: 'Shared it with Jonas (security). Can we talk next week? Depot 3 is where it hurts most.',
        gmail: message(PRIYA_INTRO_THREAD, 3),
      },
      {
        daysAgo: 140,
        minutes: 300,
        kind: 'call',
        sentiment: 'Positive',
        body: 'Discovery call with Priya and Jonas: 120 trucks, 3 depots, dispatch planned in spreadsheets every night.',
        emotion: 'Energised by the depot 3 numbers',
        nextStep: 'Send a pilot scope for depot 3',
      },
      { daysAgo: 140, minutes: 240, kind: 'stage-change', body: 'Awareness → Engaged: she replied and joined a discovery call.' },
      {
        daysAgo: 121,
        minutes: 420,
        kind: 'meeting',
        sentiment: 'Positive',
        body: 'On site at the Rotterdam depot: walked the dispatch floor with Priya and two dispatchers.',
        nextStep: 'Pilot proposal for depot 3 by the end of the month',
        tags: ['on-site'],
      },
      { daysAgo: 113, minutes: 200, kind: 'email-out', body: 'Pilot proposal: depot 3, 8 weeks, success = 10% fewer empty miles', gmail: message(PRIYA_INTRO_THREAD, 4) },
      {
        daysAgo: 99,
        minutes: 60,
        kind: 'email-in',
        sentiment: 'Concerned',
        body: 'The CFO has to sign off, and I’m worried about changing dispatch right before peak season.',
        gmail: message(PRIYA_INTRO_THREAD, 5),
      },
      {
        daysAgo: 98,
        minutes: 500,
        kind: 'note',
        sentiment: 'Concerned',
        body: 'Real risk, not a stall: a failed rollout in November would cost her credibility.',
        objection: 'Rollout risk during peak season (November–December)',
        emotion: 'Cautious',
        nextStep: 'Propose a spring start with a phased rollout, depot 3 first',
        tags: ['risk'],
      },
      {
        daysAgo: 76,
        minutes: 180,
        kind: 'call',
        sentiment: 'Positive',
        body: 'CFO approved the pilot budget. Spring start; security review first. Priya signs.',
        nextStep: 'Demo for her dispatch leads, then the security review with Jonas',
      },
      {
        daysAgo: 76,
        minutes: 120,
        kind: 'stage-change',
        body: 'Engaged → Qualified: budget approved, start agreed, Priya decides.',
      },
      {
        daysAgo: 41,
        minutes: 320,
        kind: 'linkedin-message-in',
        sentiment: 'Positive',
        body: 'Saw the Fjord Freight numbers you posted. That is what I need to show our board.',
      },
      {
        daysAgo: 12,
        minutes: 200,
        kind: 'meeting',
        sentiment: 'Positive',
        body: 'Demo for Priya and her four dispatch leads. They asked good questions about night planning.',
        emotion: 'Confident',
        nextStep: 'Security review with Jonas',
      },
      // The demo Gmail thread (test/fixtures/gmail/thread-northwind-pilot.html), message by message.
      {
        daysAgo: 7,
        minutes: 30,
        kind: 'email-in',
        sentiment: 'Neutral',
        body: 'Northwind pilot: before the pilot can start our security team needs a few things.',
        gmail: { ...PRIYA_PILOT_THREAD, messageId: '#msg-f:1811112223334445556' },
      },
      {
        daysAgo: 6,
        minutes: 600,
        kind: 'email-out',
        body: 'Re: Northwind pilot: SOC 2 Type II report and the DPA',
        gmail: { ...PRIYA_PILOT_THREAD, messageId: '#msg-f:1811130555000111222' },
      },
      {
        daysAgo: 5,
        minutes: 90,
        kind: 'email-in',
        sentiment: 'Neutral',
        body: 'Re: Northwind pilot: looping in Jonas Becker, who leads our security review.',
        gmail: { ...PRIYA_PILOT_THREAD, messageId: '#msg-f:1811301999000222333' },
      },
      {
        daysAgo: 3,
        minutes: 500,
        kind: 'email-out',
        body: 'Re: Northwind pilot: completed security questionnaire; data stays in the EU, SSO via SAML included.',
        gmail: { ...PRIYA_PILOT_THREAD, messageId: '#msg-f:1811412000333444555' },
      },
      {
        daysAgo: 3,
        minutes: 400,
        kind: 'note',
        sentiment: 'Neutral',
        body: 'The security review is the last hurdle. Jonas is thorough but fair.',
        objection: 'Security review not signed off yet',
        nextStep: 'Ask Jonas on Monday whether anything is missing',
        tags: ['security'],
      },
      {
        daysAgo: 0,
        minutes: 120,
        kind: 'email-in',
        sentiment: 'Positive',
        body: 'Re: Northwind pilot: Jonas signed off on the security review. Can we move the kickoff to Tuesday, May 19?',
        gmail: { ...PRIYA_PILOT_THREAD, messageId: '#msg-f:1811777444111222333' },
      },
    ],
  },
  {
    key: 'jonas',
    contact: {
      name: 'Jonas Becker',
      emails: ['jonas.becker@northwind-logistics.example'],
      linkedinIds: ['jonas-becker-northwind'],
      company: 'Northwind Logistics',
      title: 'Head of Information Security',
      location: 'Rotterdam, South Holland, Netherlands',
      stage: 'Engaged',
      tags: ['security', 'logistics'],
      customFields: { role: 'Technical approver' },
    },
    touches: [
      {
        daysAgo: 147,
        minutes: 170,
        kind: 'email-in',
        sentiment: 'Neutral',
        body: 'Priya looped me in. Before anything else: where is the data stored?',
        gmail: message(PRIYA_INTRO_THREAD, 6),
      },
      { daysAgo: 146, minutes: 60, kind: 'email-out', body: 'Data-flow diagram and hosting regions', gmail: message(PRIYA_INTRO_THREAD, 7) },
      {
        daysAgo: 140,
        minutes: 290,
        kind: 'call',
        sentiment: 'Neutral',
        body: 'On the discovery call with Priya. Quiet; asked about SSO twice.',
        objection: 'Needs single sign-on before any pilot',
      },
      { daysAgo: 140, minutes: 230, kind: 'stage-change', body: 'Awareness → Engaged: two-way email and a call.' },
      {
        daysAgo: 90,
        minutes: 30,
        kind: 'note',
        sentiment: 'Concerned',
        body: 'He was burned by last year’s TMS migration. Wants proof, not promises.',
        objection: 'Data residency for EU drivers; exportable audit logs',
        emotion: 'Sceptical of new vendors',
        nextStep: 'Get our security lead on a call with him',
        tags: ['security'],
      },
      {
        daysAgo: 62,
        minutes: 330,
        kind: 'meeting',
        sentiment: 'Neutral',
        body: 'Intro call with our security lead: residency and audit logs, in detail.',
        nextStep: 'Send the security questionnaire when the pilot is signed',
      },
      {
        daysAgo: 4,
        minutes: 200,
        kind: 'email-in',
        sentiment: 'Concerned',
        body: 'Two gaps in the questionnaire: EU driver data must stay in the EU, and we need exportable audit logs.',
        gmail: message(NORTHWIND_SECURITY_THREAD, 0),
      },
      {
        daysAgo: 1,
        minutes: 330,
        kind: 'meeting',
        sentiment: 'Positive',
        body: 'Security review call: the EU region (Frankfurt) and SAML SSO settle both gaps. He will sign off.',
      },
    ],
  },
  {
    key: 'maya',
    contact: {
      name: 'Maya Okafor',
      emails: ['m.okafor@fabrikam-freight.example'],
      linkedinIds: ['maya-okafor-fabrikam'],
      company: 'Fabrikam Freight',
      title: 'Head of Transport Planning',
      location: 'Antwerp, Flanders, Belgium',
      stage: 'Delighted',
      tags: ['customer', 'reference'],
      customFields: { dealValue: 36_000, renewal: 'June', referenceable: true },
    },
    touches: [
      {
        daysAgo: 238,
        minutes: 200,
        kind: 'linkedin-message-out',
        body: 'Enjoyed your talk on cross-dock planning at the Antwerp freight forum; we help planners with exactly that.',
      },
      { daysAgo: 236, minutes: 90, kind: 'linkedin-message-in', sentiment: 'Positive', body: 'Timely! Send me something I can forward to our COO.' },
      { daysAgo: 236, minutes: 30, kind: 'stage-change', body: 'Awareness → Engaged: she answered on LinkedIn.' },
      { daysAgo: 231, minutes: 300, kind: 'email-out', body: 'A one-pager for Maarten (COO)', gmail: message(MAYA_THREAD, 0) },
      {
        daysAgo: 224,
        minutes: 120,
        kind: 'call',
        sentiment: 'Positive',
        body: 'Call with Maya and Maarten: the budget exists, decision by the end of the quarter.',
        objection: 'Worried planners won’t keep notes consistently',
        nextStep: 'Show the structured note in the demo',
      },
      { daysAgo: 224, minutes: 60, kind: 'stage-change', body: 'Engaged → Qualified: budget and timeline confirmed on the call.' },
      {
        daysAgo: 205,
        minutes: 240,
        kind: 'meeting',
        sentiment: 'Positive',
        body: 'Demo for six planners. They liked logging a note without leaving the inbox.',
        emotion: 'Relieved',
      },
      { daysAgo: 190, minutes: 100, kind: 'email-in', sentiment: 'Positive', body: 'Signed! Start on the 1st.', gmail: message(MAYA_THREAD, 1) },
      { daysAgo: 185, minutes: 300, kind: 'task-done', body: 'Sent the onboarding checklist and booked the planners’ training.' },
      {
        daysAgo: 120,
        minutes: 200,
        kind: 'note',
        sentiment: 'Positive',
        body: 'Quarterly check-in: daily planning down from three hours to fifty minutes.',
        nextStep: 'Ask whether she would be a reference',
        tags: ['results'],
      },
      { daysAgo: 118, minutes: 60, kind: 'stage-change', body: 'Qualified → Delighted: three positive touches in a row and a high score.' },
      { daysAgo: 64, minutes: 200, kind: 'email-in', sentiment: 'Positive', body: 'Happy to be a reference, just give me a heads-up first.', gmail: message(MAYA_THREAD, 2) },
      { daysAgo: 12, minutes: 150, kind: 'linkedin-view', body: 'She posted about Fabrikam’s new Ghent depot: more planners soon.' },
      {
        daysAgo: 2,
        minutes: 300,
        kind: 'email-in',
        sentiment: 'Positive',
        body: 'Re: Q3 volumes — up 20% on last year; we will need two more seats for Ghent.',
        gmail: message(MAYA_Q3_THREAD, 0),
      },
    ],
  },
  {
    key: 'tomas',
    contact: {
      name: 'Tomás Silva',
      emails: ['tomas@tidepool-analytics.example'],
      linkedinIds: ['tomas-silva-tidepool'],
      company: 'Tidepool Analytics',
      title: 'Founder & CEO',
      location: 'Lisbon, Portugal',
      stage: 'At-Risk',
      tags: ['startup'],
      customFields: { dealValue: 12_000, competitor: 'RouteRadar' },
    },
    touches: [
      { daysAgo: 183, minutes: 100, kind: 'email-in', sentiment: 'Positive', body: 'Found you through a friend. We need this yesterday.', gmail: message(TOMAS_THREAD, 0) },
      { daysAgo: 182, minutes: 200, kind: 'email-out', body: 'Times for a call this week', gmail: message(TOMAS_THREAD, 1) },
      { daysAgo: 182, minutes: 100, kind: 'stage-change', body: 'Awareness → Engaged: he wrote first and we replied.' },
      {
        daysAgo: 176,
        minutes: 250,
        kind: 'meeting',
        sentiment: 'Positive',
        body: 'Video demo with Tomás and his data lead. Keen, wants a trial for the whole team.',
        nextStep: 'Set up a 30-day trial',
      },
      { daysAgo: 120, minutes: 340, kind: 'call', sentiment: 'Neutral', body: 'Trial review: half the team used it; the other half never logged in.' },
      {
        daysAgo: 58,
        minutes: 100,
        kind: 'note',
        sentiment: 'Concerned',
        body: 'A competitor offered 30% less. He did not push back on value, only on price.',
        objection: 'Price: competitor 30% cheaper',
        emotion: 'Frustrated, short answers',
        nextStep: 'Offer a smaller starter plan',
        tags: ['pricing'],
      },
      {
        daysAgo: 41,
        minutes: 280,
        kind: 'email-in',
        sentiment: 'Negative',
        body: 'We’re pausing the evaluation until next quarter. Budget went to hiring.',
        gmail: message(TOMAS_THREAD, 2),
      },
      {
        daysAgo: 40,
        minutes: 60,
        kind: 'stage-change',
        body: 'Engaged → At-Risk: the last two touches were Concerned and Negative, and he paused the evaluation.',
      },
      { daysAgo: 37, minutes: 200, kind: 'email-out', body: 'A smaller starter plan, if it helps', gmail: message(TOMAS_THREAD, 3) },
    ],
  },
  {
    key: 'hannah',
    contact: {
      name: 'Hannah Schmidt',
      emails: ['hannah.schmidt@keller-maschinenbau.example'],
      linkedinIds: ['hannah-schmidt-procurement'],
      company: 'Keller Maschinenbau',
      title: 'Procurement Lead',
      location: 'Stuttgart, Germany',
      stage: 'Awareness',
      tags: ['outbound', 'manufacturing'],
      customFields: { source: 'Trade fair list' },
    },
    touches: [
      { daysAgo: 131, minutes: 100, kind: 'linkedin-view', body: 'On the trade fair attendee list; runs procurement for three plants.' },
      { daysAgo: 129, minutes: 380, kind: 'email-out', body: 'Freight spend at Keller: a 15-minute look?', gmail: message(HANNAH_THREAD, 0) },
      { daysAgo: 101, minutes: 300, kind: 'email-out', body: 'Following up: freight spend benchmark for machine builders', gmail: message(HANNAH_THREAD, 1) },
      { daysAgo: 30, minutes: 200, kind: 'linkedin-view', body: 'She changed roles: now Procurement Lead for all plants.' },
      {
        daysAgo: 29,
        minutes: 100,
        kind: 'note',
        sentiment: 'Neutral',
        body: 'No reply to two emails. New role is a good reason to try once more, on LinkedIn this time.',
        nextStep: 'Congratulate her on the new role on LinkedIn',
      },
    ],
  },
  {
    key: 'daniel',
    contact: {
      name: 'Daniel Kim',
      emails: ['daniel.kim@ridgeline-software.example'],
      linkedinIds: ['daniel-kim-ridgeline'],
      company: 'Ridgeline Software',
      title: 'CTO',
      location: 'Seattle, Washington, United States',
      stage: 'Engaged',
      tags: ['technical-buyer'],
      customFields: { dealValue: 24_000 },
    },
    touches: [
      { daysAgo: 137, minutes: 100, kind: 'linkedin-message-out', body: 'Enjoyed your talk on event-driven logistics.' },
      { daysAgo: 134, minutes: 220, kind: 'linkedin-message-in', sentiment: 'Neutral', body: 'Thanks. What does your API look like?' },
      { daysAgo: 134, minutes: 100, kind: 'stage-change', body: 'Awareness → Engaged: he answered on LinkedIn.' },
      { daysAgo: 133, minutes: 300, kind: 'email-out', body: 'API docs and a sandbox key', gmail: message(DANIEL_THREAD, 0) },
      {
        daysAgo: 110,
        minutes: 200,
        kind: 'call',
        sentiment: 'Neutral',
        body: 'Technical call: he wants webhooks and bulk export before his team commits.',
        objection: 'No webhooks yet; wants bulk export',
        emotion: 'Curious but noncommittal',
        nextStep: 'Ask product for the webhook timeline',
      },
      { daysAgo: 72, minutes: 150, kind: 'email-in', sentiment: 'Positive', body: 'The sandbox works well. Ping me when webhooks ship.', gmail: message(DANIEL_THREAD, 1) },
      {
        daysAgo: 15,
        minutes: 100,
        kind: 'note',
        sentiment: 'Positive',
        body: 'Webhooks are in beta. Good reason to reopen the conversation.',
        nextStep: 'Invite him to the webhooks beta',
        tags: ['product'],
      },
    ],
  },
];

/** The site a touch happened on, as an interaction's `source`. */
function sourceOf(person: DemoPerson, touch: Touch): InteractionSource {
  if (touch.gmail) {
    return {
      site: 'gmail',
      url: gmailThreadUrl(touch.gmail.threadHash),
      threadId: touch.gmail.threadId,
      messageId: touch.gmail.messageId,
    };
  }
  const slug = person.contact.linkedinIds[0];
  if (touch.kind.startsWith('linkedin-') && slug) return { site: 'linkedin', url: linkedinProfileUrl(slug) };
  return { site: 'margin' };
}

function interactionOf(person: DemoPerson, touch: Touch, index: number, now: number): Interaction {
  const at = now - touch.daysAgo * DAY - (touch.minutes ?? 0) * MINUTE;
  const interaction: Interaction = {
    id: `demo-${person.key}-${String(index + 1).padStart(2, '0')}`,
    contactId: `demo-contact-${person.key}`,
    at,
    kind: touch.kind,
    source: sourceOf(person, touch),
    createdAt: at,
    updatedAt: at,
  };
  if (touch.sentiment) interaction.sentiment = touch.sentiment;
  if (touch.objection) interaction.objection = touch.objection;
  if (touch.emotion) interaction.emotion = touch.emotion;
  if (touch.nextStep) interaction.nextStep = touch.nextStep;
  if (touch.body) interaction.body = touch.body;
  if (touch.tags) interaction.tags = [...touch.tags];
  return interaction;
}

/**
 * The demo contacts and their interactions, timed relative to `now` (milliseconds since the
 * epoch). Interactions are in time order per contact; ids are stable (`demo-contact-priya`,
 * `demo-priya-01`, …) so that loading the demo twice replaces rather than duplicates.
 */
export function buildDemoData(now: number): DemoData {
  if (!Number.isSafeInteger(now) || now < (OLDEST_TOUCH_DAYS + 1) * DAY) {
    throw new RangeError(`buildDemoData needs now as whole milliseconds since the epoch, got ${now}`);
  }
  const contacts: Contact[] = [];
  const interactions: Interaction[] = [];
  for (const person of PEOPLE) {
    const own = [...person.touches]
      .sort((a, b) => b.daysAgo * DAY + (b.minutes ?? 0) * MINUTE - (a.daysAgo * DAY + (a.minutes ?? 0) * MINUTE))
      .map((touch, index) => interactionOf(person, touch, index, now));
    const times = own.map((interaction) => interaction.at);
    contacts.push({
      id: `demo-contact-${person.key}`,
      ...person.contact,
      emails: [...person.contact.emails],
      linkedinIds: [...person.contact.linkedinIds],
      tags: [...person.contact.tags],
      customFields: { ...person.contact.customFields },
      createdAt: Math.min(...times),
      updatedAt: Math.max(...times),
    });
    interactions.push(...own);
  }
  return { contacts, interactions };
}
