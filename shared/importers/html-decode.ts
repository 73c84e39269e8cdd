/**
 * Bytes of a saved web page → normalised text, as a browser would decode them: a BOM wins, then a charset
 * declared in the first 1024 bytes (<meta charset> or http-equiv Content-Type), then UTF-8, and pages that are
 * not valid UTF-8 and declare nothing are read as windows-1252 (the web's default for unlabelled pages).
 */
import { decodeTextFile, normaliseText, type DecodeResult } from '../normalize.ts';

export function decodeHtmlFile(bytes: Uint8Array): DecodeResult {
  const bom = (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (bytes.length === 0 || bom || hasNul(bytes)) return decodeTextFile(bytes);
  const label = declaredCharset(bytes);
  let text: string;
  if (label && label !== 'utf-8') {
    text = decodeAs(label, bytes);
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      // Declared UTF-8 with a few bad bytes shows replacement characters in a browser; undeclared is legacy.
      text = decodeAs(label ? 'utf-8' : 'windows-1252', bytes);
    }
  }
  const normalised = normaliseText(text);
  if (normalised.trim() === '') return { ok: false, reason: 'the file has no text' };
  return { ok: true, text: normalised };
}

/** The encoding a page declares, as TextDecoder names it; UTF-16 without a BOM is read as UTF-8 (HTML spec). */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 1024));
  const match = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (!match?.[1]) return undefined;
  let encoding: string;
  try {
    encoding = new TextDecoder(match[1]).encoding;
  } catch {
    return undefined;
  }
  return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
}

function hasNul(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 1 << 16).includes(0);
}

/** windows-1252 bytes 0x80–0x9F, which some TextDecoders (Node 20) wrongly decode as ISO-8859-1 C1 controls. */
const CP1252_C1 = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeAs(encoding: string, bytes: Uint8Array): string {
  const text = new TextDecoder(encoding).decode(bytes);
  return encoding === 'windows-1252' ? fixC1(text) : text;
}

function fixC1(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1.charAt(c.charCodeAt(0) - 0x80));
}
