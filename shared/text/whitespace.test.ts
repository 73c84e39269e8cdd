import { describe, expect, it } from 'vitest';
import { randomString } from './testing.ts';
import { isWhitespaceOnly } from './whitespace.ts';

const reference = (s: string) => /^\s+$/u.test(s);
const WHITESPACE = ['\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];

describe('isWhitespaceOnly', () => {
  it('agrees with /^\\s+$/u on every single code unit and on whitespace runs', () => {
    for (let c = 0; c < 0x10000; c++) {
      const s = String.fromCharCode(c);
      if (isWhitespaceOnly(s, 0, 1) !== reference(s)) throw new Error(`U+${c.toString(16)}`);
    }
    expect(isWhitespaceOnly(WHITESPACE.join(''), 0, WHITESPACE.length)).toBe(true);
  });

  it('agrees on random strings with spaces, astral characters and lone surrogates mixed in', () => {
    const extras = [...WHITESPACE, '😀', '\ud83d', '\ude00', '\u200b', '\u180e', 'a'];
    for (let n = 0; n < 5000; n++) {
      let s = n % 3 === 0 ? randomString() : '';
      for (let k = n % 7; k > 0; k--) s += extras[(n * 31 + k * 17) % extras.length];
      expect(isWhitespaceOnly(s, 0, s.length), JSON.stringify(s)).toBe(reference(s));
    }
  });

  it('looks only at the range, and an empty range is not whitespace', () => {
    expect(isWhitespaceOnly('a  b', 1, 3)).toBe(true);
    expect(isWhitespaceOnly('a  b', 0, 3)).toBe(false);
    expect(isWhitespaceOnly('   ', 1, 1)).toBe(false);
  });
});
