/** Helpers for the format tests. */
import { strFromU8 } from 'fflate';
import type { Annotation, Dataset } from '../model.ts';
import type { FormatFile } from './types.ts';

export const fileText = (f: FormatFile) => (typeof f.data === 'string' ? f.data : strFromU8(f.data));

/** What Python's text[start:end] gives: code point slicing. */
export const cpSlice = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join('');

/** The fields of an annotation every span format carries, for comparing round trips. */
export function spanKey(dataset: Dataset, a: Annotation): string {
  const doc = dataset.documents.find((d) => d.id === a.documentId)!;
  return `${doc.contentHash}|${a.start}|${a.end}|${a.label}|${doc.text.slice(a.start, a.end)}`;
}

export const spanKeys = (d: Dataset) => d.annotations.map((a) => spanKey(d, a)).sort();
