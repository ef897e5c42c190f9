import type { PersonOnPage } from '../../model/page-context';
import { queryFirst, queryFirstAccepted } from '../query';
import { visibleText } from '../visible-text';
import { salesLeadSelectors } from './selectors';
import { linkedInSalesLeadIdFromHref, linkedInSlugFromHref } from './urls';

/**
 * The lead a Sales Navigator lead page shows: name, headline, company and location from the
 * lead's own header (never "Similar leads"), identified by the lead id in the URL. A header
 * that links to another lead is a stale page: no person.
 */
export function readSalesLead(document: Document, leadId: string): PersonOnPage | 'stale' | null {
  const nameElement = queryFirstAccepted(document, salesLeadSelectors.name, (candidate) => visibleText(candidate) !== '');
  if (!nameElement) return null;
  const header = headerOf(nameElement);

  for (const link of header.querySelectorAll(salesLeadSelectors.leadLinks)) {
    const linked = linkedInSalesLeadIdFromHref(link.getAttribute('href'));
    if (linked !== null && linked !== leadId) return 'stale';
  }
  const slug = linkedInSlugFromHref(header.querySelector(salesLeadSelectors.profileLink)?.getAttribute('href'));
  const field = (selectors: readonly string[]) => visibleText(queryFirst(header, selectors));
  const headline = field(salesLeadSelectors.headline);
  const company = field(salesLeadSelectors.company);
  const location = field(salesLeadSelectors.location);
  return {
    name: visibleText(nameElement),
    linkedinSalesId: leadId,
    ...(slug ? { linkedinSlug: slug } : {}),
    ...(headline ? { headline } : {}),
    ...(company ? { company } : {}),
    ...(location ? { location } : {}),
  };
}

/**
 * The lead's header card: the closest section (or header) around the name, else the smallest
 * element around it that also holds a headline or company field.
 */
function headerOf(nameElement: Element): Element {
  const card = nameElement.closest(salesLeadSelectors.header.join(', '));
  if (card) return card;
  const fields = [...salesLeadSelectors.headline, ...salesLeadSelectors.company].join(', ');
  for (let current = nameElement.parentElement; current; current = current.parentElement) {
    if (current.querySelector(fields) || current.tagName === 'MAIN' || current.tagName === 'BODY') return current;
  }
  return nameElement.parentElement ?? nameElement;
}
