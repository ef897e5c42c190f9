import { emailAddressesInLabel, normaliseEmailAddress } from '../email-address';
import { queryFirstAccepted } from '../query';
import { isInReceivedMessage } from './received-message';
import { gmailSelectors } from './selectors';

/**
 * The signed-in user's own addresses as the Gmail page states them. The user is never a contact,
 * so every sender found here is excluded from recognition.
 */
export function readOwnAddresses(document: Document): Set<string> {
  const own = new Set<string>();
  const fromTitle = ownAddressFromTitle(document.title);
  if (fromTitle) own.add(fromTitle);
  const accountButton = queryFirstAccepted(document, gmailSelectors.accountButton, (element) => !isInReceivedMessage(element));
  for (const address of emailAddressesInLabel(accountButton?.getAttribute('aria-label'))) own.add(address);
  return own;
}

/**
 * Gmail titles read `<view or subject> - <account> - Gmail` (Workspace may brand the last part).
 * The account is the second segment from the end, so a subject that itself holds " - x@y - "
 * cannot be mistaken for it.
 */
export function ownAddressFromTitle(title: string): string | null {
  const segments = title.split(' - ');
  if (segments.length < 3) return null;
  return normaliseEmailAddress(segments[segments.length - 2]);
}
