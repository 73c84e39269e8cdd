import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { makeHtmlParser } from './html.ts';
const dom = new JSDOM('');
const parse = makeHtmlParser(dom.window as any);
for (const f of process.argv.slice(2)) {
  const r = parse(readFileSync(f, 'utf8'), f.split('/').pop()!);
  if (!r.ok) { console.log(r.reason); continue; }
  console.log(r.draft.title, r.draft.source);
  const ls = r.draft.text.split('\n');
  ls.forEach((l, i) => console.log(JSON.stringify(r.draft.blocks?.[i]), '|', l));
}
