import { describe, expect, it } from 'vitest';
import { ArticlePlan, firstChunkFor } from './buildArticle.ts';

const paragraph = (i: number) => `Paragraph ${i}: ${'word '.repeat(120).trim()}.`;

describe('ArticlePlan', () => {
  const lines = Array.from({ length: 400 }, (_, i) => paragraph(i));
  const plan = new ArticlePlan(lines.join('\n'), undefined, firstChunkFor(860));

  it('splits the article into chunks that cover every line once, in order', () => {
    expect(plan.chunkStarts[0]).toBe(0);
    expect(plan.chunkStarts.at(-1)).toBe(lines.length);
    for (let i = 1; i < plan.chunkStarts.length; i++) expect(plan.chunkStarts[i]!).toBeGreaterThan(plan.chunkStarts[i - 1]!);
    expect(plan.chunkEnd(plan.chunkCount - 1)).toBe(lines.join('\n').length);
  });

  it('keeps the first chunk (rendered before the reader first shows) to about what the window shows, the others larger', () => {
    for (const height of [600, 860, 1440]) {
      const sized = new ArticlePlan(lines.join('\n'), undefined, firstChunkFor(height));
      const size = (i: number) => sized.chunkStarts[i + 1]! - sized.chunkStarts[i]!;
      const firstChars = sized.chunkEnd(0);
      // a window shows ~2.2 characters a pixel of its height at the reader's type and measure (reader.css)
      expect(firstChars).toBeGreaterThan(height * 2.2);
      expect(firstChars).toBeLessThanOrEqual(height * 3 + paragraph(0).length);
      expect(size(1)).toBeGreaterThan(size(0));
    }
  });

  it('ends the first chunk within its block count on short lines', () => {
    const short = new ArticlePlan(Array.from({ length: 100 }, (_, i) => `Line ${i}.`).join('\n'), undefined, firstChunkFor(860));
    expect(short.chunkStarts[1]).toBe(firstChunkFor(860).blocks);
  });

  it('finds the chunk of an offset', () => {
    const inThird = plan.lineStarts[plan.chunkStarts[2]!]! + 5;
    expect(plan.chunkOf(inThird)).toBe(2);
    expect(plan.chunkOf(0)).toBe(0);
  });
});
