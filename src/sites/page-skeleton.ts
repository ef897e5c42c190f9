/**
 * The page's part of a page description (src/sites/page-structure.ts): walk the page and nothing
 * more. The background runs `readPageSkeleton` in the tab only when the user asks for a
 * description (`scripting.executeScript`), so no content script carries it: the function is sent
 * to the page as its source text, which is why everything it uses is declared inside it.
 */

import { SIDEBAR_HOST_ID } from '../model/sites';

export const MAX_ELEMENTS = 4_000;

/**
 * One element as the page walk reads it, in document order: its depth, tag, attributes and
 * whether it holds text of its own. Raw (the walk does no more than read); redacted by
 * `describeSkeleton` in the background before anything leaves it.
 */
export type SkeletonNode = [depth: number, tag: string, attributes: Array<[name: string, value: string]>, hasText: boolean];

export interface PageSkeleton {
  url: string;
  title: string;
  nodes: SkeletonNode[];
}

/** What to walk: Margin's own sidebar (by its host's id) is left out; at most `maxElements` elements. */
export interface PageWalk {
  skipId: string;
  maxElements: number;
}

/** The walk the background asks a tab for. */
export const PAGE_WALK: PageWalk = { skipId: SIDEBAR_HOST_ID, maxElements: MAX_ELEMENTS };

/**
 * Walks `document.body` (60 elements deep at most). Self-contained: executeScript sends only this
 * function's source to the page, so it uses nothing declared outside it.
 */
export function readPageSkeleton(walk: PageWalk, document: Document = window.document): PageSkeleton {
  const maxDepth = 60;
  const skipped = ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'LINK', 'META'];
  /** Elements whose inside is drawing or another document: named, not walked. */
  const opaque = ['svg', 'SVG', 'IFRAME', 'OBJECT', 'VIDEO', 'CANVAS'];
  const nodes: SkeletonNode[] = [];
  const visit = (element: Element, depth: number): void => {
    if (nodes.length >= walk.maxElements || depth > maxDepth || skipped.includes(element.tagName) || element.id === walk.skipId) return;
    nodes.push([
      depth,
      element.tagName,
      [...element.attributes].map((attribute) => [attribute.name, attribute.value.slice(0, 300)]),
      [...element.childNodes].some((node) => node.nodeType === 3 && (node.nodeValue ?? '').trim() !== ''),
    ]);
    if (!opaque.includes(element.tagName)) for (const child of element.children) visit(child, depth + 1);
  };
  if (document.body) visit(document.body, 0);
  return { url: document.location?.href ?? '', title: document.title, nodes };
}
