/**
 * Text is normalised exactly once, on import, and never changed after, so stored offsets stay valid:
 *  1. a leading byte-order mark is removed;
 *  2. CRLF and lone CR line breaks become LF;
 *  3. the text is put in Unicode Normalization Form C.
 * Nothing else changes: tabs, non-breaking spaces, curly quotes and trailing spaces are kept.
 */
export function normaliseText(raw: string): string {
  let text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  text = text.replace(/\r\n?/g, '\n');
  return text.normalize('NFC');
}

export type DecodeResult = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Decodes the bytes of a text file: UTF-8 with or without BOM, or UTF-16 when it starts with a BOM.
 * Returns a reason a person can act on when the bytes are not text, and the normalised text otherwise.
 */
export function decodeTextFile(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };
  let text: string;
  const bom16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  try {
    if (bom16) {
      const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
      text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
    } else {
      const nul = firstNul(bytes);
      if (nul !== -1) return { ok: false, reason: looksLikeUtf16(bytes) ? 'it looks like UTF-16 text without a byte-order mark; save it as UTF-8' : 'it is a binary file, not text' };
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    }
  } catch {
    return { ok: false, reason: bom16 ? 'it is not valid UTF-16 text' : 'it is not valid UTF-8 text (is it in another encoding?)' };
  }
  if (hasBinaryControls(text)) return { ok: false, reason: 'it is a binary file, not text' };
  const normalised = normaliseText(text);
  if (normalised.trim() === '') return { ok: false, reason: 'the file has no text' };
  return { ok: true, text: normalised };
}

function firstNul(bytes: Uint8Array): number {
  // the native search: a JS loop here was a measurable share of importing 10,000 small files
  return bytes.subarray(0, 1 << 16).indexOf(0);
}

/** UTF-16 of mostly-Latin text has a NUL in every other byte. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096) & ~1;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  return pairs > 0 && (evenNul / pairs > 0.3 || oddNul / pairs > 0.3);
}

/** C0 controls other than tab, LF, FF and CR do not occur in text a person wrote. */
function hasBinaryControls(text: string): boolean {
  const sample = text.length > 1 << 16 ? text.slice(0, 1 << 16) : text;
  // almost all text has none: one native regex scan decides, the count runs only when there are some
  if (!/[\x00-\x08\x0b\x0e-\x1f]/.test(sample)) return false;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) controls++;
  }
  return controls > 0 && controls / sample.length > 0.001;
}
