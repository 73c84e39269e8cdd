import { describe, expect, it } from 'vitest';
import { normaliseText } from '../normalize.ts';
import { codePointsToUtf16, isCodePointBoundary, locateQuote, offsetConverter, snapToWords, textQuoteFor, utf16ToCodePoints } from './index.ts';

describe('offset conversion', () => {
  const text = 'a👩‍👩‍👧b🇺🇦c é 世界';

  it('agrees with counting code points by iteration, at every code point boundary', () => {
    const conv = offsetConverter(text);
    let utf16 = 0;
    let cp = 0;
    for (const ch of text) {
      expect(conv.toCodePoints(utf16)).toBe(cp);
      expect(conv.toUtf16(cp)).toBe(utf16);
      utf16 += ch.length;
      cp += 1;
    }
    expect(conv.toCodePoints(text.length)).toBe(cp);
    expect(conv.codePointLength).toBe([...text].length);
  });

  it('is the identity on text without astral characters', () => {
    expect(utf16ToCodePoints('héllo 世界', 7)).toBe(7);
    expect(codePointsToUtf16('héllo 世界', 7)).toBe(7);
  });

  it('refuses offsets outside the text', () => {
    expect(() => utf16ToCodePoints('abc', 4)).toThrow(RangeError);
    expect(() => codePointsToUtf16('a😀', 3)).toThrow(RangeError);
  });

  it('knows surrogate pair boundaries', () => {
    expect(isCodePointBoundary('a😀b', 2)).toBe(false);
    expect(isCodePointBoundary('a😀b', 3)).toBe(true);
  });
});

describe('snapToWords', () => {
  const text = 'Moscow denied responsibility for the strike.';

  it('extends a selection that starts or ends inside a word to the whole words', () => {
    const span = snapToWords(text, 9, 15); // "ied re"
    expect(span && text.slice(span.start, span.end)).toBe('denied responsibility');
  });

  it('trims surrounding whitespace before snapping', () => {
    const span = snapToWords(text, 6, 14); // " denied "
    expect(span && text.slice(span.start, span.end)).toBe('denied');
  });

  it('accepts reversed selections and returns null for whitespace only', () => {
    const span = snapToWords(text, 15, 9);
    expect(span && text.slice(span.start, span.end)).toBe('denied responsibility');
    expect(snapToWords('a   b', 1, 4)).toBeNull();
    expect(snapToWords(text, 5, 5)).toBeNull();
  });

  it('never splits emoji ZWJ sequences, flags or combining marks', () => {
    const t = 'x 👩‍👩‍👧 y 🇺🇦 z e\u0301te';
    const family = t.indexOf('👩');
    const span = snapToWords(t, family + 2, family + 3);
    expect(span && t.slice(span.start, span.end)).toBe('👩‍👩‍👧');
    const flag = t.indexOf('🇺');
    const f = snapToWords(t, flag + 1, flag + 2);
    expect(f && t.slice(f.start, f.end)).toBe('🇺🇦');
    const word = t.indexOf('e\u0301');
    const w = snapToWords(t, word + 1, word + 2);
    expect(w && t.slice(w.start, w.end)).toBe('e\u0301te');
  });

  it('keeps offsets valid in text that came from a CRLF file', () => {
    const t = normaliseText('First line.\r\nSecond claim here.\r\n');
    const start = t.indexOf('claim');
    const span = snapToWords(t, start - 1, start + 2);
    expect(span && t.slice(span.start, span.end)).toBe('claim');
  });

  it('snaps within CJK and right-to-left text', () => {
    const ar = 'قال المتحدث إن الهجوم لم يحدث';
    const i = ar.indexOf('الهجوم');
    const s = snapToWords(ar, i + 2, i + 3);
    expect(s && ar.slice(s.start, s.end)).toBe('الهجوم');
    const zh = '俄罗斯否认发动袭击';
    const z = snapToWords(zh, 0, zh.length);
    expect(z).toEqual({ start: 0, end: zh.length });
  });
});

describe('textQuoteFor', () => {
  it('takes up to 32 code points of context either side', () => {
    const text = 'x'.repeat(40) + 'QUOTE' + 'y'.repeat(40);
    const q = textQuoteFor(text, 40, 45);
    expect(q).toEqual({ exact: 'QUOTE', prefix: 'x'.repeat(32), suffix: 'y'.repeat(32) });
  });

  it('counts context in code points and never cuts a surrogate pair', () => {
    const text = '😀'.repeat(40) + 'Q' + '😀'.repeat(40);
    const q = textQuoteFor(text, 80, 81);
    expect(Array.from(q.prefix)).toHaveLength(32);
    expect(q.prefix).toBe('😀'.repeat(32));
    expect(q.suffix).toBe('😀'.repeat(32));
  });

  it('has short context at the edges of the text', () => {
    expect(textQuoteFor('ab cd', 0, 2)).toEqual({ exact: 'ab', prefix: '', suffix: ' cd' });
  });
});

describe('locateQuote', () => {
  it('picks the occurrence whose context matches', () => {
    const text = 'He said no. She said no. They said yes.';
    const second = text.indexOf('no', 12);
    expect(locateQuote(text, { exact: 'no', prefix: 'She said ', suffix: '. They' })).toEqual({ start: second, end: second + 2 });
  });

  it('returns null when the quote is missing or the match is ambiguous', () => {
    expect(locateQuote('abc', { exact: 'zz', prefix: '', suffix: '' })).toBeNull();
    expect(locateQuote('no no', { exact: 'no', prefix: '', suffix: '' }, 1.5)).toBeNull();
  });
});
