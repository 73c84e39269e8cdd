/**
 * Saved web page → draft (docs/IMPORT.md, "Web pages"). The page is a Document the caller parsed with DOMParser,
 * which is inert: no script runs and nothing loads. Readability finds the article in a clone; DOMPurify reduces
 * it to text-bearing elements with no attributes at all; the result is only walked for text and line structure,
 * never rendered or attached to a live document. Metadata is read from the original page.
 */
import { Readability } from '@mozilla/readability';
import DOMPurify, { type Config, type DOMPurify as Purifier, type WindowLike } from 'dompurify';
import type { Block, DocumentSource } from '../../shared/model.ts';
import { normaliseText } from '../../shared/normalize.ts';
import { normaliseDate } from '../../shared/importers/dates.ts';
import { joinLines, titleFromFileName, type Line } from '../../shared/importers/text-util.ts';
import type { DraftResult, ImportedDraft } from '../../shared/importers/types.ts';

/** Less article text than this (about a tweet) is a page without an article: a login wall, an index, an error. */
export const MIN_ARTICLE_CHARS = 140;

/** What the walk understands; everything else (media, forms, embeds, SVG, scripts) is gone before it starts. */
const ALLOWED_TAGS = [
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'br', 'wbr', 'hr', 'em', 'strong', 'b', 'i', 'u', 's', 'a', 'span',
  'small', 'sub', 'sup', 'mark', 'q', 'cite', 'abbr', 'time', 'del', 'ins', 'kbd', 'samp', 'var', 'bdi', 'bdo',
  'figure', 'figcaption', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'dl', 'dt', 'dd',
  'address', 'details', 'summary',
];

const PURIFY_CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
  ALLOWED_TAGS,
  ALLOWED_ATTR: [],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  RETURN_DOM_FRAGMENT: true,
};

const purifiers = new WeakMap<object, Purifier>();

function purifierFor(win: WindowLike): Purifier {
  let p = purifiers.get(win);
  if (!p) {
    p = DOMPurify(win);
    purifiers.set(win, p);
  }
  return p;
}

/**
 * The renderer's `parseHtml` for fileToDrafts: parses with the window's DOMParser (inert) and extracts the article.
 * In the app: `fileToDrafts(file, { parseHtml: makeHtmlParser(window) })`.
 */
export function makeHtmlParser(win: WindowLike & { DOMParser: typeof DOMParser }): (html: string, fileName: string) => DraftResult {
  return (html, fileName) => htmlToDraft(new win.DOMParser().parseFromString(html, 'text/html'), fileName, win);
}

/** Extracts the article of a parsed page. `win` supplies DOMPurify's DOM (the app window, or a jsdom window). */
export function htmlToDraft(doc: Document, fileName: string, win: WindowLike): DraftResult {
  const noArticle = `No article text found in ${fileName}.`;
  let article: ReturnType<Readability['parse']>;
  try {
    article = new Readability(doc.cloneNode(true) as Document).parse();
  } catch {
    return { ok: false, reason: `Could not import ${fileName}: the page could not be read.` };
  }
  if (!article?.content) return { ok: false, reason: noArticle };
  const fragment = purifierFor(win).sanitize(article.content, PURIFY_CONFIG);
  const lines = articleLines(fragment);
  const chars = lines.reduce((n, l) => n + l.text.length, 0);
  if (chars < MIN_ARTICLE_CHARS) {
    return { ok: false, reason: `No article text found in ${fileName}: it has only ${chars} characters of text outside menus, links and scripts.` };
  }
  const meta = pageMetadata(doc, article);
  const title = meta.title ?? titleFromFileName(fileName);
  if (meta.title && !startsWithHeadline(lines, meta.title)) lines.unshift({ text: meta.title, block: { type: 'heading', level: 1 } });

  const source: DocumentSource = { kind: 'html', fileName };
  if (meta.outlet) source.outlet = meta.outlet;
  if (meta.url) source.url = meta.url;
  if (meta.author) source.author = meta.author;
  if (meta.published) source.published = meta.published;
  const draft: ImportedDraft = { title, ...joinLines(lines), source };
  return { ok: true, draft };
}

/** The headline is text too (claims live in headlines): kept unless the article already opens with it. */
function startsWithHeadline(lines: Line[], title: string): boolean {
  const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const t = key(title);
  return lines.slice(0, 3).some((l) => key(l.text) === t);
}

// ---------------------------------------------------------------------------------------------------------------
// Structure: the sanitized article → lines.

interface Ctx {
  quote: boolean;
  /** Inside a list item: whether its list is numbered. */
  list?: boolean;
  /** The ordered-ness a child <li> takes from its <ol>/<ul>. */
  listParent?: boolean;
  heading?: number;
  pre: boolean;
}

const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'figure', 'figcaption', 'table', 'caption',
  'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'dl', 'dt', 'dd', 'address', 'details', 'summary', 'hr',
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * Walks the article: every block element ends a line, inline elements only add their text. Line types: anything
 * inside <blockquote> is a quote; inside <li> a list-item (numbered from its <ol>); <h1>–<h6> a heading; the rest
 * (p, div, pre, figcaption, table cells, …) a paragraph. <pre> keeps its text verbatim, one line per line; elsewhere
 * whitespace collapses as HTML shows it. <br> ends the line in paragraphs and quotes, and is a space in headings
 * and list items (a second line there would show as a second heading or bullet).
 */
function articleLines(root: Node): Line[] {
  const lines: Line[] = [];
  let buffer = '';

  const blockOf = (ctx: Ctx): Block => {
    if (ctx.quote) return { type: 'quote' };
    if (ctx.list !== undefined && !ctx.pre) return { type: 'list-item', ordered: ctx.list };
    if (ctx.heading) return { type: 'heading', level: ctx.heading };
    return { type: 'paragraph' };
  };

  const flush = (ctx: Ctx) => {
    const text = buffer;
    buffer = '';
    const block = blockOf(ctx);
    if (ctx.pre) {
      for (const line of text.split('\n')) if (line.trim() !== '') lines.push({ text: line, block });
      return;
    }
    // HTML collapses ASCII whitespace only; a line's ends are trimmed of any space, including non-breaking ones.
    const collapsed = text.replace(/[ \t\n\f\r]+/g, ' ').replace(/^\s+|\s+$/g, '');
    if (collapsed !== '') lines.push({ text: collapsed, block });
  };

  const walk = (node: Node, ctx: Ctx) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        buffer += (child as Text).data;
        continue;
      }
      if (child.nodeType !== ELEMENT_NODE) continue;
      const tag = (child as Element).localName;
      if (tag === 'br') {
        if (ctx.pre) buffer += '\n';
        else if (!ctx.quote && (ctx.heading || ctx.list !== undefined)) buffer += ' ';
        else flush(ctx);
        continue;
      }
      let inner: Ctx | undefined;
      if (/^h[1-6]$/.test(tag)) inner = { ...ctx, heading: Number(tag.charAt(1)) };
      else if (tag === 'blockquote') inner = { ...ctx, quote: true };
      else if (tag === 'ul' || tag === 'ol') inner = { ...ctx, listParent: tag === 'ol' };
      else if (tag === 'li') inner = { ...ctx, list: ctx.listParent ?? false };
      else if (tag === 'pre') inner = { ...ctx, pre: true };
      else if (BLOCKS.has(tag)) inner = ctx;
      if (!inner) {
        walk(child, ctx);
        continue;
      }
      flush(ctx);
      walk(child, inner);
      flush(inner);
    }
  };

  walk(root, { quote: false, pre: false });
  return lines;
}

// ---------------------------------------------------------------------------------------------------------------
// Metadata: from the original page, first found wins.

export interface PageMetadata {
  title?: string;
  author?: string;
  outlet?: string;
  /** ISO 8601 when the page's spelling could be read (shared/importers/dates.ts). */
  published?: string;
  /** Absolute http(s) address of the article. */
  url?: string;
}

type ReadabilityArticle = NonNullable<ReturnType<Readability['parse']>>;

/**
 * title: og:title, twitter:title, JSON-LD headline, <title> (less a trailing " | Site"), Readability's title;
 * author: meta author, article:author (not when it is a profile URL), JSON-LD author names, Readability's byline;
 * outlet: og:site_name, JSON-LD publisher.name, Readability's site name;
 * published: article:published_time, JSON-LD datePublished, <time datetime>, meta date variants;
 * url: <link rel=canonical>, og:url, JSON-LD url / mainEntityOfPage — absolute http(s) only.
 */
export function pageMetadata(doc: Document, article?: Partial<ReadabilityArticle> | null): PageMetadata {
  const metas = metaMap(doc);
  const ld = jsonLdArticle(doc);
  const m = (...keys: string[]) => first(keys.map((k) => metas.get(k)));
  const outlet = first([m('og:site_name'), ldName(ld?.['publisher']), article?.siteName]);
  const result: PageMetadata = {};
  const title = first([m('og:title', 'twitter:title'), str(ld?.['headline']), documentTitle(doc, outlet), article?.title]);
  if (title) result.title = title;
  const author = first([m('author'), notUrl(m('article:author')), ldNames(ld?.['author']), article?.byline].map(stripBy));
  if (author) result.author = author;
  if (outlet) result.outlet = outlet;
  const timeEl = doc.querySelector('article time[datetime]') ?? doc.querySelector('time[datetime]');
  const published = first([
    m('article:published_time'),
    str(ld?.['datePublished']),
    timeEl?.getAttribute('datetime'),
    m('date', 'pubdate', 'publishdate', 'publish-date', 'publication_date', 'dc.date.issued', 'dcterms.issued', 'dc.date', 'sailthru.date', 'parsely-pub-date', 'og:published_time'),
    article?.publishedTime,
  ]);
  if (published) result.published = normaliseDate(published);
  const canonical = Array.from(doc.querySelectorAll('link[rel]')).find((l) => /(^|\s)canonical(\s|$)/i.test(l.getAttribute('rel') ?? ''));
  const ldUrl = str(ld?.['url']) ?? str(ld?.['mainEntityOfPage']) ?? str(asObject(ld?.['mainEntityOfPage'])?.['@id']);
  const url = [canonical?.getAttribute('href'), m('og:url'), ldUrl].map(httpUrl).find((u) => u !== undefined);
  if (url) result.url = url;
  return result;
}

/** meta[property|name] → content, keys lower-cased, first occurrence kept. */
function metaMap(doc: Document): Map<string, string> {
  const map = new Map<string, string>();
  for (const el of Array.from(doc.querySelectorAll('meta[content]'))) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop'))?.trim().toLowerCase();
    const value = clean(el.getAttribute('content'));
    if (key && value && !map.has(key)) map.set(key, value);
  }
  return map;
}

/** The page's first JSON-LD object that is an article (or has a headline); JSON-LD is read, never run. */
function jsonLdArticle(doc: Document): Record<string, unknown> | undefined {
  const candidates: Record<string, unknown>[] = [];
  const collect = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      candidates.push(o);
      if (o['@graph']) collect(o['@graph']);
    }
  };
  for (const script of Array.from(doc.querySelectorAll('script[type]'))) {
    if ((script.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue;
    try {
      collect(JSON.parse(script.textContent ?? ''));
    } catch {
      // A broken JSON-LD block is ignored: other sources of metadata remain.
    }
  }
  const isArticle = (o: Record<string, unknown>) => [o['@type']].flat().some((t) => typeof t === 'string' && /Article|BlogPosting|Report/i.test(t));
  return candidates.find(isArticle) ?? candidates.find((o) => typeof o['headline'] === 'string');
}

function documentTitle(doc: Document, outlet: string | undefined): string | undefined {
  const title = clean(doc.querySelector('title')?.textContent);
  if (!title || !outlet) return title;
  const suffix = new RegExp(`\\s*[|\\-–—:·•]\\s*${outlet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'i');
  return title.replace(suffix, '') || title;
}

function ldName(v: unknown): string | undefined {
  return str(v) ?? str(asObject(v)?.['name']);
}

function ldNames(v: unknown): string | undefined {
  const names = [v].flat().map(ldName).filter((n): n is string => n !== undefined);
  return names.length ? names.join(', ') : undefined;
}

function asObject(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? clean(v) : undefined;
}

function clean(v: string | null | undefined): string | undefined {
  if (v == null) return undefined;
  const s = normaliseText(v).replace(/\s+/g, ' ').trim();
  return s === '' ? undefined : s;
}

function first(values: (string | null | undefined)[]): string | undefined {
  for (const v of values) {
    const c = clean(v);
    if (c) return c;
  }
  return undefined;
}

function notUrl(v: string | undefined): string | undefined {
  return v && /^https?:\/\//i.test(v) ? undefined : v;
}

function stripBy(v: string | null | undefined): string | undefined {
  return clean(v)?.replace(/^by\s+/i, '');
}

function httpUrl(v: string | null | undefined): string | undefined {
  const s = v?.trim();
  if (!s) return undefined;
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}
