import { describe, expect, it } from 'vitest';
import { overlapSpans, overlapsAround } from './highlights.ts';

type Span = { start: number; end: number };

/** A small deterministic PRNG, so a failure can be replayed. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const keyed = (spans: Span[]) => new Map(spans.map((s) => [`${s.start}:${s.end}`, s]));

describe('overlap stretches recomputed around a change', () => {
  it('give the same stretches as recomputing from every annotation, over many random adds and removals', () => {
    const rand = prng(7);
    const span = (): Span => {
      const start = Math.floor(rand() * 400);
      return { start, end: start + 1 + Math.floor(rand() * 40) };
    };
    let annotations: Span[] = Array.from({ length: 60 }, span);
    let stretches = keyed(overlapSpans(annotations));
    for (let step = 0; step < 2000; step++) {
      const changed: Span[] = [];
      if (rand() < 0.5 || annotations.length < 5) {
        const a = span();
        annotations = [...annotations, a];
        changed.push(a);
      } else {
        const i = Math.floor(rand() * annotations.length);
        changed.push(annotations[i]!);
        annotations = annotations.filter((_, k) => k !== i);
      }
      const { lo, hi, fresh } = overlapsAround(stretches.values(), annotations, changed);
      for (const [key, s] of [...stretches]) if (s.start >= lo && s.end <= hi && !fresh.has(key)) stretches.delete(key);
      for (const [key, s] of fresh) stretches.set(key, s);
      expect([...stretches.keys()].sort()).toEqual([...keyed(overlapSpans(annotations)).keys()].sort());
    }
  });
});
