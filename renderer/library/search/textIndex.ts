/**
 * Full-text search over the library: an inverted index of the words of every article's title and text, answered as
 * a bit set of document numbers, so a query matching 50,000 articles costs what one matching 5 does and every match
 * is returned (no "best N"). Pure: the worker (search.worker.ts) owns one of these and stores its segments
 * (searchStore.ts); tests use it directly.
 *
 * Documents get numbers (ordinals) in the order they are indexed. Sealed segments cover consecutive ranges of
 * ordinals ([base, base + size)), each with its sorted vocabulary and, per term, the sorted local ordinals (16 bits:
 * a segment spans at most 65,536 ordinals). New documents go to a growing live segment first. A document removed or
 * re-indexed leaves its old ordinal behind as a hole (in `deleted`) until segments are merged.
 */
import type { SearchRecord } from '../../db/library.ts';
import { fold } from '../../../shared/text/fold.ts';

export { fold };

/** Word boundaries for texts and queries alike: white space and punctuation. */
const SEPARATORS = /[\s\p{Z}\p{P}]+/u;

/** The words of a query, folded; empty words dropped. */
export function queryWords(query: string): string[] {
  return fold(query).split(SEPARATORS).filter(Boolean);
}

/** True when every word of the query occurs in the title (the instant, index-free title search). */
export function titleMatches(foldedTitle: string, words: readonly string[]): boolean {
  return words.every((w) => foldedTitle.includes(w));
}

/** The distinct folded words of an article (title and text). */
export function termsOf(record: SearchRecord): Set<string> {
  const terms = new Set<string>();
  for (const t of fold(`${record.title}\n${record.text}`).split(SEPARATORS)) if (t) terms.add(t);
  return terms;
}

/** A 32-bit hash of a title (FNV-1a): tells at the next open whether a title changed since it was indexed. */
export function titleHash(title: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < title.length; i++) h = Math.imul(h ^ title.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Most ordinals one segment spans (its local ordinals are 16-bit). */
export const SEGMENT_SPAN = 65_536;

/** A sealed segment, as stored. */
export interface Segment {
  base: number;
  /** Ordinals spanned: base … base + size - 1. */
  size: number;
  /** Per local ordinal: the document id, or null for a hole. */
  ids: (string | null)[];
  titleHashes: Uint32Array;
  /** Per local ordinal: the folded title ('' for a hole), for matching words anywhere in titles. */
  titles: string[];
  /** Sorted (code unit order). */
  terms: string[];
  /** Term i's postings are postings[offsets[i] … offsets[i + 1]). */
  offsets: Uint32Array;
  postings: Uint16Array;
}

interface Live {
  base: number;
  ids: (string | null)[];
  titleHashes: number[];
  titles: string[];
  postings: Map<string, number[]>;
}

/** The answer to a query: bit `ordinal` set for each matching document, and how many there are. */
export interface Hits {
  bits: Uint32Array;
  total: number;
}

/** The first index of `terms` not below `word` (binary search). */
function lowerBound(terms: readonly string[], word: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class TextIndex {
  private segments: Segment[] = [];
  private live: Live = { base: 0, ids: [], titleHashes: [], titles: [], postings: new Map() };
  /** Every folded title in ordinal order, joined by NUL, and where each starts: built when first searched after a change. */
  private titleText: { all: string; starts: Int32Array } | null = null;
  /** Where each indexed document is. */
  private readonly ordinals = new Map<string, number>();
  /** Ordinals of documents removed or re-indexed, still present in a sealed segment's postings. */
  readonly deleted = new Set<number>();

  /** Restores stored segments (in ordinal order) and their holes. */
  constructor(segments: Segment[] = [], deleted: Iterable<number> = []) {
    for (const d of deleted) this.deleted.add(d);
    for (const s of segments) this.adopt(s);
    const last = segments[segments.length - 1];
    this.live.base = last ? last.base + last.size : 0;
  }

  private adopt(s: Segment): void {
    this.segments.push(s);
    s.ids.forEach((id, i) => {
      if (id !== null && !this.deleted.has(s.base + i)) this.ordinals.set(id, s.base + i);
    });
  }

  /** One past the highest ordinal given out. */
  get end(): number {
    return this.live.base + this.live.ids.length;
  }

  get size(): number {
    return this.ordinals.size;
  }

  has(id: string): boolean {
    return this.ordinals.has(id);
  }

  ordinal(id: string): number | undefined {
    return this.ordinals.get(id);
  }

  ids(): IterableIterator<string> {
    return this.ordinals.keys();
  }

  /** The title hash the document was indexed with. */
  titleHashOf(id: string): number | undefined {
    const o = this.ordinals.get(id);
    if (o === undefined) return undefined;
    if (o >= this.live.base) return this.live.titleHashes[o - this.live.base];
    const s = this.segmentOf(o)!;
    return s.titleHashes[o - s.base];
  }

  private segmentOf(ordinal: number): Segment | undefined {
    return this.segments.find((s) => ordinal >= s.base && ordinal < s.base + s.size);
  }

  /** Indexes records (a record already indexed is re-indexed under a new ordinal); returns the first new ordinal. */
  add(records: readonly SearchRecord[]): number {
    const first = this.end;
    this.titleText = null;
    for (const r of records) {
      this.remove([r.id]);
      const ordinal = this.end;
      const local = ordinal - this.live.base;
      this.live.ids.push(r.id);
      this.live.titleHashes.push(titleHash(r.title));
      this.live.titles.push(fold(r.title));
      for (const t of termsOf(r)) {
        let list = this.live.postings.get(t);
        if (!list) this.live.postings.set(t, (list = []));
        list.push(local);
      }
      this.ordinals.set(r.id, ordinal);
    }
    return first;
  }

  remove(ids: Iterable<string>): void {
    this.titleText = null;
    for (const id of ids) {
      const o = this.ordinals.get(id);
      if (o === undefined) continue;
      this.ordinals.delete(id);
      if (o >= this.live.base) {
        this.live.ids[o - this.live.base] = null; // its postings stay, masked by ids
        this.live.titles[o - this.live.base] = '';
      }
      this.deleted.add(o);
    }
  }

  /** The sealed segments' bases, in ordinal order (what the store lists). */
  get bases(): number[] {
    return this.segments.map((s) => s.base);
  }

  /** The document ids of ordinals from `from` on (null: a hole), for the library's side of the bit sets. */
  idsFrom(from: number): (string | null)[] {
    const out: (string | null)[] = [];
    for (const s of this.segments) {
      if (s.base + s.size <= from) continue;
      for (let i = Math.max(0, from - s.base); i < s.size; i++) out.push(s.ids[i] === null || this.deleted.has(s.base + i) ? null : s.ids[i]!);
    }
    for (let i = Math.max(0, from - this.live.base); i < this.live.ids.length; i++) out.push(this.live.ids[i]!);
    return out;
  }

  /** Documents in the live segment (not stored yet). */
  get liveCount(): number {
    return this.live.ids.length;
  }

  /**
   * Seals the live segment (if any) and merges the newest segments while the older of two is no more than twice the
   * newer (so a run of small additions stays a few small segments, not one big one rewritten each time). Returns the
   * segments to store and the bases of the stored segments they replace.
   */
  seal(): { put: Segment[]; drop: number[] } {
    if (this.live.ids.length === 0) return { put: [], drop: [] };
    this.titleText = null;
    let fresh: Segment = this.sealLive();
    const drop: number[] = [];
    for (;;) {
      const prev = this.segments[this.segments.length - 1];
      if (!prev || prev.size > 2 * fresh.size || prev.size + fresh.size > SEGMENT_SPAN) break;
      this.segments.pop();
      drop.push(prev.base);
      fresh = this.merge(prev, fresh);
    }
    this.segments.push(fresh);
    this.live = { base: fresh.base + fresh.size, ids: [], titleHashes: [], titles: [], postings: new Map() };
    return { put: [fresh], drop };
  }

  private sealLive(): Segment {
    const { base, ids, titleHashes, titles, postings } = this.live;
    // the live segment's holes are dropped here: their ordinals are never given out again
    const terms = [...postings.keys()].sort();
    const offsets = new Uint32Array(terms.length + 1);
    let n = 0;
    for (const [i, t] of terms.entries()) {
      offsets[i] = n;
      for (const o of postings.get(t)!) if (ids[o] !== null) n++;
    }
    offsets[terms.length] = n;
    const out = new Uint16Array(n);
    let k = 0;
    for (const t of terms) for (const o of postings.get(t)!) if (ids[o] !== null) out[k++] = o;
    for (let i = 0; i < ids.length; i++) if (ids[i] === null) this.deleted.delete(base + i);
    return { base, size: ids.length, ids: [...ids], titleHashes: Uint32Array.from(titleHashes), titles: [...titles], terms, offsets, postings: out };
  }

  /** Two adjacent segments as one, without their holes. */
  private merge(a: Segment, b: Segment): Segment {
    const size = a.size + b.size;
    const ids = [...a.ids, ...b.ids];
    const hole = (local: number) => ids[local] === null || this.deleted.has(a.base + local);
    const lists = new Map<string, number[]>();
    const collect = (s: Segment, shift: number) =>
      s.terms.forEach((t, i) => {
        let list = lists.get(t);
        for (let p = s.offsets[i]!; p < s.offsets[i + 1]!; p++) {
          const local = s.postings[p]! + shift;
          if (hole(local)) continue;
          if (!list) lists.set(t, (list = []));
          list.push(local);
        }
      });
    collect(a, 0);
    collect(b, b.base - a.base); // b's ordinals all follow a's: each list stays sorted
    const titles = [...a.titles, ...b.titles];
    for (let i = 0; i < size; i++) {
      if (this.deleted.delete(a.base + i)) {
        ids[i] = null;
        titles[i] = '';
      }
    }
    const terms = [...lists.keys()].sort();
    const offsets = new Uint32Array(terms.length + 1);
    let n = 0;
    terms.forEach((t, i) => {
      offsets[i] = n;
      n += lists.get(t)!.length;
    });
    offsets[terms.length] = n;
    const postings = new Uint16Array(n);
    let k = 0;
    for (const t of terms) for (const o of lists.get(t)!) postings[k++] = o;
    const titleHashes = new Uint32Array(size);
    titleHashes.set(a.titleHashes, 0);
    titleHashes.set(b.titleHashes, a.size);
    return { base: a.base, size, ids, titleHashes, titles, terms, offsets, postings };
  }

  /**
   * The library's search: documents whose title holds every one of `titleWords` anywhere (folded, as typed), or
   * whose title and text hold every word of `textQuery` (whole words, the last one a prefix: "sevast" finds
   * "sevastopol"). Either part may be empty.
   */
  match(titleWords: readonly string[], textQuery: string): Hits {
    const bits = textQuery ? this.search(textQuery).bits : new Uint32Array(this.bitsLength);
    if (titleWords.length) {
      let inTitles: Uint32Array | null = null;
      for (const w of titleWords) {
        const b = this.titleBits(w);
        if (inTitles) for (let k = 0; k < b.length; k++) inTitles[k]! &= b[k]!;
        else inTitles = b;
      }
      for (let k = 0; k < bits.length; k++) bits[k]! |= inTitles![k]!;
      this.clearHoles(bits);
    }
    return { bits, total: countBits(bits) };
  }

  /**
   * The titles holding `word` anywhere: one native indexOf pass over all titles joined (a jump to the next title
   * after each hit), rather than a test per title: a few milliseconds over 100,000 titles.
   */
  private titleBits(word: string): Uint32Array {
    const { all, starts } = (this.titleText ??= this.joinTitles());
    const bits = new Uint32Array(this.bitsLength);
    for (let pos = all.indexOf(word); pos !== -1; ) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (starts[mid]! <= pos) lo = mid;
        else hi = mid - 1;
      }
      bits[lo >>> 5]! |= 1 << (lo & 31);
      pos = lo + 1 < starts.length ? all.indexOf(word, starts[lo + 1]!) : -1;
    }
    return bits;
  }

  /** Joins the titles now (after a sync) rather than on the next key press. */
  warm(): void {
    this.titleText ??= this.joinTitles();
  }

  private joinTitles(): { all: string; starts: Int32Array } {
    const titles: string[] = [];
    for (const list of [...this.segments.map((s) => s.titles), this.live.titles]) for (const t of list) titles.push(t);
    const starts = new Int32Array(titles.length);
    let at = 0;
    titles.forEach((t, i) => {
      starts[i] = at;
      at += t.length + 1;
    });
    return { all: titles.join('\0'), starts };
  }

  private get bitsLength(): number {
    return Math.ceil(this.end / 32) || 1;
  }

  private clearHoles(bits: Uint32Array): void {
    for (const o of this.deleted) bits[o >>> 5]! &= ~(1 << (o & 31));
  }

  /**
   * The documents holding every word of the query; the last word may be a prefix ("sevast" finds "sevastopol").
   * Each word is the union of its terms' postings over every segment, written into a bit set; the words' sets are
   * intersected; holes are cleared.
   */
  search(query: string): Hits {
    const words = queryWords(query);
    const length = this.bitsLength;
    if (!words.length) return { bits: new Uint32Array(length), total: 0 };
    let result: Uint32Array | null = null;
    for (const [i, w] of words.entries()) {
      const bits = this.wordBits(w, i === words.length - 1, length);
      if (result) for (let k = 0; k < length; k++) result[k]! &= bits[k]!;
      else result = bits;
    }
    this.clearHoles(result!);
    return { bits: result!, total: countBits(result!) };
  }

  private wordBits(word: string, prefix: boolean, length: number): Uint32Array {
    const bits = new Uint32Array(length);
    const set = (o: number) => void (bits[o >>> 5]! |= 1 << (o & 31));
    for (const s of this.segments) {
      const from = lowerBound(s.terms, word);
      for (let t = from; t < s.terms.length && (prefix ? s.terms[t]!.startsWith(word) : t === from && s.terms[t] === word); t++) {
        for (let p = s.offsets[t]!; p < s.offsets[t + 1]!; p++) set(s.base + s.postings[p]!);
      }
    }
    const live = this.live;
    if (prefix) {
      for (const [t, list] of live.postings) if (t.startsWith(word)) for (const o of list) set(live.base + o);
    } else {
      for (const o of live.postings.get(word) ?? []) set(live.base + o);
    }
    return bits;
  }
}

function countBits(bits: Uint32Array): number {
  let total = 0;
  for (let k = 0; k < bits.length; k++) total += popcount(bits[k]!);
  return total;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Whether bit `ordinal` is set in a query's answer. */
export function hasBit(bits: Uint32Array, ordinal: number): boolean {
  return ((bits[ordinal >>> 5] ?? 0) & (1 << (ordinal & 31))) !== 0;
}
