import { canonicalEmail, normaliseEmail } from '../identity/normalise';
import type { MessageOnPage } from '../model/page-context';

/**
 * Who Margin never tracks (issue 5): the user's own addresses, no-reply and notification senders,
 * mailing lists and announcements (more than 20 recipients), and the user's never-log list.
 */

export const MAX_RECIPIENTS = 20;

export type NotTrackedReason = 'own-address' | 'automated-sender' | 'never-log' | 'not-an-address';

export const NOT_TRACKED_LABEL: Record<NotTrackedReason, string> = {
  'own-address': 'one of your own addresses',
  'automated-sender': 'a no-reply or notification sender',
  'never-log': 'on your never-log list',
  'not-an-address': 'not an email address',
};

/** "noreply" anywhere in the local part, as a word of its own (`updates-noreply@`, `no_reply.eu@`). */
const NO_REPLY_WORD = /(?:^|[-_.])(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|dont[-_.]?reply)(?:[-_.]|$)/i;
/**
 * Local parts that only machines send from, matched on the whole local part or its first word
 * (`notifications-eu@`), never on a substring (`noreen@` is a person). Shared inboxes people do
 * answer from (`hello@`, `sales@`, `support@`) are left alone: the never-log list is for those.
 */
const MACHINE_LOCAL_PART =
  /^(?:notifications?|notify|alerts?|mailer[-_.]?daemon|postmaster|bounces?|newsletters?|digest|automated|calendar[-_.]?notification)(?:[-_.].*)?$/i;

export function isAutomatedAddress(email: string): boolean {
  const address = normaliseEmail(email);
  if (!address) return false;
  const local = address.slice(0, address.lastIndexOf('@')).split('+')[0] ?? '';
  return NO_REPLY_WORD.test(local) || MACHINE_LOCAL_PART.test(local);
}

/** Never-log entries split into whole addresses and domains (a domain also covers its subdomains). */
export interface NeverLogRules {
  addresses: ReadonlySet<string>;
  domains: readonly string[];
}

export function neverLogRules(entries: readonly string[]): NeverLogRules {
  const addresses = new Set<string>();
  const domains: string[] = [];
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    const canonical = canonicalEmail(entry);
    if (canonical) {
      addresses.add(canonical);
      continue;
    }
    const domain = entry.replace(/^\*?@/, '').replace(/^\*?\./, '');
    if (/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(domain)) domains.push(domain);
  }
  return { addresses, domains };
}

/** Whether an entry the user typed is one the never-log list understands. */
export function isValidNeverLogEntry(raw: string): boolean {
  const rules = neverLogRules([raw]);
  return rules.addresses.size + rules.domains.length === 1;
}

export function isOnNeverLogList(email: string, rules: NeverLogRules): boolean {
  const canonical = canonicalEmail(email);
  if (!canonical) return false;
  if (rules.addresses.has(canonical)) return true;
  const domain = canonical.slice(canonical.lastIndexOf('@') + 1);
  return rules.domains.some((blocked) => domain === blocked || domain.endsWith(`.${blocked}`));
}

export interface TrackingPolicy {
  /** Canonical forms of the user's own addresses. */
  ownAddresses: ReadonlySet<string>;
  neverLog: NeverLogRules;
}

export function trackingPolicy(ownAddresses: readonly string[], neverLog: readonly string[]): TrackingPolicy {
  return {
    ownAddresses: new Set(ownAddresses.map((address) => canonicalEmail(address)).filter((a): a is string => Boolean(a))),
    neverLog: neverLogRules(neverLog),
  };
}

/** Why this address must never become a contact or be logged, or null when it may. */
export function whyNotTracked(email: string, policy: TrackingPolicy): NotTrackedReason | null {
  const canonical = canonicalEmail(email);
  if (!canonical) return 'not-an-address';
  if (policy.ownAddresses.has(canonical)) return 'own-address';
  if (isAutomatedAddress(email)) return 'automated-sender';
  if (isOnNeverLogList(email, policy.neverLog)) return 'never-log';
  return null;
}

export function recipientCount(message: Pick<MessageOnPage, 'to' | 'cc'>): number {
  return message.to.length + message.cc.length;
}

/** A mailing list or an announcement: more recipients than a conversation has. */
export function isMassMessage(message: Pick<MessageOnPage, 'to' | 'cc'>): boolean {
  return recipientCount(message) > MAX_RECIPIENTS;
}
