import { canonicalEmail } from './normalise';
import { ownAddressSet, peopleOfThread } from './people-of-thread';
import type { PageContext, PersonOnPage } from '../model/page-context';
import { SITE_TABLE } from '../model/sites';

/**
 * The page context with the user's own addresses applied: the ones the page showed plus the
 * aliases Margin knows from settings. The content script only knows what the page shows, so the
 * sidebar runs this before showing anyone. A Gmail thread's people are chosen again from its
 * messages (the same rule the content script uses); elsewhere own addresses are filtered out and
 * the next person in line moves up. Pure.
 */
export function applyOwnAddresses(context: PageContext, knownOwn: readonly string[]): PageContext {
  if (SITE_TABLE[context.site].conversation !== 'email-thread') return context;
  const own = ownAddressSet([...(context.ownAddresses ?? []), ...knownOwn]);
  if (own.size === 0) return context;
  const isOwn = (person: PersonOnPage | null | undefined): boolean => {
    const canonical = person?.email ? canonicalEmail(person.email) : undefined;
    return canonical !== undefined && own.has(canonical);
  };

  const messages = context.messages?.map((message) => {
    const canonical = message.from.email ? canonicalEmail(message.from.email) : undefined;
    return { ...message, fromUser: message.fromUser || (canonical !== undefined && own.has(canonical)) };
  });

  if (context.pageKind === 'gmail-thread' && context.messages && context.noPersonReason !== 'stale-page') {
    const { person, participants, announcement, noPersonReason } = peopleOfThread(context.messages, own);
    const { participants: _participants, announcement: _announcement, noPersonReason: _reason, ...rest } = context;
    return {
      ...rest,
      person,
      ...(messages ? { messages } : {}),
      ...(participants.length > 0 ? { participants } : {}),
      ...(announcement ? { announcement } : {}),
      ...(noPersonReason ? { noPersonReason } : {}),
    };
  }

  const personIsOwn = isOwn(context.person);
  if (!personIsOwn && !(context.participants ?? []).some(isOwn)) return messages ? { ...context, messages } : context;
  // Compose: the next recipient in line moves up when the first one is the user.
  const others = (context.participants ?? []).filter((person) => !isOwn(person));
  const person = personIsOwn ? (others.shift() ?? null) : context.person;
  const { participants: _participants, noPersonReason: _reason, ...rest } = context;
  const noPersonReason = person ? undefined : personIsOwn ? 'only-you' : context.noPersonReason;
  return {
    ...rest,
    person,
    ...(messages ? { messages } : {}),
    ...(others.length > 0 ? { participants: others } : {}),
    ...(noPersonReason ? { noPersonReason } : {}),
  };
}
