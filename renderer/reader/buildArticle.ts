import { $createListItemNode, $createListNode, type ListNode } from '@lexical/list';
import { $createHeadingNode, $createQuoteNode, type HeadingTagType } from '@lexical/rich-text';
import { $createParagraphNode, $createTextNode, $getRoot, type ElementNode, type NodeKey } from 'lexical';
import type { Block } from '../../shared/model.ts';

/** Where each Lexical text node starts in the document text: how offsets find their way to the DOM. */
export interface TextNodeStart {
  key: NodeKey;
  start: number;
}

/**
 * Replaces the editor content with the document: one block per line of text ('\n' separates lines, so the line at
 * index i starts right after the i-th newline). Runs inside editor.update(). Returns the text node starts in order.
 */
export function $buildArticle(text: string, blocks?: Block[]): TextNodeStart[] {
  const root = $getRoot();
  root.clear();
  const starts: TextNodeStart[] = [];
  let offset = 0;
  let list: ListNode | null = null;
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const block = blocks?.[i] ?? { type: 'paragraph' };
    const element = $createBlock(block);
    if (block.type === 'list-item') {
      const ordered = !!block.ordered;
      if (!list || (list.getListType() === 'number') !== ordered) {
        list = $createListNode(ordered ? 'number' : 'bullet');
        root.append(list);
      }
      list.append(element);
    } else {
      list = null;
      root.append(element);
    }
    if (line.length > 0) {
      const node = $createTextNode(line);
      element.append(node);
      starts.push({ key: node.getKey(), start: offset });
    }
    offset += line.length + 1;
  });
  return starts;
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
