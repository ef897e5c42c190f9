import { describe, expect, it } from 'vitest';
import * as gmailSelectors from '../../src/sites/gmail/selectors';
import * as linkedInSelectors from '../../src/sites/linkedin/selectors';
import { parsePage, readOwnFixture, readSharedFixture, SAVED_PAGE_TIMEOUT_MS, sharedFixturesPresent } from '../support/fixtures';
import { FIXTURE_PAGES, type FixturePageName } from './fixture-pages';
import { GMAIL_SELECTOR_EXPECTATIONS, LINKEDIN_SELECTOR_EXPECTATIONS, type Expectation } from './selector-expectations';

/**
 * Convention (as refined-github's selector tests): every selector Margin uses is walked from the
 * selectors modules' exports, never listed by hand here, and must have an expectation in
 * selector-expectations.ts: the fixture pages it matches, or why no saved page has its markup.
 * A new selector without an entry fails; so does an entry whose selector is gone.
 */

/** Every leaf of a module's exports (strings, patterns), by its path: `messagingSelectors.titleName[1]`. */
function leavesOf(module: Record<string, unknown>): Map<string, unknown> {
  const leaves = new Map<string, unknown>();
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${path}[${index}]`));
    else if (value !== null && typeof value === 'object' && !(value instanceof RegExp)) {
      for (const [key, item] of Object.entries(value)) walk(item, `${path}.${key}`);
    } else leaves.set(path, value);
  };
  for (const [name, value] of Object.entries(module)) walk(value, name);
  return leaves;
}

const parsed = new Map<FixturePageName, Document>();
function page(name: FixturePageName): Document {
  const known = parsed.get(name);
  if (known) return known;
  const fixture: { file: string; shared?: true } = FIXTURE_PAGES[name];
  const document = parsePage(fixture.shared ? readSharedFixture(fixture.file) : readOwnFixture(fixture.file));
  parsed.set(name, document);
  return document;
}
const isShared = (name: FixturePageName): boolean => 'shared' in FIXTURE_PAGES[name];

/** The parts of a selector list (`a, b`), split at top-level commas only. */
function partsOf(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < selector.length; index += 1) {
    const character = selector[index];
    if (character === '(' || character === '[') depth += 1;
    else if (character === ')' || character === ']') depth -= 1;
    else if (character === ',' && depth === 0) {
      parts.push(selector.slice(start, index).trim());
      start = index + 1;
    }
  }
  parts.push(selector.slice(start).trim());
  return parts;
}

const SITES = [
  { site: 'Gmail', module: gmailSelectors, expectations: GMAIL_SELECTOR_EXPECTATIONS, pagesOf: (file: string) => /^(gmail|real\/gmail)/.test(file) },
  { site: 'LinkedIn', module: linkedInSelectors, expectations: LINKEDIN_SELECTOR_EXPECTATIONS, pagesOf: (file: string) => /^(linkedin|real\/linkedin)/.test(file) },
] as const;

describe.each(SITES)('$site selectors', { timeout: SAVED_PAGE_TIMEOUT_MS }, ({ module, expectations, pagesOf }) => {
  const leaves = leavesOf(module as Record<string, unknown>);
  const entries = Object.entries(expectations) as Array<[string, Expectation]>;
  const sitePages = (Object.keys(FIXTURE_PAGES) as FixturePageName[]).filter((name) => pagesOf(FIXTURE_PAGES[name].file));
  const selectorsExpectedIn = (name: FixturePageName) =>
    entries.filter(([, expectation]) => expectation.kind === 'matches' && expectation.pages.includes(name)).map(([path]) => [path, leaves.get(path) as string] as const);

  it('every exported selector has an expectation, and every expectation a selector', () => {
    expect([...leaves.keys()].sort()).toEqual(entries.map(([path]) => path).sort());
  });

  it('each leaf is what its expectation says: a valid selector, an attribute name, a pattern or text', () => {
    const empty = parsePage('<!doctype html><title>empty</title>');
    const wrong = entries.filter(([path, expectation]) => {
      const leaf = leaves.get(path);
      switch (expectation.kind) {
        case 'matches':
        case 'no-fixture':
          if (typeof leaf !== 'string') return true;
          try {
            empty.querySelector(leaf);
            return false;
          } catch {
            return true;
          }
        case 'attribute':
          return typeof leaf !== 'string' || !/^[a-z][a-z0-9-]*$/.test(leaf);
        case 'url-parameter':
          return typeof leaf !== 'string' || !/^\w+$/.test(leaf);
        case 'pattern':
          return !(leaf instanceof RegExp);
        case 'text':
          return typeof leaf !== 'string';
      }
    });
    expect(wrong.map(([path]) => path)).toEqual([]);
  });

  const checkedPages = sitePages.filter((name) => selectorsExpectedIn(name).length > 0);
  const eachSelectorMatches = (name: FixturePageName): void => {
    const unmatched = selectorsExpectedIn(name).filter(([, selector]) => !page(name).querySelector(selector));
    expect(unmatched.map(([path]) => path)).toEqual([]);
  };
  it.each(checkedPages.filter((name) => !isShared(name)))('%s: each selector expected there matches', eachSelectorMatches);
  // Without ../shared these are reported as skipped, never as passed.
  it.skipIf(!sharedFixturesPresent).each(checkedPages.filter(isShared))('%s (../shared): each selector expected there matches', eachSelectorMatches);

  // Both are about every saved page of the site: without ../shared they are skipped, not passed.
  it.skipIf(!sharedFixturesPresent)('each part of a selector list matches in some page of the site', () => {
    const lists = entries.filter(([path, expectation]) => expectation.kind === 'matches' && partsOf(leaves.get(path) as string).length > 1);
    const unmatched = lists.flatMap(([path, expectation]) =>
      partsOf(leaves.get(path) as string)
        .filter((part) => !(expectation.kind === 'matches' && expectation.keptParts?.[part]))
        .filter((part) => !sitePages.some((name) => page(name).querySelector(part)))
        .map((part) => `${path}: ${part}`),
    );
    expect(unmatched).toEqual([]);
  });

  it.skipIf(!sharedFixturesPresent)('a selector kept for markup no saved page has matches none of them (else it gets its pages)', () => {
    const kept = entries.filter(([, expectation]) => expectation.kind === 'no-fixture');
    const found = kept.flatMap(([path]) =>
      sitePages.filter((name) => page(name).querySelector(leaves.get(path) as string)).map((name) => `${path} in ${name}`),
    );
    expect(found).toEqual([]);
  });
});
