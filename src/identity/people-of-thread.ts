import type { Addressee, MessageOnPage, NoPersonReason, PersonOnPage } from '../model/page-context';
import { canonicalEmail } from './normalise';

/** More recipients than this on one message make the thread an announcement, not a conversation. */
export const ANNOUNCEMENT_RECIPIENTS = 20;
/** An announcement lists at most this many people (those who wrote in it), newest first. */
export const ANNOUNCEMENT_PARTICIPANTS = 5;
/** A conversation's switcher lists at most this many other people. */
export const MAX_PARTICIPANTS = 30;

export interface PeopleOfThread {
  person: PersonOnPage | null;
  participants: PersonOnPage[];
  announcement?: { recipients: number };
  noPersonReason?: NoPersonReason;
}

/**
 * Who a thread is about, from its messages' headers only (never bodies or quotes): the latest
 * sender who is not the user (when only the user wrote: the latest message's first external
 * recipient); then everyone else in the headers (other senders newest first,
 * then recipients) so the user can switch. Pure and free of the DOM, so the sidebar can run it
 * again with the aliases the user added in settings.
 *
 * `own` holds the user's addresses; with none known, nobody is chosen (the latest sender may
 * be the user).
 */
export function peopleOfThread(messages: readonly MessageOnPage[], own: ReadonlySet<string>): PeopleOfThread {
  if (messages.length === 0) return { person: null, participants: [], noPersonReason: 'not-found' };
  if (own.size === 0) return { person: null, participants: [], noPersonReason: 'own-address-unknown' };

  const isOwn = (addressee: Addressee): boolean => {
    const canonical = canonicalOrNull(addressee.email);
    return canonical === null || own.has(canonical);
  };
  const newestFirst = [...messages].reverse();
  const senders = uniquePeople(newestFirst.map((message) => message.from).filter((from) => !isOwn(from)));

  const largest = Math.max(0, ...messages.map((message) => uniquePeople([...message.to, ...message.cc]).length));
  if (largest > ANNOUNCEMENT_RECIPIENTS) {
    return { person: null, participants: senders.slice(0, ANNOUNCEMENT_PARTICIPANTS), announcement: { recipients: largest } };
  }

  const recipients = newestFirst.flatMap((message) => [...message.to, ...message.cc]).filter((addressee) => !isOwn(addressee));
  const everyone = uniquePeople([...senders, ...recipients]);
  // Only the user wrote (a sent thread awaiting a reply): the person is whom they wrote to last.
  const [person = null, ...others] = everyone;
  if (!person) return { person: null, participants: [], noPersonReason: 'only-you' };
  return { person, participants: others.slice(0, MAX_PARTICIPANTS) };
}

/** Addressees as people (name falls back to the address), one per mailbox, first spelling kept. */
export function uniquePeople(addressees: readonly Addressee[]): PersonOnPage[] {
  const seen = new Set<string>();
  const people: PersonOnPage[] = [];
  for (const addressee of addressees) {
    const canonical = canonicalOrNull(addressee.email);
    if (!addressee.email || canonical === null || seen.has(canonical)) continue;
    seen.add(canonical);
    people.push({ name: addressee.name ?? addressee.email, email: addressee.email });
  }
  return people;
}

/** The canonical forms of the user's addresses. */
export function ownAddressSet(addresses: Iterable<string>): Set<string> {
  const own = new Set<string>();
  for (const address of addresses) {
    const canonical = canonicalOrNull(address);
    if (canonical) own.add(canonical);
  }
  return own;
}

/** The canonical form own addresses and participants are compared in, or null for "not an address". */
function canonicalOrNull(raw: string | null | undefined): string | null {
  return raw ? (canonicalEmail(raw) ?? null) : null;
}
