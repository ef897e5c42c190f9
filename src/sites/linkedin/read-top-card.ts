import { queryFirst, queryFirstAccepted } from '../query';
import { isScreenReaderOnly, visibleText } from '../visible-text';
import { sduiTopCard, topCardEras, type LinkedInEra, type TopCardSelectors } from './selectors';

export interface TopCardFields {
  headline?: string;
  company?: string;
  location?: string;
}

export interface TopCardReading extends TopCardFields {
  era: LinkedInEra;
  card: Element;
  nameElement: Element;
  name: string;
  /**
   * The heading was found by structure (the card's `h1`), not by a hook its era is known for:
   * a candidate that another signal must confirm before anyone is shown.
   */
  byStructure: boolean;
}

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING

/**
 * The profile's top card, whichever era of LinkedIn markup the page is in. Only the top card is
 * read: side columns ("People also viewed"), feeds and overlays name other people. Every era's
 * known hooks are tried before any structural guess, so a known markup is never read by guess.
 */
export function readTopCard(document: Document): TopCardReading | null {
  for (const byStructure of [false, true]) {
    for (const era of topCardEras) {
      const names = byStructure ? era.structuralName : era.name;
      if (names.length === 0) continue;
      for (const selector of era.topCard) {
        for (const card of document.querySelectorAll(selector)) {
          const nameElement = queryFirstAccepted(card, names, (candidate) => !isScreenReaderOnly(candidate) && visibleText(candidate) !== '');
          if (!nameElement) continue;
          const fields = era.era === 'sdui-2026' ? readSduiFields(card, nameElement) : readClassEraFields(card, era);
          return { era: era.era, card, nameElement, name: visibleText(nameElement), byStructure, ...fields };
        }
      }
    }
  }
  return null;
}

function readClassEraFields(card: Element, era: TopCardSelectors): TopCardFields {
  return withoutEmpty({
    headline: visibleText(queryFirst(card, era.headline)),
    company: visibleText(queryFirst(card, era.company)),
    location: visibleText(queryFirst(card, era.location)),
  });
}

/**
 * The 2026 card is hashed classes over plain paragraphs, in this order after the name:
 * degree markers ("· 1st"), the headline, "Company · School", then a row holding the location,
 * a "·" and the Contact info link; the right-hand column repeats company and school as `p > span`.
 * Anything that does not fit that shape is left out rather than guessed.
 */
function readSduiFields(card: Element, nameElement: Element): TopCardFields {
  const paragraphs = [...card.querySelectorAll(sduiTopCard.paragraph)].filter(
    (paragraph) => !nameElement.contains(paragraph) && nameElement.compareDocumentPosition(paragraph) & FOLLOWING,
  );
  const rightPanelEntries = paragraphs.filter(isRightPanelEntry).map(visibleText).filter(Boolean);
  const textParagraphs = paragraphs.filter(
    (paragraph) => !isRightPanelEntry(paragraph) && !paragraph.querySelector('a') && isFieldText(visibleText(paragraph)),
  );

  const [headlineParagraph, secondParagraph] = textParagraphs;
  const currentCompany = rightPanelEntries[0];
  const companyLine =
    secondParagraph && currentCompany && visibleText(secondParagraph).includes(currentCompany) ? secondParagraph : undefined;
  const locationParagraph = textParagraphs.find(
    (paragraph) => paragraph !== headlineParagraph && paragraph !== companyLine && sharesRowWithLink(paragraph),
  );

  return withoutEmpty({
    headline: visibleText(headlineParagraph),
    company: currentCompany ?? '',
    location: visibleText(locationParagraph),
  });
}

function isRightPanelEntry(paragraph: Element): boolean {
  const only = paragraph.children.length === 1 ? paragraph.children[0] : undefined;
  return Boolean(only?.matches('span')) && !paragraph.querySelector('a');
}

function isFieldText(text: string): boolean {
  return text !== '' && !sduiTopCard.separatorText.test(text);
}

/** The location row also holds the "Contact info" link (in a sibling paragraph). */
function sharesRowWithLink(paragraph: Element): boolean {
  const row = paragraph.parentElement;
  if (!row) return false;
  return [...row.children].some((sibling) => sibling !== paragraph && sibling.matches('p') && sibling.querySelector('a'));
}

function withoutEmpty(fields: Record<keyof TopCardFields, string>): TopCardFields {
  const kept: TopCardFields = {};
  for (const key of Object.keys(fields) as (keyof TopCardFields)[]) {
    if (fields[key]) kept[key] = fields[key];
  }
  return kept;
}
