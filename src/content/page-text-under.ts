/**
 * Whether any visible text of the page lies right of `left` (in viewport pixels): what the open
 * sidebar, fixed to the window's right edge, would cover. A page whose layout follows the window
 * width rather than the space it is given (LinkedIn's breakpoints, its fixed header) keeps text
 * there however much the root element is narrowed, so the sidebar measures instead of assuming.
 *
 * Walks the text nodes once (no per-mutation work); Margin's own host is outside `body`.
 */
export function pageTextRightOf(left: number, document: Document = window.document): boolean {
  const body = document.body;
  if (!body) return false;
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.nodeValue?.trim()) continue;
    range.selectNodeContents(node);
    for (const rect of range.getClientRects()) {
      // Visually hidden text (1-pixel clips for screen readers) is not something anyone reads.
      if (rect.width < 2 || rect.height < 2 || rect.right <= left + 1) continue;
      const parent = node.parentElement;
      if (parent && !isShown(parent)) continue;
      return true;
    }
  }
  return false;
}

function isShown(element: Element): boolean {
  if (typeof element.checkVisibility === 'function') return element.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  return true;
}
