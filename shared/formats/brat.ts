/**
 * brat standoff: NAME.txt (the text) and NAME.ann per document, plus annotation.conf naming the entity types.
 * Text-bound lines `T1<TAB>claim START END<TAB>covered text` count code points. brat keeps the covered text on one
 * line, so a span that crosses line breaks is written as fragments `S1 E1;S2 E2` (the line breaks themselves left
 * out; tabs too, as
 * many readers split lines on every tab) and its text as the fragments joined by a space, as brat itself does. Notes go in `#1<TAB>AnnotatorNotes T1<TAB>…`.
 * A link from an answer to the claim it answers is a relation `R1<TAB>answers Arg1:T2 Arg2:T1` (declared in
 * annotation.conf); brat relations stay inside one document, so links across articles are reported as left out.
 */
import { offsetConverter } from '../anchoring/offsets.ts';
import { DEFAULT_LABELS, type LabelDef } from '../labels.ts';
import type { Dataset } from '../model.ts';
import { assemble, Problems, type RawDoc, type RawSpan } from './assemble.ts';
import { isUuid } from './ids.ts';
import { withWarnings } from './details.ts';
import { countSpans, exportLabelSet, makeReport, prepareExport } from './prepare.ts';
import { decodeFile } from './text.ts';
import type { ExportOptions, ExportResult, FormatFile, ImportOptions, ImportResult } from './types.ts';
import { expandZips } from './zip.ts';

export const ANSWERS_RELATION = 'answers';
/** annotation.conf: one entity type per label of the set, named by its id as the .ann lines write it. */
export const bratConf = (labels: readonly LabelDef[]) => `[entities]\n${labels.map((l) => l.id).join('\n')}\n\n[relations]\n${ANSWERS_RELATION}\tArg1:<ENTITY>, Arg2:<ENTITY>\n\n[events]\n\n[attributes]\n`;
/** annotation.conf for the default set. */
export const BRAT_CONF = bratConf(DEFAULT_LABELS);

/** Characters a fragment never contains: line breaks (brat's rule) and tabs (the .ann field separator). */
const BREAK = /^[\n\t\v\f\u0085\u2028\u2029]$/;

/** Splits a span of code points [start, end) of `chars` at line breaks and tabs, dropping empty fragments. */
export function fragments(chars: string[], start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i === end || BREAK.test(chars[i]!)) {
      if (i > from) out.push([from, i]);
      from = i + 1;
    }
  }
  return out;
}

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$/;

export function exportBrat(dataset: Dataset, _options: ExportOptions = {}): ExportResult {
  const prepared = prepareExport(dataset);
  const files: ExportResult['files'] = [{ path: 'annotation.conf', data: bratConf(exportLabelSet(dataset)) }];
  const used = new Set<string>();
  let crossLinks = 0;
  prepared.docs.forEach(({ doc, spans }, i) => {
    let name = SAFE_NAME.test(doc.id) && !doc.id.endsWith('.') ? doc.id : `doc-${String(i + 1).padStart(4, '0')}`;
    while (used.has(name.toLowerCase())) name = `${name}-${i + 1}`;
    used.add(name.toLowerCase());
    const chars = Array.from(doc.text);
    const lines: string[] = [];
    let notes = 0;
    const tOf = new Map(spans.map((s, k) => [s.annotation.id, `T${k + 1}`]));
    spans.forEach((s, k) => {
      const t = `T${k + 1}`;
      const frags = fragments(chars, s.start, s.end);
      const covered = frags.map(([a, b]) => chars.slice(a, b).join('')).join(' ');
      lines.push(`${t}\t${s.annotation.label} ${frags.map(([a, b]) => `${a} ${b}`).join(';')}\t${covered}`);
      if (s.annotation.note !== undefined && s.annotation.note.trim() !== '') lines.push(`#${++notes}\tAnnotatorNotes ${t}\t${s.annotation.note.replace(/\s*\n\s*/g, ' ').replace(/\t/g, ' ')}`);
    });
    let relations = 0;
    for (const s of spans) {
      const to = s.annotation.answers && tOf.get(s.annotation.answers);
      if (to) lines.push(`R${++relations}\t${ANSWERS_RELATION} Arg1:${tOf.get(s.annotation.id)} Arg2:${to}`);
      else if (s.annotation.answers) crossLinks++;
    }
    files.push({ path: `${name}.txt`, data: doc.text }, { path: `${name}.ann`, data: lines.length ? `${lines.join('\n')}\n` : '' });
  });
  const warnings = crossLinks
    ? [`${crossLinks} link${crossLinks === 1 ? '' : 's'} left out: brat relations join two annotations of one document, and ${crossLinks === 1 ? 'this one answers' : 'these answer'} a claim in another article (or one not exported).`]
    : [];
  return { files, report: withWarnings(makeReport('brat', 'codepoint', prepared, countSpans(prepared)), warnings) };
}

const baseName = (p: string) => p.replace(/^.*\//, '');
const stem = (p: string) => p.replace(/\.[^./]*$/, '');

/** Reads .txt/.ann pairs (loose or in zip archives); annotation.conf and visual.conf are accepted, anything else reported. */
export async function importBrat(files: FormatFile[], options: ImportOptions = {}): Promise<ImportResult> {
  const problems = new Problems();
  const all = expandZips(files, (file, reason) => problems.error({ file }, `cannot read the archive: ${reason}`));
  const texts = new Map<string, FormatFile>();
  const anns = new Map<string, FormatFile>();
  for (const f of all) {
    const name = baseName(f.path);
    if (name.endsWith('.txt')) texts.set(stem(f.path), f);
    else if (name.endsWith('.ann')) anns.set(stem(f.path), f);
    else if (name === 'annotation.conf' || name === 'visual.conf' || name === 'tools.conf' || name === 'kb_shortcuts.conf') continue;
    else if (name.startsWith('.') || f.path.startsWith('__MACOSX/')) continue;
    else problems.warn({ file: f.path }, 'not a brat file (.txt, .ann or .conf); ignored');
  }
  for (const key of anns.keys()) if (!texts.has(key)) problems.error({ file: anns.get(key)!.path }, `no ${key}.txt beside this .ann; its annotations are skipped`);
  const raws: RawDoc[] = [];
  for (const [key, txtFile] of [...texts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const decoded = decodeFile(txtFile);
    if (!decoded.ok) {
      problems.error({ file: txtFile.path }, `cannot read the text: ${decoded.reason}`);
      continue;
    }
    const text = decoded.text;
    const name = baseName(key);
    const spans: RawSpan[] = [];
    const annFile = anns.get(key);
    if (annFile) {
      const ann = decodeFile(annFile);
      if (!ann.ok) problems.error({ file: annFile.path }, `cannot read the annotations: ${ann.reason}`);
      else spans.push(...readAnn(ann.text, annFile.path, text, problems));
    }
    raws.push({ place: { file: txtFile.path }, id: isUuid(name) ? name : undefined, fallbackTitle: name, text, source: { kind: 'file', fileName: baseName(txtFile.path) }, spans });
  }
  return { dataset: await assemble(raws, problems, options), problems: problems.list };
}

function readAnn(content: string, file: string, text: string, problems: Problems): RawSpan[] {
  // offsets are code points: one table per text, not an array of its characters
  const conv = offsetConverter(text);
  const slice = (start: number, end: number) => text.slice(conv.toUtf16(start), conv.toUtf16(end));
  const spans = new Map<string, RawSpan>();
  const notes: { target: string; note: string; line: number }[] = [];
  const links: { from: string; to: string; line: number }[] = [];
  const lines = content.split(/\r?\n/);
  lines.forEach((line, i) => {
    const place = { file, line: i + 1 };
    if (line.trim() === '') return;
    const [id = '', mid = '', ...rest] = line.split('\t');
    const tail = rest.join('\t');
    if (id.startsWith('T')) {
      const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(mid);
      if (!m) {
        problems.error(place, `malformed text-bound annotation (expected "T1<TAB>label START END<TAB>text"); skipped`);
        return;
      }
      const frags = m[2]!.split(';').map((f) => f.split(' ').map(Number) as [number, number]);
      const start = frags[0]![0];
      const end = frags[frags.length - 1]![1];
      // brat writes the covered text of fragments joined by a space; check that, then give assemble the full span
      const ok = frags.every(([a, b], k) => a < b && b <= conv.codePointLength && (k === 0 || a >= frags[k - 1]![1]));
      const joined = ok ? frags.map(([a, b]) => slice(a, b)).join(' ') : null;
      const span: RawSpan = { place, label: m[1], start, end, unit: 'codepoint' };
      if (joined !== tail) {
        // offsets do not fit the text: let assemble relocate by the covered text (fragments become one span)
        span.text = tail;
      } else {
        span.text = slice(start, end);
      }
      if (spans.has(id)) problems.error(place, `duplicate id ${id} in this file; skipped`);
      else spans.set(id, span);
    } else if (id.startsWith('#')) {
      const m = /^AnnotatorNotes (\S+)$/.exec(mid);
      if (m) notes.push({ target: m[1]!, note: tail, line: i + 1 });
      else problems.warn(place, 'a comment that is not an AnnotatorNotes line; ignored');
    } else if (id.startsWith('R') && mid.startsWith(`${ANSWERS_RELATION} `)) {
      const m = /^\S+ Arg1:(\S+) Arg2:(\S+)$/.exec(mid);
      if (m) links.push({ from: m[1]!, to: m[2]!, line: i + 1 });
      else problems.error(place, `malformed relation (expected "R1<TAB>${ANSWERS_RELATION} Arg1:T2 Arg2:T1"); ignored`);
    } else if (/^[RENAM*]/.test(id)) {
      problems.warn(place, `relations other than "${ANSWERS_RELATION}", events, attributes and normalisations are not supported; line ignored`);
    } else {
      problems.error(place, 'unrecognised line; ignored');
    }
  });
  for (const n of notes) {
    const s = spans.get(n.target);
    if (s) s.note = n.note;
    else problems.warn({ file, line: n.line }, `the note refers to ${n.target}, which is not a text-bound annotation here; ignored`);
  }
  for (const l of links) {
    const from = spans.get(l.from);
    const to = spans.get(l.to);
    if (from && to) from.answersSpan = to;
    else problems.warn({ file, line: l.line }, `the relation joins ${from ? l.to : l.from}, which is not a text-bound annotation here; ignored`);
  }
  return [...spans.values()];
}
