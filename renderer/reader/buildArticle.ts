import { $createListItemNode, $createListNode, $isListNode, type ListNode } from '@lexical/list';
import { $createHeadingNode, $createQuoteNode, type HeadingTagType } from '@lexical/rich-text';
import { $createParagraphNode, $createTextNode, $getRoot, ElementNode, type NodeKey } from 'lexical';
import type { Block } from '../../shared/model.ts';

/** Where each Lexical text node starts in the document text: how offsets find their way to the DOM. */
export interface TextNodeStart {
  key: NodeKey;
  start: number;
}

/**
 * A run of consecutive article blocks in one <div class="article-chunk">. Why: the chunk is the unit that
 * `content-visibility: auto` skips when off screen (reader.css). Per block, Chromium's bookkeeping made scrolling
 * drop frames; without it, any repaint with thousands of CSS highlights repainted the whole article (~200 ms).
 * Chunks of a few dozen blocks keep both to what is on screen. It is also the unit the article is rendered in.
 */
export class ArticleChunkNode extends ElementNode {
  override $config() {
    return this.config('article-chunk', { extends: ElementNode });
  }

  override createDOM(): HTMLElement {
    const div = document.createElement('div');
    div.className = 'article-chunk';
    return div;
  }

  override updateDOM(): boolean {
    return false;
  }

  /** It holds blocks, as the root does. */
  override isShadowRoot(): boolean {
    return true;
  }
}

/**
 * A chunk ends after this many blocks or characters, whichever comes first. A chunk is rendered in one piece, so its
 * size bounds a render slice: at 60 blocks / 40,000 characters a slice took 40–60 ms on a loaded machine, holding up
 * the frame after the first screen and any key pressed while a long article loads; at this size it takes ~15 ms.
 */
const CHUNK_BLOCKS = 20;
const CHUNK_CHARS = 12_000;
/** How much the first chunk holds at most (and one line more). */
export interface FirstChunk {
  blocks: number;
  chars: number;
}

/**
 * The first chunk is smaller: it is rendered before the reader first shows, so it holds what a window `height` px
 * tall can show and little more; the rest follow in slices. At the reader's type and measure (reader.css: ~69
 * characters a line of ~32 px, a paragraph at least ~51 px with its margin) a pixel of height shows ~2.2 characters:
 * 3 a pixel leaves room. Measured in the 200k-word bench article at 860 px: a first chunk of 8,000 characters put the
 * first screen ~15 ms later than one of 4,000 (layout, paint and Lexical's work grow with it).
 */
export function firstChunkFor(height: number): FirstChunk {
  return { blocks: Math.ceil(height / 50) + 1, chars: Math.ceil(height * 3) };
}

/** An article split into lines (one block each) and chunks of lines, ready to be rendered chunk by chunk. */
export class ArticlePlan {
  readonly lines: string[];
  /** Document offset where each line starts. */
  readonly lineStarts: number[];
  /** Index of the first line of each chunk, and lines.length at the end. */
  readonly chunkStarts: number[];

  constructor(
    text: string,
    private readonly blocks: Block[] | undefined,
    first: FirstChunk,
  ) {
    this.lines = text.split('\n');
    this.lineStarts = [];
    this.chunkStarts = [0];
    let offset = 0;
    let chars = 0;
    this.lines.forEach((line, i) => {
      this.lineStarts.push(offset);
      offset += line.length + 1;
      chars += line.length + 1;
      const inChunk = i + 1 - this.chunkStarts[this.chunkStarts.length - 1]!;
      const isFirst = this.chunkStarts.length === 1;
      const [maxBlocks, maxChars] = isFirst ? [first.blocks, first.chars] : [CHUNK_BLOCKS, CHUNK_CHARS];
      // a list is not split across chunks (its items must stay in one list element)
      const nextIsSameList = this.block(i).type === 'list-item' && this.block(i + 1).type === 'list-item' && inChunk < CHUNK_BLOCKS * 4;
      if (i + 1 < this.lines.length && (inChunk >= maxBlocks || chars >= maxChars) && !nextIsSameList) {
        this.chunkStarts.push(i + 1);
        chars = 0;
      }
    });
    this.chunkStarts.push(this.lines.length);
  }

  get chunkCount(): number {
    return this.chunkStarts.length - 1;
  }

  /** The document offset just past chunk `i` (its last line's end). */
  chunkEnd(i: number): number {
    const last = this.chunkStarts[i + 1]! - 1;
    return this.lineStarts[last]! + this.lines[last]!.length;
  }

  /** The chunk holding a document offset. */
  chunkOf(offset: number): number {
    let lo = 0;
    let hi = this.chunkCount - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.chunkEnd(mid) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  block(i: number): Block {
    return this.blocks?.[i] ?? { type: 'paragraph' };
  }
}

/** A rough height for chunk `index` before it is laid out (px): lines of text at the reader's measure, plus margins. */
export function estimatedChunkHeight(plan: ArticlePlan, index: number): number {
  let height = 0;
  for (let i = plan.chunkStarts[index]!; i < plan.chunkStarts[index + 1]!; i++) height += 26 * Math.max(1, Math.ceil(plan.lines[i]!.length / 85)) + 16;
  return height;
}

/** Empties the editor (inside editor.update()), before the first chunk is appended. */
export function $clearArticle(): void {
  $getRoot().clear();
}

/**
 * Appends chunk `index` of the plan to the editor content, one block per line ('\n' separates lines, so the line at
 * index i starts right after the i-th newline). Runs inside editor.update(). Returns the chunk's key and its text node starts in order.
 */
export function $appendChunk(plan: ArticlePlan, index: number): { chunk: NodeKey; starts: TextNodeStart[] } {
  const chunk = new ArticleChunkNode();
  $getRoot().append(chunk);
  const starts: TextNodeStart[] = [];
  let list: ListNode | null = null;
  for (let i = plan.chunkStarts[index]!; i < plan.chunkStarts[index + 1]!; i++) {
    const block = plan.block(i);
    const element = $createBlock(block);
    if (block.type === 'list-item') {
      const ordered = !!block.ordered;
      if (!$isListNode(list) || (list.getListType() === 'number') !== ordered) {
        list = $createListNode(ordered ? 'number' : 'bullet');
        chunk.append(list);
      }
      list.append(element);
    } else {
      list = null;
      chunk.append(element);
    }
    const line = plan.lines[i]!;
    if (line.length > 0) {
      const node = $createTextNode(line);
      element.append(node);
      starts.push({ key: node.getKey(), start: plan.lineStarts[i]! });
    }
  }
  return { chunk: chunk.getKey(), starts };
}

function $createBlock(block: Block): ElementNode {
  switch (block.type) {
    case 'heading':
      return $createHeadingNode(`h${Math.min(6, Math.max(1, block.level ?? 2))}` as HeadingTagType);
    case 'quote':
      return $createQuoteNode();
    case 'list-item':
      return $createListItemNode();
    default:
      return $createParagraphNode();
  }
}
