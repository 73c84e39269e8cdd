/**
 * Whether a range of a text is whitespace only, as `/^\s+$/u.test(text.slice(start, end))` says, without slicing or
 * a regex per call (CoNLL tests every word segment). JavaScript's `\s` has no astral members, so with the `u` flag a
 * range is whitespace only exactly when each of its code units is; the table is built from `\s` itself, on first use
 * (some 5 ms).
 */
let table: Uint8Array | undefined;

function whitespaceTable(): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if (/\s/.test(String.fromCharCode(c))) t[c] = 1;
  return t;
}

/** True when text[start, end) is not empty and every character in it is JavaScript whitespace (`\s`). */
export function isWhitespaceOnly(text: string, start: number, end: number): boolean {
  table ??= whitespaceTable();
  if (end <= start) return false;
  for (let i = start; i < end; i++) if (table[text.charCodeAt(i)] === 0) return false;
  return true;
}
