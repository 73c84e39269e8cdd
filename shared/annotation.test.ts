import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InvalidSpanError, compareReadingOrder, makeAnnotation } from './annotation.ts';
import { sha256Hex } from './hash.ts';

describe('makeAnnotation', () => {
  const text = 'Moscow denied responsibility for the strike.';
  const draft = { documentId: 'd1', annotator: 'Ana', label: 'denial' as const, start: 7, end: 13 };

  it('derives quote, prefix and suffix and stamps times and a UUID', () => {
    const a = makeAnnotation(text, draft, '2026-01-01T00:00:00.000Z');
    expect(a).toMatchObject({ quote: 'denied', prefix: 'Moscow ', suffix: ' responsibility for the strike.', label: 'denial' });
    expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.createdAt).toBe(a.updatedAt);
  });

  it('refuses empty, reversed and out-of-range spans', () => {
    for (const [start, end] of [[3, 3], [5, 2], [-1, 2], [40, 99]]) {
      expect(() => makeAnnotation(text, { ...draft, start: start!, end: end! }, 'now')).toThrow(InvalidSpanError);
    }
  });
});

describe('compareReadingOrder', () => {
  it('orders by start, longer first on ties', () => {
    const base = makeAnnotation('abcdefgh', { documentId: 'd', annotator: 'A', label: 'claim', start: 2, end: 4 }, 't');
    const longer = { ...base, id: 'b', end: 6 };
    const earlier = { ...base, id: 'c', start: 0 };
    expect([base, longer, earlier].sort(compareReadingOrder).map((a) => a.id)).toEqual(['c', 'b', base.id]);
  });
});

describe('sha256Hex', () => {
  it('hashes the UTF-8 bytes', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    for (const s of ['é', '👩‍👩‍👧', 'a\nb']) {
      expect(await sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
    }
  });
});
