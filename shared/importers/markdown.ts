/**
 * Markdown → document text and line structure (see docs/IMPORT.md, "Markdown"). Every block of the Markdown
 * becomes one or more lines; the text is exactly the lines joined by '\n', and blocks[i] says how line i is shown.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Block } from '../model.ts';
import { normaliseText } from '../normalize.ts';
import { normaliseDate } from './dates.ts';
import { collapseWhitespace, joinLines, titleFromFileName, type Line } from './text-util.ts';
import type { ImportedDraft } from './types.ts';

type Root = ReturnType<typeof fromMarkdown>;
type MdNode = Root | Root['children'][number];
type Phrasing = Extract<MdNode, { type: 'paragraph' }>['children'][number];

/** Where a block sits: inside a quote everything is a quote line; inside a list item, a list-item line. */
interface Context {
  quote: boolean;
  list?: { ordered: boolean };
}

export function markdownToDraft(markdown: string, fileName: string): ImportedDraft {
  const { body, meta } = splitFrontMatter(normaliseText(markdown));
  const tree = fromMarkdown(body);
  const lines: Line[] = [];
  for (const child of tree.children) blockLines(child, { quote: false }, lines);
  const firstH1 = tree.children.find((n) => n.type === 'heading' && n.depth === 1);
  const h1 = firstH1 && firstH1.type === 'heading' ? collapseWhitespace(inlineText(firstH1.children, false).join(' ')) : '';
  const source: ImportedDraft['source'] = { kind: 'markdown', fileName };
  if (meta.author) source.author = meta.author;
  if (meta.outlet) source.outlet = meta.outlet;
  if (meta.url) source.url = meta.url;
  const published = normaliseDate(meta.date);
  if (published) source.published = published;
  return { title: normaliseText(meta.title || h1 || titleFromFileName(fileName)), ...joinLines(lines), source };
}

function lineBlock(ctx: Context, own: Block): Block {
  if (ctx.quote) return { type: 'quote' };
  if (ctx.list) return { type: 'list-item', ordered: ctx.list.ordered };
  return own;
}

function push(out: Line[], text: string, block: Block): void {
  const trimmed = text.trim();
  if (trimmed !== '') out.push({ text: trimmed, block });
}

function blockLines(node: MdNode, ctx: Context, out: Line[]): void {
  switch (node.type) {
    case 'heading':
      push(out, inlineText(node.children, false).join(' '), lineBlock(ctx, { type: 'heading', level: node.depth }));
      return;
    case 'paragraph':
      for (const segment of inlineText(node.children, ctx.quote || !ctx.list)) push(out, segment, lineBlock(ctx, { type: 'paragraph' }));
      return;
    case 'blockquote':
      for (const child of node.children) blockLines(child, { ...ctx, quote: true }, out);
      return;
    case 'list':
      for (const item of node.children) {
        for (const child of item.children) blockLines(child, { ...ctx, list: { ordered: node.ordered === true } }, out);
      }
      return;
    case 'code':
      // Verbatim, one line per line of code; a code line is not a list item even inside one.
      for (const line of node.value.split('\n')) {
        if (line.trim() !== '') out.push({ text: line, block: ctx.quote ? { type: 'quote' } : { type: 'paragraph' } });
      }
      return;
    case 'html':
      for (const line of htmlBlockText(node.value)) push(out, line, lineBlock(ctx, { type: 'paragraph' }));
      return;
    case 'thematicBreak':
    case 'definition':
      return;
    default:
      if ('children' in node) for (const child of node.children as MdNode[]) blockLines(child, ctx, out);
  }
}

/**
 * The visible text of inline content. A hard line break (two trailing spaces, a backslash, or <br>) starts a new
 * line when `splitOnBreak` (paragraphs and quotes), and is a space otherwise (headings and list items, where a
 * second line would show as a second heading or bullet). Soft line breaks are spaces. Images are dropped.
 */
function inlineText(nodes: readonly Phrasing[], splitOnBreak: boolean): string[] {
  const segments: string[] = [''];
  const append = (s: string) => {
    segments[segments.length - 1] += s;
  };
  const lineBreak = () => {
    if (splitOnBreak) segments.push('');
    else append(' ');
  };
  const walk = (list: readonly Phrasing[]) => {
    for (const node of list) {
      switch (node.type) {
        case 'text':
        case 'inlineCode':
          append(node.value.replace(/[ \t]*\n[ \t]*/g, ' '));
          break;
        case 'break':
          lineBreak();
          break;
        case 'html':
          if (/^<br\s*\/?>$/i.test(node.value)) lineBreak();
          break;
        case 'image':
        case 'imageReference':
        case 'footnoteReference':
          break;
        default:
          if ('children' in node) walk(node.children as Phrasing[]);
      }
    }
  };
  walk(nodes);
  return segments;
}

/** The text of a raw HTML block: comments, scripts and styles removed, tags dropped, block tags end lines. */
function htmlBlockText(html: string): string[] {
  const text = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/<(script|style|template|svg|iframe|noscript)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, '')
    .replace(/<\/?(?:p|div|br|li|h[1-6]|blockquote|tr|section|article|pre|figcaption|table|ul|ol)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .split('\n')
    .map(collapseWhitespace)
    .filter((l) => l !== '');
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(s: string): string {
  return s.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]+));/gi, (whole, dec: string, hex: string, name: string) => {
    const code = dec ? Number(dec) : hex ? parseInt(hex, 16) : undefined;
    if (code !== undefined) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

interface FrontMatter {
  title?: string;
  author?: string;
  date?: string;
  url?: string;
  outlet?: string;
}

const FRONT_MATTER_KEYS: Record<string, keyof FrontMatter> = {
  title: 'title',
  author: 'author',
  byline: 'author',
  date: 'date',
  published: 'date',
  url: 'url',
  canonical: 'url',
  canonical_url: 'url',
  source: 'outlet',
  outlet: 'outlet',
  site: 'outlet',
  site_name: 'outlet',
  publisher: 'outlet',
};

/**
 * YAML front matter (a first line '---', closed by '---' or '...') is metadata, not article text: it is removed
 * before parsing, and its simple `key: value` lines give title, author, date, url and outlet.
 */
function splitFrontMatter(text: string): { body: string; meta: FrontMatter } {
  const match = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  // A thematic break followed by a setext heading looks the same; front matter starts with a `key:` line.
  if (!match || !/^\s*[A-Za-z_][\w-]*[ \t]*:/.test(match[1] ?? '')) return { body: text, meta: {} };
  const meta: FrontMatter = {};
  for (const line of (match[1] ?? '').split('\n')) {
    const kv = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$/.exec(line);
    if (!kv) continue;
    const key = FRONT_MATTER_KEYS[(kv[1] ?? '').toLowerCase().replace(/-/g, '_')];
    const value = unquote((kv[2] ?? '').trim());
    if (key && value !== '' && meta[key] === undefined) meta[key] = value;
  }
  return { body: text.slice(match[0].length), meta };
}

function unquote(v: string): string {
  if (v.length >= 2 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")))) return v.slice(1, -1);
  return v;
}
