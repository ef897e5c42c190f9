import { MAX_PAGE_TEXT } from '../model/limits';

/** Reading text the way a sighted user sees it, bounded by the PageContext contract's limit. */

/** Elements whose text no sighted user reads: code, styles, and copies meant for screen readers. */
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg', 'SVG', 'IFRAME', 'OBJECT']);
const SCREEN_READER_ONLY = '.visually-hidden, .a11y-text, .sr-only, .screen-reader-text, [hidden]';
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'SECTION', 'TABLE', 'TD',
  'TH', 'TR', 'UL',
]);

/** Whether the element is a copy meant for screen readers only (a visually hidden heading, say). */
export function isScreenReaderOnly(element: Element): boolean {
  return element.matches(SCREEN_READER_ONLY);
}

/** Stop collecting well past the limit: a hostile page can put megabytes in one element. */
const RAW_TEXT_BUDGET = MAX_PAGE_TEXT * 4;

/** Trim, collapse whitespace (including non-breaking and zero-width spaces) and cap the length. */
export function normalisePageText(raw: string): string {
  const collapsed = raw.replace(/[\s\u200B-\u200D\u2060\uFEFF]+/g, ' ').trim();
  return capLength(collapsed, MAX_PAGE_TEXT);
}

/** The visible text of an element: screen-reader-only copies skipped, whitespace collapsed, capped. */
export function visibleText(node: Node | null | undefined): string {
  return visibleTextOutside(node, '');
}

/** The same, leaving out elements matching `leaveOut` (quoted text, say) with all they contain. */
export function visibleTextOutside(node: Node | null | undefined, leaveOut: string): string {
  if (!node) return '';
  const parts: string[] = [];
  let length = 0;
  const walk = (current: Node): void => {
    if (length > RAW_TEXT_BUDGET) return;
    if (current.nodeType === 3 /* TEXT_NODE */) {
      const text = current.nodeValue ?? '';
      parts.push(text);
      length += text.length;
      return;
    }
    if (current.nodeType !== 1 /* ELEMENT_NODE */) return;
    const element = current as Element;
    if (SKIPPED_TAGS.has(element.tagName) || element.matches(SCREEN_READER_ONLY) || (leaveOut && element.matches(leaveOut))) return;
    const isBlock = BLOCK_TAGS.has(element.tagName);
    if (isBlock) parts.push(' ');
    for (let child = element.firstChild; child; child = child.nextSibling) walk(child);
    if (isBlock) parts.push(' ');
  };
  if (node.nodeType === 1 && (node as Element).matches(SCREEN_READER_ONLY)) {
    // Asked for a hidden node explicitly: read it anyway rather than return nothing.
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
  } else {
    walk(node);
  }
  return normalisePageText(parts.join(''));
}

/** Cut to at most `max` UTF-16 units without leaving half a surrogate pair behind. */
export function capLength(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end).trimEnd();
}
