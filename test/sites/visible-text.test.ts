import { describe, expect, it } from 'vitest';
import { MAX_PAGE_TEXT } from '../../src/model/limits';
import { normalisePageText, visibleText } from '../../src/sites/visible-text';
import { parsePage } from '../support/fixtures';

function element(html: string): Element {
  const found = parsePage(`<!DOCTYPE html><html><body><div id="x">${html}</div></body></html>`).getElementById('x');
  if (!found) throw new Error('fixture element missing');
  return found;
}

describe('visibleText', () => {
  it('collapses whitespace, including non-breaking and zero-width spaces, and trims', () => {
    expect(visibleText(element('  Priya\u00a0\u200b  \n Raman \t'))).toBe('Priya Raman');
  });

  it('skips screen-reader copies, scripts, styles and icons', () => {
    expect(
      visibleText(
        element(
          '<span aria-hidden="true">RTCK</span><span class="visually-hidden">RTCK</span><span class="a11y-text">Follow RTCK</span>' +
            '<script>var a = 1;</script><style>p{}</style><svg><title>icon</title></svg>',
        ),
      ),
    ).toBe('RTCK');
  });

  it('separates block elements with a space and keeps inline runs together', () => {
    expect(visibleText(element('<p>Ethnolink</p><p>Monash</p><strong>Ri</strong>shi'))).toBe('Ethnolink Monash Rishi');
  });

  it('caps at the limit without splitting a surrogate pair', () => {
    expect(visibleText(element('word '.repeat(1000))).length).toBeLessThanOrEqual(MAX_PAGE_TEXT);
    const capped = normalisePageText(`${'a'.repeat(MAX_PAGE_TEXT - 1)}😀`);
    expect(capped).toBe('a'.repeat(MAX_PAGE_TEXT - 1));
  });

  it('is empty for nothing', () => {
    expect(visibleText(null)).toBe('');
    expect(visibleText(element('<span class="visually-hidden">only for screen readers</span>'))).toBe('');
  });
});
