import { readFileSync } from 'node:fs';
import { JSDOM, requestInterceptor, VirtualConsole } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import type { WindowLike } from 'dompurify';
import { fileToDrafts } from '../../shared/importers/convert.ts';
import { htmlToDraft, makeHtmlParser, pageMetadata } from './html.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/**
 * The app's window as jsdom: scripts run in it and every request it makes is recorded (and answered locally), so
 * a test fails if importing a page runs anything or fetches anything.
 */
function hostWindow() {
  const requests: string[] = [];
  const virtualConsole = new VirtualConsole();
  const dom = new JSDOM('<!DOCTYPE html><body></body>', {
    url: 'https://app.factmark.invalid/',
    runScripts: 'dangerously',
    virtualConsole,
    resources: {
      interceptors: [
        requestInterceptor((request) => {
          requests.push(request.url);
          return new Response('', { status: 204 });
        }),
      ],
    },
  });
  return { dom, window: dom.window, requests };
}

let opened: JSDOM[] = [];
afterEach(() => {
  for (const dom of opened) dom.window.close();
  opened = [];
});

function importPage(html: string, fileName = 'page.html') {
  const host = hostWindow();
  opened.push(host.dom);
  const result = makeHtmlParser(host.window as unknown as WindowLike & { DOMParser: typeof DOMParser })(html, fileName);
  return { result, host };
}

function linesOf(draft: { text: string; blocks?: unknown[] }) {
  return draft.text.split('\n').map((text, i) => ({ text, block: draft.blocks?.[i] ?? { type: 'paragraph' } }));
}

const tick = () => new Promise((r) => setTimeout(r, 50));

/** A page whose article is long enough to be one, with the given head. */
function page(head: string, body = ''): string {
  const para = '<p>The harbour master said the ferry had been delayed by fog and not by any incident at sea, contrary to reports circulating on social media overnight.</p>';
  return `<!DOCTYPE html><html><head>${head}</head><body>${body}<article>${para}${para.replace('harbour master', 'coast guard')}</article></body></html>`;
}

describe('htmlToDraft on a news page', () => {
  it('keeps the article with its structure and drops navigation, ads, related links and comments', () => {
    const { result } = importPage(fixture('news-article.html'), 'news-article.html');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { draft } = result;
    expect(linesOf(draft)).toEqual([
      { text: 'Drones strike Caspian port as ministry denies damage', block: { type: 'heading', level: 1 } },
      { text: expect.stringMatching(/^Residents of Kaspiysk reported a series of explosions near the port shortly after 3 a\.m\. on Tuesday, and videos shared/), block: { type: 'paragraph' } },
      { text: 'The defence ministry said in a statement that all drones had been intercepted and that no damage was done to ships or port infrastructure. The claim could not be independently verified.', block: { type: 'paragraph' } },
      { text: '“The air defences worked as intended. There were no casualties,” the statement said.', block: { type: 'quote' } },
      { text: '“Reports of a fire are a provocation.”', block: { type: 'quote' } },
      { text: 'Local officials gave a different account. The regional governor wrote on his channel that debris had fallen on a warehouse,', block: { type: 'paragraph' } },
      { text: 'and that emergency crews were at the scene.', block: { type: 'paragraph' } },
      { text: 'What we know so far', block: { type: 'heading', level: 2 } },
      { text: 'At least six drones were reported over the city.', block: { type: 'list-item', ordered: false } },
      { text: 'The port was closed to civilian traffic until noon.', block: { type: 'list-item', ordered: false } },
      { text: "The timeline, as reconstructed from residents' videos:", block: { type: 'paragraph' } },
      { text: '03:05 — first explosion heard near the northern breakwater.', block: { type: 'list-item', ordered: true } },
      { text: '03:20 — a fire becomes visible from the embankment.', block: { type: 'list-item', ordered: true } },
      { text: 'Smoke rises over the port of Kaspiysk on Tuesday morning.', block: { type: 'paragraph' } },
      { text: expect.stringMatching(/^Neither the ministry nor the governor responded/), block: { type: 'paragraph' } },
    ]);
    for (const junk of ['Advertisement', 'cheap flights', 'Subscribe', 'Related stories', 'fake news', 'All rights reserved', 'Smoke over the port at dawn', 'gtag']) {
      expect(draft.text).not.toContain(junk);
    }
    expect(draft.blocks).toHaveLength(draft.text.split('\n').length);
  });

  it('reads title, authors, outlet, date and canonical address from the page metadata', () => {
    const { result } = importPage(fixture('news-article.html'), 'news-article.html');
    expect(result.ok && result.draft.title).toBe('Drones strike Caspian port as ministry denies damage');
    expect(result.ok && result.draft.source).toEqual({
      kind: 'html',
      fileName: 'news-article.html',
      outlet: 'The Caspian Herald',
      url: 'https://www.caspianherald.example/world/2024/03/05/kaspiysk-port-drones',
      author: 'Amina Kadyrova, Pavel Orlov',
      published: '2024-03-05T06:42:00+03:00',
    });
  });

  it('refuses a page without an article, naming the file', () => {
    const { result } = importPage(fixture('no-article.html'), 'no-article.html');
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/^No article text found in no-article\.html/) });
    expect(importPage('<html><body></body></html>', 'blank.html').result).toEqual({ ok: false, reason: 'No article text found in blank.html.' });
  });
});

describe('htmlToDraft on hostile pages', () => {
  const MARKERS = [
    'SCRIPT_HEAD_MARKER', 'BODY_SCRIPT_MARKER', 'SVG_SCRIPT_MARKER', 'SVG_TEXT_MARKER', 'STYLE_CONTENT_MARKER', 'IFRAME_FALLBACK_MARKER',
    'FORM_VALUE_MARKER', 'FORM_BUTTON_MARKER', 'OBJECT_MARKER', 'VIDEO_MARKER', 'NOSCRIPT_MARKER', 'TEMPLATE_MARKER', 'MATH_MARKER',
    'ALT_MARKER', 'JS_LINK_MARKER', 'P_ONCLICK_MARKER', 'IMG_ONERROR_MARKER', 'evil.example', 'document.cookie', 'alert(', '@import',
  ];

  it('extracts the article words and none of the code', () => {
    const { result } = importPage(fixture('hostile.html'), 'hostile.html');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { draft } = result;
    expect(linesOf(draft).map((l) => l.block)).toEqual([{ type: 'heading', level: 1 }, { type: 'paragraph' }, { type: 'paragraph' }, { type: 'paragraph' }, { type: 'paragraph' }]);
    expect(draft.text).toContain('reports of a strike on its grain terminal were false, and that loading continued');
    expect(draft.text).toContain('which the authority said was damaged in an unrelated fire last month.');
    expect(draft.text).toContain('Officials did not say when the terminal would be opened to journalists.');
    const everything = JSON.stringify(draft);
    for (const marker of MARKERS) expect(everything).not.toContain(marker);
  });

  it('ignores javascript: canonical and og:url addresses', () => {
    const { result } = importPage(fixture('hostile.html'), 'hostile.html');
    expect(result.ok && result.draft.source.url).toBeUndefined();
  });

  it('runs no script and makes no request in the window that imports the page', async () => {
    const { result, host } = importPage(fixture('hostile.html'), 'hostile.html');
    expect(result.ok).toBe(true);
    await tick();
    expect(host.window.__pwned).toBeUndefined();
    expect(host.window.document.title).toBe('');
    expect(host.requests).toEqual([]);
    expect(host.window.document.body.innerHTML).toBe('');
  });

  it('(control) the same window would run the scripts and make the requests if the page were live', async () => {
    const host = hostWindow();
    opened.push(host.dom);
    const live = host.window.document;
    const parsed = new host.window.DOMParser().parseFromString(fixture('hostile.html'), 'text/html');
    // Parsed scripts are inert for good (marked "already started"), so the control re-creates them in the live page.
    for (const el of Array.from(parsed.querySelectorAll('script:not([type]), link[rel=stylesheet]'))) {
      const copy = live.createElement(el.localName);
      for (const attr of Array.from(el.attributes)) copy.setAttribute(attr.name, attr.value);
      copy.textContent = el.textContent;
      live.body.appendChild(copy);
    }
    await tick();
    expect(live.title).toBe('SCRIPT_HEAD_MARKER');
    expect(host.window.__pwned).toMatch(/_SCRIPT_MARKER$/);
    expect(host.requests.some((u) => u.startsWith('http://evil.example/'))).toBe(true);
  });

  it('drops script text and markup that a sanitiser must remove inside the article itself', () => {
    const hostile = (
      '<!DOCTYPE html><html><head><title>T</title></head><body><article><p>Before <script>var SCRIPT_IN_P_MARKER=1</script>after <iframe srcdoc="<script>parent.__pwned=1</script>">IFRAME_MARKER</iframe>the fact, officials said the ferry was delayed and that nobody was hurt in the incident.</p>' +
        '<p><a href="javascript:x()" onclick="y()">link text</a> stays as text while <style>p{color:red}</style>style rules go, as the report said yesterday.</p></article></body></html>'
    );
    const { result, host } = importPage(hostile);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.draft.text).toContain('Before after the fact, officials said');
    expect(result.draft.text).toContain('link text stays as text while style rules go');
    for (const marker of ['SCRIPT_IN_P_MARKER', 'IFRAME_MARKER', 'color:red', 'javascript']) expect(result.draft.text).not.toContain(marker);
    expect(host.window.__pwned).toBeUndefined();
  });
});

describe('page metadata sources', () => {
  const metaOf = (head: string, body = '') => pageMetadata(new JSDOM(page(head, body)).window.document);

  it('title: og:title, then twitter:title, then JSON-LD headline, then <title> less the site name', () => {
    expect(metaOf('<title>T | Site</title><meta name="twitter:title" content="Tw"><meta property="og:title" content="OG">').title).toBe('OG');
    expect(metaOf('<title>T | Site</title><meta name="twitter:title" content="Tw">').title).toBe('Tw');
    expect(metaOf('<title>T</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"LD"}</script>').title).toBe('LD');
    expect(metaOf('<title>Headline here – Daily Post</title><meta property="og:site_name" content="Daily Post">').title).toBe('Headline here');
  });

  it('author: meta author, article:author unless it is a profile URL, JSON-LD author names', () => {
    expect(metaOf('<meta name="author" content="By Jane Roe"><meta property="article:author" content="Other">').author).toBe('Jane Roe');
    expect(metaOf('<meta property="article:author" content="Ivan Ivanov">').author).toBe('Ivan Ivanov');
    expect(metaOf('<meta property="article:author" content="https://facebook.com/x"><script type="application/ld+json">[{"@type":"WebPage"},{"@type":["NewsArticle"],"author":"Solo Writer"}]</script>').author).toBe('Solo Writer');
  });

  it('outlet: og:site_name, then JSON-LD publisher', () => {
    expect(metaOf('<meta property="og:site_name" content="OG Site">').outlet).toBe('OG Site');
    expect(metaOf('<script type="application/ld+json">{"@type":"ReportageNewsArticle","publisher":{"name":"LD Pub"}}</script>').outlet).toBe('LD Pub');
  });

  it('published: article:published_time, JSON-LD, <time datetime>, meta date; normalised to ISO', () => {
    expect(metaOf('<meta property="article:published_time" content="2024-03-05T06:42:00Z">').published).toBe('2024-03-05T06:42:00Z');
    expect(metaOf('<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-03-04"}</script>').published).toBe('2024-03-04');
    expect(metaOf('', '<p>Posted <time datetime="2024-03-03 09:15">Sunday</time></p>').published).toBe('2024-03-03T09:15');
    expect(metaOf('<meta name="date" content="March 2, 2024">').published).toBe('2024-03-02');
  });

  it('url: canonical link, then og:url, then JSON-LD; relative and non-http addresses are ignored', () => {
    expect(metaOf('<link rel="canonical" href="https://a.example/x"><meta property="og:url" content="https://b.example/y">').url).toBe('https://a.example/x');
    expect(metaOf('<link rel="canonical" href="/relative"><meta property="og:url" content="https://b.example/y">').url).toBe('https://b.example/y');
    expect(metaOf('<script type="application/ld+json">{"@type":"NewsArticle","mainEntityOfPage":{"@id":"https://c.example/z"}}</script>').url).toBe('https://c.example/z');
    expect(metaOf('<meta property="og:url" content="data:text/html,hi">').url).toBeUndefined();
  });

  it('survives broken JSON-LD', () => {
    expect(metaOf('<script type="application/ld+json">{not json</script><title>Fine</title>').title).toBe('Fine');
  });
});

describe('htmlToDraft details', () => {
  const draftOf = (body: string, head = '<title>Title</title>') => {
    const dom = new JSDOM(page(head, ''));
    const doc = new dom.window.DOMParser().parseFromString(`<html><head>${head}</head><body><article>${body}</article></body></html>`, 'text/html');
    return htmlToDraft(doc, 'x.html', dom.window as unknown as WindowLike);
  };
  const filler = '<p>This sentence is here so that the page has enough words to count as an article for the extractor, nothing more.</p>';

  it('collapses HTML whitespace, keeps non-breaking spaces inside a line, and keeps <pre> verbatim', () => {
    const r = draftOf(`${filler}<p>  a \n\t b&nbsp;c  </p><pre>  x = 1\n    y  = 2</pre>${filler}`);
    expect(r.ok && linesOf(r.draft).slice(2, 5).map((l) => l.text)).toEqual(['a b\u00a0c', '  x = 1', '    y  = 2']);
  });

  it('makes <br> a space in headings and list items', () => {
    const r = draftOf(`${filler}<h2>Two<br>lines</h2><ul><li>item<br>continued<ul><li>nested</li></ul></li></ul>${filler}`);
    expect(r.ok && linesOf(r.draft).slice(2, 5)).toEqual([
      { text: 'Two lines', block: { type: 'heading', level: 2 } },
      { text: 'item continued', block: { type: 'list-item', ordered: false } },
      { text: 'nested', block: { type: 'list-item', ordered: false } },
    ]);
  });

  it('keeps the headline as the first line unless the article opens with it', () => {
    const r = draftOf(`${filler}${filler}`, '<meta property="og:title" content="The headline">');
    expect(r.ok && linesOf(r.draft)[0]).toEqual({ text: 'The headline', block: { type: 'heading', level: 1 } });
    expect(r.ok && r.draft.title).toBe('The headline');
  });

  it('composes text to NFC', () => {
    const r = draftOf(`<p>Cafe\u0301 owners said the port was calm, though the ministry declined to comment on the reports of an explosion nearby.</p>${filler}`);
    expect(r.ok && r.draft.text).toContain('Café owners');
  });
});

describe('fileToDrafts with the renderer parser', () => {
  it('decodes a legacy-encoded saved page and extracts its article', () => {
    const host = hostWindow();
    opened.push(host.dom);
    const html = page('<meta charset="windows-1252"><meta property="og:title" content="Caf\u00e9 owners \u201cshocked\u201d">');
    const bytes = Uint8Array.from(html, (c) => ({ 0x201c: 0x93, 0x201d: 0x94 })[c.charCodeAt(0)] ?? c.charCodeAt(0));
    const parseHtml = makeHtmlParser(host.window as unknown as WindowLike & { DOMParser: typeof DOMParser });
    const { drafts, problems } = fileToDrafts({ name: 'cafe.htm', bytes }, { parseHtml });
    expect(problems).toEqual([]);
    expect(drafts[0]?.title).toBe('Café owners “shocked”');
    expect(drafts[0]?.text.split('\n')[1]).toMatch(/^The harbour master said/);
  });
});
