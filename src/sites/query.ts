/**
 * Selector lists are ordered most stable hook first; these helpers try them in that order.
 */

/** The first element matching the earliest selector in the list that matches anything. */
export function queryFirst(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = root.querySelector(selector);
    if (found) return found;
  }
  return null;
}

/** The first element, in list order then document order, that also passes `accept`. */
export function queryFirstAccepted(
  root: ParentNode,
  selectors: readonly string[],
  accept: (element: Element) => boolean,
): Element | null {
  for (const selector of selectors) {
    for (const element of root.querySelectorAll(selector)) {
      if (accept(element)) return element;
    }
  }
  return null;
}

/** Whether `element`, or an ancestor up to (not including) `boundary`, matches `selector`. */
export function isInside(element: Element, selector: string, boundary: Element): boolean {
  for (let current: Element | null = element; current && current !== boundary; current = current.parentElement) {
    if (current.matches(selector)) return true;
  }
  return false;
}
