/**
 * A redacted description of a page's structure, for a bug report when Margin cannot read a page:
 * tags, attribute names, class shapes and the shape of links, one element a line, indented by
 * depth. Never any text, name, address or id: classes that are not plain lower-case words become
 * their shape (`~37` for a 37-letter hashed class), link paths keep only LinkedIn's and Gmail's
 * route words, and attribute values are kept only for a few attributes that hold no personal data,
 * with ids and numbers masked even there. Only when the user asks (a message from the sidebar):
 * the background runs the walk in the tab (`readPageSkeleton`) and redacts what it got.
 */

import { MAX_ELEMENTS, PAGE_WALK, readPageSkeleton, type PageSkeleton, type SkeletonNode } from './page-skeleton';

export { PAGE_WALK, readPageSkeleton, type PageSkeleton, type SkeletonNode } from './page-skeleton';

/** Attributes whose values are structure, not content. */
const KEPT_VALUES = new Set(['role', 'type', 'dir', 'aria-hidden', 'aria-current', 'aria-expanded', 'aria-haspopup', 'contenteditable', 'componentkey', 'data-sdui-screen']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action']);
/** Route words of LinkedIn and Gmail addresses; every other path segment is masked. */
const ROUTE_WORDS = new Set(
  ('in company school messaging thread compose feed search results people all overlay contact-info about-this-profile details ' +
    'experience education skills recent-activity posts comments reactions sales lead lists inbox mail u edit forms intro new ' +
    'jobs view mynetwork notifications premium help legal recommendation-add-edit add-edit connections followers').split(' '),
);
const PLAIN_CLASS = /^[a-z][a-z0-9]*(?:(?:--?|__?)[a-z0-9]+)*$/;

/** The redacted description of a skeleton, starting with the address shape and title shape. */
export function describeSkeleton(skeleton: PageSkeleton): string {
  const lines = [
    'Margin page structure (redacted: no text, names, addresses or ids)',
    `address: ${urlShape(skeleton.url)}`,
    `title: ${titleShape(skeleton.title)}`,
    ...skeleton.nodes.map(([depth, tag, attributes, hasText]) => `${'  '.repeat(depth)}${describeElement(tag, attributes, hasText)}`),
  ];
  if (skeleton.nodes.length >= MAX_ELEMENTS) lines.push(`… (stopped after ${MAX_ELEMENTS} elements)`);
  return lines.join('\n');
}

/** Both steps at once (tests, and any caller that holds the document itself). */
export function describePageStructure(document: Document): string {
  return describeSkeleton(readPageSkeleton(PAGE_WALK, document));
}

function describeElement(tag: string, attributes: SkeletonNode[2], hasText: boolean): string {
  const parts = [tag.toLowerCase()];
  const id = attributes.find(([name]) => name === 'id')?.[1];
  if (id) parts.push(`#${maskValue(id)}`);
  const classes = attributes.find(([name]) => name === 'class')?.[1] ?? '';
  for (const name of classes.split(/\s+/).filter(Boolean)) parts.push(`.${classShape(name)}`);
  for (const [name, value] of attributes) {
    if (name === 'id' || name === 'class' || name === 'style') continue;
    if (URL_ATTRIBUTES.has(name)) parts.push(`[${name}=${urlShape(value)}]`);
    else if (KEPT_VALUES.has(name)) parts.push(`[${name}=${maskValue(value)}]`);
    else parts.push(`[${maskValue(name)}]`);
  }
  if (hasText) parts.push('+text');
  return parts.join('');
}

/** A LinkedIn-style class is kept ("text-heading-xlarge", "msg-s-message-group__name"); a hashed one becomes `~<length>`. */
export function classShape(name: string): string {
  return PLAIN_CLASS.test(name) && name.length <= 60 ? name.replace(/\d+/g, '0') : `~${name.length}`;
}

/** Attribute values that are structure keep their words; ids, addresses and numbers are masked. */
export function maskValue(value: string): string {
  return value
    .slice(0, 200)
    .replace(/[^\s@]+@[^\s@]+/g, '<address>')
    .replace(/ACoAA[A-Za-z0-9_-]{34}/g, '<member-id>')
    .replace(/[A-Za-z0-9_-]*\d[A-Za-z0-9_-]*/g, (token) => (/^[a-z]+-?\d{1,4}$/.test(token) ? token.replace(/\d+/g, '#') : '<id>'))
    .replace(/[A-Za-z0-9_-]{16,}/g, '<id>');
}

/** `https://www.linkedin.com/in/eugenemann/overlay/contact-info/?x=1` → `linkedin.com/in/:/overlay/contact-info/?x`. */
export function urlShape(raw: string): string {
  if (raw.startsWith('mailto:')) return 'mailto:';
  if (raw.startsWith('data:')) return 'data:';
  if (raw.startsWith('#')) return '#';
  let url: URL;
  try {
    url = new URL(raw, 'https://www.linkedin.com');
  } catch {
    return '?';
  }
  const host = /(^|\.)(linkedin\.com|google\.com|licdn\.com|gstatic\.com)$/.exec(url.hostname)?.[2] ?? 'other';
  const path = url.pathname
    .split('/')
    .map((segment) => (segment === '' || ROUTE_WORDS.has(segment.toLowerCase()) ? segment : ':'))
    .join('/');
  const query = [...new Set(url.searchParams.keys())].filter((key) => /^[A-Za-z_-]{1,30}$/.test(key)).join('&');
  return `${host}${path}${query ? `?${query}` : ''}${url.hash ? '#' : ''}`;
}

/** "(3) Eugene Mann | LinkedIn" → "(n) … | LinkedIn": the parts, the site word, never the name. */
export function titleShape(title: string): string {
  if (!title.trim()) return '(none)';
  const parts = title.replace(/^\(\d+\+?\)\s*/, '').split(' | ');
  const prefix = /^\(\d+\+?\)/.test(title) ? '(n) ' : '';
  return prefix + parts.map((part) => (/^(LinkedIn|Gmail|Sales Navigator)$/.test(part.trim()) ? part.trim() : '…')).join(' | ');
}
