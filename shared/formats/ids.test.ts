import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../hash.ts';
import { prngString } from '../text/testing.ts';
import { stableUuid } from './ids.ts';

/** The id as it was derived with Web Crypto (shared/hash.ts): the same parts must keep giving the same id. */
async function reference(...parts: (string | number)[]): Promise<string> {
  const hex = await sha256Hex(parts.map(String).join('\u001f'));
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

describe('stableUuid', () => {
  it('is the Web Crypto SHA-256 derivation, on random parts with astral characters, lone surrogates and long texts', async () => {
    const next = prngString([['a', 'Z', ' ', '\n', 'é', 'ж'], ['😀', '👩‍👩‍👧', '🇺🇦', '𠮷'], ['\ud800', '\udc00'], ['俄罗斯', 'قال', '\u0301']], [6, 2, 1, 2], 5);
    for (let n = 0; n < 300; n++) {
      const parts = ['annotation', next(n % 50), n, n * 7 + 3, next(3), next(n % 5)];
      expect(stableUuid(...parts)).toBe(await reference(...parts));
    }
    const long = next(20_000);
    expect(stableUuid('document', long)).toBe(await reference('document', long));
  });

  it('is UUID-shaped, version 8, RFC variant, and the same as in files already imported', () => {
    // SHA-256("document\u001fabc") = 620a4b31ac54ab998560aa65ec86b141a9afff19771fad84dfcd99e8363bd414
    expect(stableUuid('document', 'abc')).toBe('620a4b31-ac54-8b99-8560-aa65ec86b141');
    expect(stableUuid('annotation', 'x', 1, 2)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
