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
import { wordSegments } from '../text/wordSegments.ts';

export interface Token {
  text: string;
  /** UTF-16 offsets into the text. */
  start: number;
  end: number;
}

// Root locale: the same tokens whatever the machine's language.
const sentences = new Intl.Segmenter('und', { granularity: 'sentence' });

/**
 * Sentences as lists of tokens; whitespace-only segments are not tokens. Segmented line by line: a line break always
 * ends a sentence (UAX #29 SB4), so the result is the same, and V8's segmenter slows down more than linearly on
 * long inputs. Words come from shared/text/wordSegments.ts (Intl.Segmenter's segments, with a fast path).
 */
export function tokenise(text: string): Token[][] {
  const out: Token[][] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    for (const s of sentences.segment(line)) {
      const at = lineStart + s.index;
      const tokens: Token[] = [];
      wordSegments(text, at, at + s.segment.length, (start, end) => {
        if (!/^\s+$/u.test(text.slice(start, end))) tokens.push({ text: text.slice(start, end), start, end });
      });
      if (tokens.length) out.push(tokens);
    }
    lineStart += line.length + 1;
  }
  return out;
}

export const OVERLAP_REASON = 'it overlaps a longer (or equally long, earlier) span: CoNLL IOB2 gives each token one tag';
export const NO_TOKEN_REASON = 'it covers no token (whitespace only)';

export function exportConll(dataset: Dataset, _options: ExportOptions = {}): ExportResult {
  const prepared = prepareExport(dataset);
  const dropped = new LeftOutLog();
  const out: string[] = [];
  let written = 0;
  const keptAnnotations: Annotation[] = [];
  for (const { doc, spans } of prepared.docs) {
    const sents = tokenise(doc.text);
    const flat = sents.flat();
    const sentenceOf: number[] = sents.flatMap((s, i) => s.map(() => i));
    // token range of each span: tokens that overlap it
    const ranged = spans
      .map((s) => {
        const a = s.annotation;
        // tokens are in text order: binary search for the first token ending after the span starts
        let lo = 0;
        let hi = flat.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (flat[mid]!.end <= a.start) lo = mid + 1;
          else hi = mid;
        }
        let last = lo - 1;
        while (last + 1 < flat.length && flat[last + 1]!.start < a.end) last++;
        return { s, first: last >= lo ? lo : -1, last };
      })
      .filter((r) => (r.first < 0 ? (dropped.add(NO_TOKEN_REASON, r.s.annotation.id), false) : true));
    const byPriority = [...ranged].sort((x, y) => y.s.end - y.s.start - (x.s.end - x.s.start) || x.s.start - y.s.start);
    const owner: (ExportSpan | undefined)[] = new Array(flat.length);
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
    const joinWithNext = new Set<number>();
    for (const r of kept) for (let i = r.first; i < r.last; i++) if (sentenceOf[i] !== sentenceOf[i + 1]) joinWithNext.add(sentenceOf[i]!);
    out.push('-DOCSTART-\tO', '');
    flat.forEach((t, i) => {
      const s = owner[i];
      const tag = s ? `${owner[i - 1] === s ? 'I' : 'B'}-${s.annotation.label}` : 'O';
      out.push(`${t.text}\t${tag}`);
      const endOfSentence = i === flat.length - 1 || sentenceOf[i] !== sentenceOf[i + 1];
      if (endOfSentence && (i === flat.length - 1 || !joinWithNext.has(sentenceOf[i]!))) out.push('');
    });
  }
  return { files: [{ path: 'dataset.conll', data: out.length ? `${out.join('\n')}\n` : '' }], report: withWarnings(makeReport('conll', 'token', prepared, written, [dropped]), linksLeftOut(keptAnnotations, 'CoNLL IOB2')) };
}
