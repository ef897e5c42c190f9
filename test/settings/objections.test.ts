import { describe, expect, it } from 'vitest';
import { MAX_OBJECTIONS, objectionKey, parseObjectionList } from '../../src/settings/objections';

describe('the objection list', () => {
  it('takes one per line, drops blank lines and repeats in any case, keeps the first spelling', () => {
    expect(parseObjectionList('Price too high\n\n  price   TOO high \nCurrent TMS vendor\n')).toEqual({ ok: true, list: ['Price too high', 'Current TMS vendor'] });
  });

  it('refuses an objection over 100 characters or more than 50 of them, and says so', () => {
    expect(parseObjectionList('x'.repeat(101))).toMatchObject({ ok: false, message: expect.stringContaining('longer than 100 characters') });
    const tooMany = Array.from({ length: MAX_OBJECTIONS + 1 }, (_, index) => `Objection ${index}`).join('\n');
    expect(parseObjectionList(tooMany)).toEqual({ ok: false, message: 'Keep it to 50 objections (there are 51).' });
  });

  it('compares spellings by case and spacing only', () => {
    expect(objectionKey('  Current  TMS vendor ')).toBe(objectionKey('current tms VENDOR'));
    expect(objectionKey('Current TMS vendor')).not.toBe(objectionKey('Current TMS vendors'));
  });
});
