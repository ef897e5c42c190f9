/**
 * The content script's part of a page description (src/sites/page-structure.ts): walk the page and
 * nothing more. Its own module so that the content scripts, which must stay small, carry none of
 * the redaction tables.
 */

export const MAX_ELEMENTS = 4_000;
const MAX_DEPTH = 60;
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'LINK', 'META']);
/** Elements whose inside is drawing or another document: named, not walked. */
const OPAQUE = new Set(['svg', 'SVG', 'IFRAME', 'OBJECT', 'VIDEO', 'CANVAS']);

/**
 * One element as the content script reads it, in document order: its depth, tag, attributes and
 * whether it holds text of its own. Raw (the content script does no more than walk); redacted by
 * `describeSkeleton` in the background before anything leaves it.
 */
export type SkeletonNode = [depth: number, tag: string, attributes: Array<[name: string, value: string]>, hasText: boolean];

export interface PageSkeleton {
  url: string;
  title: string;
  nodes: SkeletonNode[];
}

export function readPageSkeleton(document: Document, skip: (element: Element) => boolean = () => false): PageSkeleton {
  const nodes: SkeletonNode[] = [];
  const walk = (element: Element, depth: number): void => {
    if (nodes.length >= MAX_ELEMENTS || depth > MAX_DEPTH || SKIPPED.has(element.tagName) || skip(element)) return;
    nodes.push([
      depth,
      element.tagName,
      [...element.attributes].map((attribute) => [attribute.name, attribute.value.slice(0, 300)]),
      [...element.childNodes].some((node) => node.nodeType === 3 && (node.nodeValue ?? '').trim() !== ''),
    ]);
    if (!OPAQUE.has(element.tagName)) for (const child of element.children) walk(child, depth + 1);
  };
  if (document.body) walk(document.body, 0);
  return { url: document.location?.href ?? '', title: document.title, nodes };
}

