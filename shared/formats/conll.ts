/**
 * CoNLL IOB2: `token<TAB>TAG` per line, a blank line between sentences, `-DOCSTART-<TAB>O` and a blank line before
 * each document. Tokens are Intl.Segmenter word segments with whitespace-only segments skipped (punctuation is a
 * token; CJK is split by the dictionary; emoji sequences stay whole); sentences are Intl.Segmenter sentences, and a
 * sentence break that would cut a kept span is not made. IOB2 gives a token one tag, so of overlapping spans the
 * longest (in code points) is kept, ties going to the earliest; every span left out is counted in the report.
 */
import type { Annotation, Dataset } from '../model.ts';
import { linksLeftOut, withWarnings } from './details.ts';
import { LeftOutLog, makeReport, prepareExport, type ExportSpan } from './prepare.ts';
import type { ExportOptions, ExportResult } from './types.ts';
import { sentenceSegments } from '../text/sentenceSegments.ts';
import { isWhitespaceOnly } from '../text/whitespace.ts';
import { wordSegments } from '../text/wordSegments.ts';

export interface Token {
  text: string;
  /** UTF-16 offsets into the text. */
  start: number;
  end: number;
}

/** A text's tokens in order: UTF-16 offsets, and whether each is the last token of its sentence. */
export interface TokenTable {
  starts: number[];
  ends: number[];
  endsSentence: boolean[];
}

/**
 * The tokens of a text; whitespace-only segments are not tokens, and a sentence without tokens is none. Segmented
 * line by line: a line break always ends a sentence (UAX #29 SB4), so the result is the same, and V8's segmenter
 * slows down more than linearly on long inputs. Sentences and words come from shared/text/ (Intl.Segmenter's
 * segments, each with a fast path). Offsets in flat arrays, not an object per token: 100,000s of tokens an export.
 */
export function tokenTable(text: string): TokenTable {
  const table: TokenTable = { starts: [], ends: [], endsSentence: [] };
  const { starts, ends, endsSentence } = table;
  const push = (start: number, end: number) => {
    if (isWhitespaceOnly(text, start, end)) return;
    starts.push(start);
    ends.push(end);
    endsSentence.push(false);
  };
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    sentenceSegments(text, lineStart, lineEnd, (start, end) => {
      const before = starts.length;
      wordSegments(text, start, end, push);
      if (starts.length > before) endsSentence[starts.length - 1] = true;
    });
    lineStart = lineEnd + 1;
  }
  return table;
}

/** Sentences as lists of tokens: tokenTable with an object per token. */
export function tokenise(text: string): Token[][] {
  const { starts, ends, endsSentence } = tokenTable(text);
  const out: Token[][] = [];
  let sentence: Token[] = [];
  for (let i = 0; i < starts.length; i++) {
    sentence.push({ text: text.slice(starts[i], ends[i]), start: starts[i]!, end: ends[i]! });
    if (endsSentence[i]) {
      out.push(sentence);
      sentence = [];
    }
  }
  return out;
}

export const OVERLAP_REASON = 'it overlaps a longer (or equally long, earlier) span: CoNLL IOB2 gives each token one tag';
export const NO_TOKEN_REASON = 'it covers no token (whitespace only)';

export function exportConll(dataset: Dataset, _options: ExportOptions = {}): ExportResult {
  const prepared = prepareExport(dataset);
  const dropped = new LeftOutLog();
  // one string per document, joined once at the end: no array of every line of the whole dataset
  const chunks: string[] = [];
  let written = 0;
  const keptAnnotations: Annotation[] = [];
  // "\tB-claim", "\tI-claim" for each label, made once: every token line is its text plus one of these
  const tags = new Map<string, { b: string; i: string }>();
  const tagsOf = (label: string) => {
    let t = tags.get(label);
    if (!t) tags.set(label, (t = { b: `\tB-${label}`, i: `\tI-${label}` }));
    return t;
  };
  for (const { doc, spans } of prepared.docs) {
    const { text } = doc;
    const { starts, ends, endsSentence } = tokenTable(text);
    const count = starts.length;
    // token range of each span: tokens that overlap it
    const ranged = spans
      .map((s) => {
        const a = s.annotation;
        // tokens are in text order: binary search for the first token ending after the span starts
        let lo = 0;
        let hi = count;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (ends[mid]! <= a.start) lo = mid + 1;
          else hi = mid;
        }
        let last = lo - 1;
        while (last + 1 < count && starts[last + 1]! < a.end) last++;
        return { s, first: last >= lo ? lo : -1, last };
      })
      .filter((r) => (r.first < 0 ? (dropped.add(NO_TOKEN_REASON, r.s.annotation.id), false) : true));
    const byPriority = [...ranged].sort((x, y) => y.s.end - y.s.start - (x.s.end - x.s.start) || x.s.start - y.s.start);
    const owner: (ExportSpan | undefined)[] = new Array(count);
    const kept: typeof ranged = [];
    for (const r of byPriority) {
      let free = true;
      for (let i = r.first; i <= r.last; i++) if (owner[i]) free = false;
      if (!free) {
        dropped.add(OVERLAP_REASON, r.s.annotation.id);
        continue;
      }
      for (let i = r.first; i <= r.last; i++) owner[i] = r.s;
      kept.push(r);
    }
    written += kept.length;
    for (const r of kept) keptAnnotations.push(r.s.annotation);
    // a sentence break inside a kept span is not made, so no entity starts a sentence with I-
    const breakAfter = endsSentence.slice();
    for (const r of kept) for (let i = r.first; i < r.last; i++) breakAfter[i] = false;
    const lines = ['-DOCSTART-\tO', ''];
    for (let i = 0; i < count; i++) {
      const s = owner[i];
      const tag = s ? (owner[i - 1] === s ? tagsOf(s.annotation.label).i : tagsOf(s.annotation.label).b) : '\tO';
      lines.push(text.slice(starts[i], ends[i]) + tag);
      if (breakAfter[i]) lines.push('');
    }
    chunks.push(lines.join('\n'));
  }
  return { files: [{ path: 'dataset.conll', data: chunks.length ? `${chunks.join('\n')}\n` : '' }], report: withWarnings(makeReport('conll', 'token', prepared, written, [dropped]), linksLeftOut(keptAnnotations, 'CoNLL IOB2')) };
}
