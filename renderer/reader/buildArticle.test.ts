import { describe, expect, it } from 'vitest';
import { ArticlePlan } from './buildArticle.ts';

const paragraph = (i: number) => `Paragraph ${i}: ${'word '.repeat(120).trim()}.`;

describe('ArticlePlan', () => {
  const lines = Array.from({ length: 400 }, (_, i) => paragraph(i));
  const plan = new ArticlePlan(lines.join('\n'));

  it('splits the article into chunks that cover every line once, in order', () => {
    expect(plan.chunkStarts[0]).toBe(0);
    expect(plan.chunkStarts.at(-1)).toBe(lines.length);
    for (let i = 1; i < plan.chunkStarts.length; i++) expect(plan.chunkStarts[i]!).toBeGreaterThan(plan.chunkStarts[i - 1]!);
    expect(plan.chunkEnd(plan.chunkCount - 1)).toBe(lines.join('\n').length);
  });

  it('keeps the first chunk (rendered before the reader first shows) to about a screenful, the others larger', () => {
    const size = (i: number) => plan.chunkStarts[i + 1]! - plan.chunkStarts[i]!;
    const firstChars = plan.chunkEnd(0);
    expect(firstChars).toBeLessThanOrEqual(8_000 + paragraph(0).length);
    expect(firstChars).toBeGreaterThan(3_000); // more than a tall window shows at the reader's measure
    expect(size(1)).toBeGreaterThan(size(0));
  });

  it('finds the chunk of an offset', () => {
    const inThird = plan.lineStarts[plan.chunkStarts[2]!]! + 5;
    expect(plan.chunkOf(inThird)).toBe(2);
    expect(plan.chunkOf(0)).toBe(0);
  });
});
