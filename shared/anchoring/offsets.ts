/**
 * Offsets in the model are UTF-16 code units (JavaScript indices). Python and most NLP tools count Unicode code
 * points. The two differ by one for every astral character (emoji, some CJK) before the offset.
 */
export interface OffsetConverter {
  toCodePoints(utf16: number): number;
  toUtf16(codePoints: number): number;
  /** Length of the text in code points. */
  readonly codePointLength: number;
}

/** Precomputes the astral positions once so that converting many offsets of one text is O(log n) each. */
export function offsetConverter(text: string): OffsetConverter {
  const astral: number[] = []; // UTF-16 index of each high surrogate that starts a pair
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        astral.push(i);
        i++;
      }
    }
  }
  const codePointLength = text.length - astral.length;
  return {
    codePointLength,
    toCodePoints(utf16: number): number {
      if (utf16 < 0 || utf16 > text.length) throw new RangeError(`offset ${utf16} is outside the text (0–${text.length})`);
      // astral pairs that end at or before the offset count one code unit too many
      return utf16 - countBelow(astral, utf16 - 1);
    },
    toUtf16(cp: number): number {
      if (cp < 0 || cp > codePointLength) throw new RangeError(`offset ${cp} is outside the text (0–${codePointLength} code points)`);
      // find how many astral characters start before the resulting index: iterate by binary search on k
      let lo = 0;
      let hi = astral.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        // code point index of the astral char at astral[mid]
        if (astral[mid]! - mid < cp) lo = mid + 1;
        else hi = mid;
      }
      return cp + lo;
    },
  };
}

/** Number of values in the sorted array that are < limit. */
function countBelow(sorted: number[], limit: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function utf16ToCodePoints(text: string, offset: number): number {
  return offsetConverter(text).toCodePoints(offset);
}

export function codePointsToUtf16(text: string, offset: number): number {
  return offsetConverter(text).toUtf16(offset);
}

/** True when the offset does not fall between the two halves of a surrogate pair. */
export function isCodePointBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return offset === 0 || offset === text.length;
  const c = text.charCodeAt(offset);
  const p = text.charCodeAt(offset - 1);
  return !(c >= 0xdc00 && c <= 0xdfff && p >= 0xd800 && p <= 0xdbff);
}
