/** Decoding imported files and normalising their text the way the app does, keeping offsets valid. */
import { normaliseText } from '../normalize.ts';
import type { FormatFile } from './types.ts';

export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

/** The text of an input file: UTF-8 (a BOM is dropped) or UTF-16 with a BOM. Not normalised. */
export function decodeFile(file: FormatFile): Decoded {
  if (typeof file.data === 'string') return { ok: true, text: stripBom(file.data) };
  const b = file.data;
  try {
    if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) {
      return { ok: true, text: new TextDecoder(b[0] === 0xff ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(b) };
    }
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(b) };
  } catch {
    return { ok: false, reason: 'it is not valid UTF-8 text' };
  }
}

function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

export interface NormalisedText {
  text: string;
  /**
   * Maps a UTF-16 offset of the raw text to the normalised text, or null when normalisation changed more than line
   * breaks and a BOM (Unicode NFC composed characters): then spans are found again by their quote.
   */
  map: ((rawOffset: number) => number) | null;
}

/** Same result as shared/normalize.ts normaliseText, plus an offset map for the common CRLF/BOM case. */
export function normaliseWithMap(raw: string): NormalisedText {
  const text = normaliseText(raw);
  if (text === raw) return { text, map: (i) => i };
  // positions in the raw text of characters that normalisation removes: a leading BOM and the CR of each CRLF
  const removed: number[] = [];
  if (raw.charCodeAt(0) === 0xfeff) removed.push(0);
  for (let i = raw.indexOf('\r\n'); i !== -1; i = raw.indexOf('\r\n', i + 2)) removed.push(i);
  let stepped = raw;
  if (removed.length) {
    let out = '';
    let from = 0;
    for (const r of removed) {
      out += raw.slice(from, r);
      from = r + 1;
    }
    stepped = (out + raw.slice(from)).replace(/\r/g, '\n');
  } else {
    stepped = raw.replace(/\r/g, '\n');
  }
  if (stepped !== text) return { text, map: null };
  return {
    text,
    map(offset) {
      let k = 0;
      while (k < removed.length && removed[k]! < offset) k++;
      return offset - k;
    },
  };
}
