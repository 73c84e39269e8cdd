/**
 * Maps document offsets (UTF-16) to DOM positions in the rendered article and back. Built from the text nodes in
 * document order; lookups are binary searches. A long article is rendered in chunks (Reader.tsx): `append` adds the
 * text nodes of each chunk as it lands, `renderedEnd` says how far the DOM reaches, and `toRange` asks the reader to
 * render up to an offset first (so revealing or finding text not rendered yet still works).
 */
export class TextMap {
  private readonly nodes: Text[] = [];
  private readonly starts: number[] = [];
  private readonly index = new WeakMap<Text, number>();
  /** Document offset up to which the article is in the DOM (the whole text once fully rendered). */
  renderedEnd: number;
  /** Renders the article up to at least this offset, synchronously; set by the reader while it renders in chunks. */
  renderUpTo: ((offset: number) => void) | null = null;

  constructor(
    readonly root: HTMLElement,
    entries: { node: Text; start: number }[],
    private readonly textLength: number,
    renderedEnd = textLength,
  ) {
    this.renderedEnd = renderedEnd;
    this.append(entries, renderedEnd);
  }

  /** Adds the text nodes of a newly rendered stretch that ends at `renderedEnd` (entries follow the ones held). */
  append(entries: { node: Text; start: number }[], renderedEnd: number): void {
    for (const e of entries) {
      this.index.set(e.node, this.nodes.length);
      this.nodes.push(e.node);
      this.starts.push(e.start);
    }
    this.renderedEnd = renderedEnd;
  }

  get complete(): boolean {
    return this.renderedEnd >= this.textLength;
  }

  /** A DOM Range covering [start, end) of the document, rendering up to `end` first; null if nothing of it is text. */
  toRange(start: number, end: number): Range | null {
    if (end > this.renderedEnd) this.renderUpTo?.(end);
    return this.renderedRange(start, end);
  }

  /** Like toRange, but null when [start, end) is not wholly rendered yet (never renders more). */
  renderedRange(start: number, end: number): Range | null {
    const bounds = this.bounds(start, end);
    if (!bounds) return null;
    const range = document.createRange();
    range.setStart(bounds.from.node, bounds.from.offset);
    range.setEnd(bounds.to.node, bounds.to.offset);
    return range;
  }

  /**
   * Like renderedRange, but a StaticRange: what highlights are painted with. A live Range is updated by the browser on
   * every DOM mutation anywhere in the document, so ten thousand of them made each node the panel added or removed
   * cost milliseconds; the article's text nodes never change while it is open, so static ranges stay right.
   */
  staticRange(start: number, end: number): StaticRange | null {
    const bounds = this.bounds(start, end);
    return bounds && new StaticRange({ startContainer: bounds.from.node, startOffset: bounds.from.offset, endContainer: bounds.to.node, endOffset: bounds.to.offset });
  }

  /** The DOM boundary points of [start, end), or null when it is not wholly rendered or covers no text. */
  private bounds(start: number, end: number): { from: { node: Text; offset: number }; to: { node: Text; offset: number } } | null {
    if (end > this.renderedEnd) return null;
    const from = this.position(start, 'forward');
    const to = this.position(end, 'backward');
    if (!from || !to) return null;
    const fromIndex = this.index.get(from.node)!;
    const toIndex = this.index.get(to.node)!;
    // collapsed or inverted (a span wholly inside the gap between two lines)
    if (fromIndex > toIndex || (fromIndex === toIndex && from.offset >= to.offset)) return null;
    return { from, to };
  }

  /** The document offset of a DOM point inside the article, or null when the point is outside it. */
  toOffset(node: Node, offset: number): number | null {
    if (!this.root.contains(node)) return null;
    if (node instanceof Text) {
      const i = this.index.get(node);
      if (i !== undefined) return this.starts[i]! + Math.min(offset, node.length);
    }
    // An element boundary (e.g. after a triple click): the first mapped text at or after the point.
    const point = document.createRange();
    point.setStart(node, offset);
    let lo = 0;
    let hi = this.nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (point.comparePoint(this.nodes[mid]!, 0) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.nodes.length ? this.starts[lo]! : this.renderedEnd;
  }

  /** Node and offset for a document offset; in the gap between lines, the next line start or the previous line end. */
  private position(offset: number, bias: 'forward' | 'backward'): { node: Text; offset: number } | null {
    if (this.nodes.length === 0) return null;
    let lo = 0;
    let hi = this.nodes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const node = this.nodes[lo]!;
    const start = this.starts[lo]!;
    if (offset >= start && offset <= start + node.length) return { node, offset: offset - start };
    if (offset < start) return bias === 'forward' ? { node, offset: 0 } : null;
    // past the end of this node: in the newline gap
    if (bias === 'backward') return { node, offset: node.length };
    const next = this.nodes[lo + 1];
    return next ? { node: next, offset: 0 } : null;
  }
}
