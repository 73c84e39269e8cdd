/**
 * What the library table shows: the filters and the sort, as pure functions over document summaries (so a library of
 * 100,000 is filtered and sorted without touching the database, and the rules are unit-tested).
 */
import type { AdjudicationState, DocumentStatus } from '../../shared/model.ts';
import type { DocumentSummary } from '../db/repository.ts';
import { totalCount, type Label } from '../../shared/labels.ts';

/** A column to sort by; any other key is a label id (its count column; the label set is configurable). */
export type SortKey = 'title' | 'source' | 'date' | 'status' | 'adjudication' | 'updated' | Label;
export interface Sort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

/** "has claims / denials / unverified / nothing yet": 'any', 'none' or a label id */
export type AnnotationFilter = 'any' | 'none' | Label;

export interface Filters {
  status: DocumentStatus | 'any';
  /** A source line (see sourceLine) or 'any'. */
  source: string;
  annotations: AnnotationFilter;
  /** A collection name or 'any'. */
  collection: string;
}

export const NO_FILTERS: Filters = { status: 'any', source: 'any', annotations: 'any', collection: 'any' };

export const STATUS_NAMES: Record<DocumentStatus, string> = { todo: 'To do', 'in-progress': 'In progress', done: 'Done' };
export const ADJUDICATION_NAMES: Record<AdjudicationState, string> = { 'not-started': 'Not started', 'in-progress': 'In progress', done: 'Done' };

export const statusOf = (d: Pick<DocumentSummary, 'status'>): DocumentStatus => d.status ?? 'todo';
export const adjudicationOf = (d: Pick<DocumentSummary, 'adjudication'>): AdjudicationState => d.adjudication ?? 'not-started';
/** The article's date: its publication date when the source gave one, else the day it was added. */
export const dateOf = (d: Pick<DocumentSummary, 'source' | 'createdAt'>): string => d.source.published ?? d.createdAt;
export const updatedOf = (d: Pick<DocumentSummary, 'updatedAt' | 'createdAt'>): string => d.updatedAt ?? d.createdAt;

/** The source as the table shows it: the outlet, else the file name, else how it came in. */
export function sourceLine(d: Pick<DocumentSummary, 'source'>): string {
  const s = d.source;
  if (s.outlet) return s.outlet;
  if (s.fileName) return s.fileName;
  return s.kind === 'paste' ? 'Pasted text' : s.kind;
}

export function matchesFilters(d: DocumentSummary, f: Filters): boolean {
  if (f.status !== 'any' && statusOf(d) !== f.status) return false;
  if (f.source !== 'any' && sourceLine(d) !== f.source) return false;
  if (f.collection !== 'any' && !d.collections?.includes(f.collection)) return false;
  switch (f.annotations) {
    case 'any':
      return true;
    case 'none':
      return totalCount(d.counts) === 0;
    default:
      return (d.counts[f.annotations] ?? 0) > 0;
  }
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const STATUS_ORDER: Record<DocumentStatus, number> = { todo: 0, 'in-progress': 1, done: 2 };
const ADJUDICATION_ORDER: Record<AdjudicationState, number> = { 'not-started': 0, 'in-progress': 1, done: 2 };

function comparator(key: SortKey): (a: DocumentSummary, b: DocumentSummary) => number {
  switch (key) {
    case 'title':
      return (a, b) => collator.compare(a.title, b.title);
    case 'source':
      return (a, b) => collator.compare(sourceLine(a), sourceLine(b));
    case 'date':
      return (a, b) => dateOf(a).localeCompare(dateOf(b));
    case 'updated':
      return (a, b) => updatedOf(a).localeCompare(updatedOf(b));
    case 'status':
      return (a, b) => STATUS_ORDER[statusOf(a)] - STATUS_ORDER[statusOf(b)];
    case 'adjudication':
      return (a, b) => ADJUDICATION_ORDER[adjudicationOf(a)] - ADJUDICATION_ORDER[adjudicationOf(b)];
    default:
      return (a, b) => (a.counts[key] ?? 0) - (b.counts[key] ?? 0);
  }
}

/**
 * Sorted copy; ties keep library order (Array.prototype.sort is stable), so a sort by status keeps articles in the
 * order they were added within each status. No sort = library order.
 */
export function sortDocuments(docs: readonly DocumentSummary[], sort: Sort | null): readonly DocumentSummary[] {
  if (!sort) return docs;
  const cmp = comparator(sort.key);
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...docs].sort((a, b) => sign * cmp(a, b));
}

/** Distinct source lines, for the source filter. */
export function sourcesOf(docs: readonly DocumentSummary[]): string[] {
  const set = new Set<string>();
  for (const d of docs) set.add(sourceLine(d));
  return [...set].sort(collator.compare);
}
