import type { MessageOnPage, PersonOnPage } from '../../model/page-context';
import { queryFirst } from '../query';
import { visibleText } from '../visible-text';
import { messageTime } from './message-times';
import { messagingSelectors } from './selectors';
import { isMemberId, linkedInMessagingThreadIdFromHref, linkedInSlugFromHref } from './urls';

const MAX_MESSAGES = 500;
const MAX_ID_LENGTH = 200;

export interface MessagingReading {
  /** The other person of a 1:1 conversation; null in a group or when nothing could be read. */
  person: PersonOnPage | null;
  /** Everyone else who wrote in the conversation (in a group: all of them). */
  participants: PersonOnPage[];
  messages: MessageOnPage[];
  stale: boolean;
}

interface Sender {
  name: string;
  slug: string;
  own: boolean;
}

/**
 * A LinkedIn conversation: the other participant (1:1: the title bar's profile link), everyone
 * who wrote (groups), and each message's URN, direction and time (see message-times.ts; `now`
 * is the moment "Today" and "Monday" are read against). `threadId` is the URL's; when the
 * conversation list marks another conversation as open, the pane is stale and nothing is read.
 */
export function readMessaging(document: Document, pane: ParentNode, threadId: string | null, now: number): MessagingReading {
  const empty: MessagingReading = { person: null, participants: [], messages: [], stale: false };
  if (threadId !== null) {
    const active = queryFirst(document, messagingSelectors.activeConversationLink);
    const activeId = linkedInMessagingThreadIdFromHref(active?.getAttribute('href'));
    if (activeId !== null && activeId !== threadId) return { ...empty, stale: true };
  }

  const viewerSlug = linkedInSlugFromHref(queryFirst(document, messagingSelectors.viewerProfileLink)?.getAttribute('href'));
  const titleLink = queryFirst(pane, messagingSelectors.titleProfileLink);
  const titleSlug = linkedInSlugFromHref(titleLink?.getAttribute('href'));
  const other: PersonOnPage | null =
    titleLink && titleSlug && titleSlug !== viewerSlug
      ? {
          name: visibleText(queryFirst(titleLink, messagingSelectors.titleName)) || visibleText(titleLink) || titleSlug,
          linkedinSlug: titleSlug,
          ...(isMemberId(titleSlug) ? { linkedinUrn: titleSlug } : {}),
          ...headlineOf(pane),
        }
      : null;

  const messages: MessageOnPage[] = [];
  const writers = new Map<string, PersonOnPage>();
  let sender: Sender | null = null;
  // Day headings and messages are both in document order: walk them side by side.
  const headings = [...pane.querySelectorAll(messagingSelectors.dayHeading)];
  let heading = -1;
  let clock: string | undefined;
  for (const element of [...pane.querySelectorAll(messagingSelectors.message)].slice(-MAX_MESSAGES)) {
    const previous = heading;
    while (headings[heading + 1] && (headings[heading + 1] as Element).compareDocumentPosition(element) & 4 /* FOLLOWING */) heading += 1;
    // A message that continues a run shows no time of its own: the run's time holds, within its day.
    if (heading !== previous) clock = undefined;
    clock = visibleText(element.closest(messagingSelectors.messageGroup)?.querySelector(messagingSelectors.groupTime)) || clock;
    sender = senderOf(element, viewerSlug, other?.linkedinSlug ?? null) ?? sender;
    if (!sender) continue;
    if (!sender.own && !writers.has(sender.slug)) writers.set(sender.slug, { name: sender.name, linkedinSlug: sender.slug });
    const id = element.getAttribute(messagingSelectors.messageUrnAttribute)?.trim();
    const at = messageTime(heading < 0 ? undefined : visibleText(headings[heading]), clock, now);
    messages.push({
      ...(id && id.length <= MAX_ID_LENGTH ? { id } : {}),
      ...(at === undefined ? {} : { at }),
      from: { name: sender.name, linkedinSlug: sender.slug },
      to: [],
      cc: [],
      fromUser: sender.own,
    });
  }

  if (other) {
    return { person: other, participants: [...writers.values()].filter((writer) => writer.linkedinSlug !== other.linkedinSlug), messages, stale: false };
  }
  // A group: nobody is forced; everyone who wrote is offered, newest writer first.
  const newestFirst = [...writers.values()].reverse();
  return { person: null, participants: newestFirst, messages, stale: false };
}

/** The sender of the run this message starts, or null when it continues the previous run. */
function senderOf(message: Element, viewerSlug: string | null, otherSlug: string | null): Sender | null {
  const scope = message.closest(messagingSelectors.messageGroup) ?? message;
  const link = queryFirst(scope, messagingSelectors.groupProfileLink);
  const slug = linkedInSlugFromHref(link?.getAttribute('href'));
  if (!link || !slug) return null;
  const name = visibleText(queryFirst(scope, messagingSelectors.groupName)) || slug;
  const markedOwn = Boolean(message.closest(messagingSelectors.ownGroup) ?? scope.querySelector(messagingSelectors.ownGroup));
  // In a 1:1 conversation anyone but the other person is the viewer.
  const own = markedOwn || slug === viewerSlug || (otherSlug !== null && slug !== otherSlug);
  return { name, slug, own };
}

function headlineOf(pane: ParentNode): Pick<PersonOnPage, 'headline'> {
  const line = queryFirst(pane, messagingSelectors.titleHeadline);
  // A presence line ("Available on mobile", beside its dot) says nothing about who they are.
  if (line?.querySelector(messagingSelectors.presenceIndicator)) return {};
  const headline = visibleText(line);
  return headline ? { headline } : {};
}
