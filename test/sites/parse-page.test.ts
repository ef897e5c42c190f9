import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ownFixturesDir, parsePage, readOwnFixture } from '../support/fixtures';

describe('parsePage (the fixture loader)', () => {
  it('never runs a page’s scripts, inline or on event attributes', () => {
    const document = parsePage(
      '<!DOCTYPE html><html><head><script>globalThis.__marginScriptRan = true; document.title = "ran";</script></head>' +
        '<body onload="globalThis.__marginScriptRan = true"><img src="x" onerror="globalThis.__marginScriptRan = true"><p>ok</p></body></html>',
    );
    expect(document.querySelector('p')?.textContent).toBe('ok');
    expect(document.title).toBe('');
    expect((globalThis as { __marginScriptRan?: boolean }).__marginScriptRan).toBeUndefined();
    expect((document.defaultView as unknown as { __marginScriptRan?: boolean } | null)?.__marginScriptRan).toBeUndefined();
  });

  it('keeps hand-written fixtures script-free, so they render the same with scripts off', () => {
    const files = ['gmail', 'linkedin'].flatMap((site) =>
      readdirSync(path.join(ownFixturesDir, site))
        .filter((file) => file.endsWith('.html'))
        .map((file) => `${site}/${file}`),
    );
    expect(files.length).toBeGreaterThanOrEqual(11);
    for (const file of files) {
      const document = parsePage(readOwnFixture(file));
      expect(document.querySelectorAll('script').length, file).toBe(0);
      expect(document.querySelectorAll('style').length, file).toBe(1);
      expect(readOwnFixture(file), file).toMatch(/HAND-WRITTEN FIXTURE/);
    }
  });
});
