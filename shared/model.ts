/**
 * The data model (documented in docs/FORMAT.md). Records are plain JSON: what IndexedDB stores, what the native
 * export writes. Offsets in the model are UTF-16 code units into Document.text (JavaScript string indices);
 * exports that Python tools read convert them to code points (see shared/anchoring/offsets.ts).
 */
import type { Label } from './labels.ts';

/** Bumped when a stored or exported record changes shape. */
export const SCHEMA_VERSION = 1;

export interface DocumentSource {
  /** Where the text came from: 'paste', 'file', 'sample', … */
  kind: string;
  /** Original file name, when imported from a file. */
  fileName?: string;
  /** Outlet or site name, e.g. "Newsweek". */
  outlet?: string;
  url?: string;
  author?: string;
  /** Publication date as given by the source (ISO 8601 when known). */
  published?: string;
}

/**
 * Structure of one line of the text, for articles imported from Markdown or HTML. `blocks[i]` describes line i of
 * `text` (lines are separated by '\n'); a document without `blocks` is all paragraphs. Structure never changes the
 * text or its offsets: it only says how a line is shown.
 */
export interface Block {
  type: 'paragraph' | 'heading' | 'quote' | 'list-item';
  /** Heading level 1–6. */
  level?: number;
  /** For list items: numbered or bulleted. */
  ordered?: boolean;
}

export interface FmDocument {
  id: string;
  title: string;
  /** Normalised once on import (shared/normalize.ts): no BOM, LF line breaks, Unicode NFC. Never changed after. */
  text: string;
  /** SHA-256 of the UTF-8 bytes of `text`, lowercase hex. */
  contentHash: string;
  source: DocumentSource;
  blocks?: Block[];
  /** ISO 8601 timestamp of import. */
  createdAt: string;
}

export interface Annotation {
  /** UUID v4. */
  id: string;
  documentId: string;
  /** The analyst's name as set on the machine that made it. */
  annotator: string;
  label: Label;
  /** UTF-16 code unit offsets into the document text; start < end. */
  start: number;
  end: number;
  /** W3C TextQuoteSelector: the covered text and up to 32 code points of context either side. */
  quote: string;
  prefix: string;
  suffix: string;
  /** The analyst's note (multi-line), if any. */
  note?: string;
  createdAt: string;
  updatedAt: string;
}

/** A set of documents with their annotations: what dataset formats write and read. */
export interface Dataset {
  documents: FmDocument[];
  annotations: Annotation[];
}

/** What the analyst asks for; the rest (quote, context, ids, times) is derived. */
export interface AnnotationDraft {
  documentId: string;
  annotator: string;
  label: Label;
  start: number;
  end: number;
}
