// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { snapToWords } from '../../shared/anchoring/snap.ts';
import { normaliseText } from '../../shared/normalize.ts';
import { TextMap } from './textMap.ts';

/** Renders text the way the reader does: one block per line, one text node per non-empty line. */
function render(text: string) {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  const entries: { node: Text; start: number }[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const p = document.createElement('p');
    if (line) {
      const span = document.createElement('span');
      const node = document.createTextNode(line);
      span.append(node);
      p.append(span);
      entries.push({ node, start: offset });
    } else p.append(document.createElement('br'));
    root.append(p);
    offset += line.length + 1;
  }
  return { root, map: new TextMap(root, entries, text.length), entries };
}

describe('TextMap', () => {
  const text = normaliseText('\uFEFFKyiv said 👩‍👩‍👧 fled.\r\n\r\nMoscow denied it 🇺🇦.\r\n');

  it('maps document spans to DOM ranges whose text is the span, across lines and after emoji', () => {
    const { map } = render(text);
    for (const needle of ['👩‍👩‍👧 fled', 'Moscow denied', 'fled.\n\nMoscow', '🇺🇦.']) {
      const start = text.indexOf(needle);
      const range = map.toRange(start, start + needle.length)!;
      expect(range.toString()).toBe(needle.replace(/\n/g, ''));
    }
  });

  it('maps DOM points back to document offsets (the selection → offsets path)', () => {
    const { map, entries } = render(text);
    const second = entries[1]!;
    expect(map.toOffset(second.node, 7)).toBe(text.indexOf('denied'));
    // a point at an element boundary (as after a triple click) maps to the next text
    const blank = second.node.parentElement!.parentElement!.previousElementSibling!;
    expect(map.toOffset(blank, 0)).toBe(text.indexOf('Moscow'));
    // a point outside the article is refused
    expect(map.toOffset(document.body, 0)).toBeNull();
  });

  it('with snapping, a selection from inside an emoji to inside a word gives whole graphemes and words', () => {
    const { map, entries } = render(text);
    const first = entries[0]!.node;
    const family = first.data.indexOf('👩');
    const start = map.toOffset(first, family + 3)!; // inside the ZWJ sequence
    const end = map.toOffset(first, first.data.indexOf('fled') + 2)!;
    const span = snapToWords(text, start, end)!;
    expect(text.slice(span.start, span.end)).toBe('👩‍👩‍👧 fled');
  });

  it('ranges ending in the gap between lines stop at the end of the line', () => {
    const { map } = render(text);
    const lineEnd = text.indexOf('\n');
    expect(map.toRange(0, lineEnd + 1)!.toString()).toBe(text.slice(0, lineEnd));
  });

  it('while rendered in parts: only rendered spans map, toRange renders ahead on demand, later parts append', () => {
    const long = 'First line here.\nSecond line there.\nThird line at last.';
    const { root, entries } = render(long);
    const firstEnd = long.indexOf('\n');
    const map = new TextMap(root, entries.slice(0, 1), long.length, firstEnd);
    const third = long.indexOf('Third');
    expect(map.complete).toBe(false);
    expect(map.renderedRange(0, 5)!.toString()).toBe('First');
    expect(map.renderedRange(third, third + 5)).toBeNull(); // not rendered yet: the painter waits
    const asked: number[] = [];
    map.renderUpTo = (offset) => {
      asked.push(offset);
      map.append(entries.slice(1), long.length);
    };
    expect(map.toRange(third, third + 5)!.toString()).toBe('Third');
    expect(asked).toEqual([third + 5]);
    expect(map.complete).toBe(true);
    expect(map.toOffset(entries[2]!.node, 0)).toBe(third);
  });
});
