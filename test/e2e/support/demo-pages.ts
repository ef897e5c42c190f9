import { DEMO_GMAIL_THREAD_URL, DEMO_LINKEDIN_PROFILE_URL } from '../../../src/demo/demo-data';
import type { SiteMap } from './serve-sites';

/**
 * The hand-written pages the walking skeleton and the demo open, at their real addresses. Gmail
 * keeps the thread in the #hash, so every Gmail view is the same document address (`GMAIL_APP_URL`).
 */
export const GMAIL_APP_URL = 'https://mail.google.com/mail/u/0/';
export const GMAIL_DEMO_THREAD_URL = DEMO_GMAIL_THREAD_URL;
export const GMAIL_INBOX_URL = `${GMAIL_APP_URL}#inbox`;
export const LINKEDIN_DEMO_PROFILE_URL = DEMO_LINKEDIN_PROFILE_URL;

export const GMAIL_DEMO_THREAD_FIXTURE = 'test/fixtures/gmail/thread-northwind-pilot.html';
export const GMAIL_INBOX_FIXTURE = 'test/fixtures/gmail/inbox-list.html';
export const LINKEDIN_DEMO_PROFILE_FIXTURE = 'test/fixtures/linkedin/profile-2026-priya-raman.html';

/** The person on the demo thread and profile. */
export const PRIYA = {
  name: 'Priya Raman',
  email: 'priya.raman@northwind-logistics.example',
  linkedinProfile: 'linkedin.com/in/priya-raman-northwind',
} as const;

/** The demo Gmail thread and the demo LinkedIn profile. */
export const DEMO_SITE_MAP: SiteMap = {
  [GMAIL_APP_URL]: GMAIL_DEMO_THREAD_FIXTURE,
  [LINKEDIN_DEMO_PROFILE_URL]: LINKEDIN_DEMO_PROFILE_FIXTURE,
};
