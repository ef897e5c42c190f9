import { normaliseEmailAddress } from '../email-address';
import { queryFirst } from '../query';
import { contactInfoOverlay } from './selectors';
import { linkedInSlugFromHref } from './urls';

export interface ContactInfoReading {
  email: string;
  /** The member URN the 2026 section key carries, when it does. */
  urn?: string;
}

/**
 * The address the profile's "Contact info" overlay shows, when the overlay is this profile's:
 * its link back to the profile must name the URL's slug (a lingering overlay of the previous
 * profile is never read), and it must show exactly one address.
 */
export function readContactInfo(document: Document, slug: string): ContactInfoReading | null {
  const overlay = queryFirst(document, contactInfoOverlay.root);
  if (!overlay) return null;
  const profileLink = queryFirst(overlay, contactInfoOverlay.profileLink);
  const linkSlug = linkedInSlugFromHref(profileLink?.getAttribute('href'));
  if (linkSlug !== null && linkSlug !== slug) return null;

  const addresses = new Set<string>();
  for (const link of overlay.querySelectorAll(contactInfoOverlay.email.join(', '))) {
    const address = normaliseEmailAddress(link.getAttribute('href'));
    if (address) addresses.add(address);
  }
  if (addresses.size !== 1) return null;
  const [email = ''] = addresses;

  let urn: string | undefined;
  for (const keyed of [overlay, ...overlay.querySelectorAll('[componentkey]')]) {
    urn = contactInfoOverlay.componentKeyUrn.exec(keyed.getAttribute('componentkey') ?? '')?.[1];
    if (urn) break;
  }
  return { email, ...(urn ? { urn } : {}) };
}
