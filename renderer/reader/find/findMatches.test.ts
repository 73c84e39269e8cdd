import { describe, expect, it } from 'vitest';
import { findMatches, firstMatchFrom } from './findMatches.ts';

describe('findMatches', () => {
  it('finds every occurrence, ignoring case, with UTF-16 offsets after emoji', () => {
    const text = '👩‍👩‍👧 Port hit. The PORT was hit; report.';
    const spans = findMatches(text, 'port');
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Port', 'PORT', 'port']);
  });

  it('treats the query as plain text and ignores a blank one', () => {
    expect(findMatches('a.b axb (c)', 'a.b')).toEqual([{ start: 0, end: 3 }]);
    expect(findMatches('(c)', '(c)')).toEqual([{ start: 0, end: 3 }]);
    expect(findMatches('text', '  ')).toEqual([]);
  });

  it('stops at the limit', () => {
    expect(findMatches('aaaa', 'a', 2)).toHaveLength(2);
  });

  it('starts from the first match at or after the caret, wrapping', () => {
    const m = [{ start: 2, end: 3 }, { start: 8, end: 9 }];
    expect(firstMatchFrom(m, 5)).toBe(1);
    expect(firstMatchFrom(m, 9)).toBe(0);
    expect(firstMatchFrom([], 0)).toBe(-1);
  });
});
