/**
 * The data model (documented in docs/FORMAT.md). Records are plain JSON: what IndexedDB stores, what the native
 * export writes. Offsets in the model are UTF-16 code units into Document.text (JavaScript string indices);
 * exports that Python tools read convert them to code points (see shared/anchoring/offsets.ts).
 */
import type { Label, LabelDef } from './labels.ts';

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
  /** Last change to the document's metadata, status or annotations (ISO 8601); absent = createdAt. */
  updatedAt?: string;
  /** The analyst's progress on this article; absent = 'todo'. */
  status?: DocumentStatus;
  /** Names of the collections (investigations) the article is in. */
  collections?: string[];
  /** The analyst's notes about the article (not about a span). */
  notes?: string;
  /**
   * Versions: every version of an article shares `versionGroup` (the id of its first version) and counts up
   * `version` from 1. Absent = a first version with no others.
   */
  versionGroup?: string;
  version?: number;
  /** The reviewer's adjudication progress on this article; absent = 'not-started'. */
  adjudication?: AdjudicationState;
  /** Set when the article is in the trash (ISO 8601); its annotations stay with it until the trash is emptied. */
  deletedAt?: string;
}

export const DOCUMENT_STATUSES = ['todo', 'in-progress', 'done'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const ADJUDICATION_STATES = ['not-started', 'in-progress', 'done'] as const;
export type AdjudicationState = (typeof ADJUDICATION_STATES)[number];

export const CONFIDENCES = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** Who makes a claim or denial: free text, or a span of the article (then `text` is that span's quote). */
export interface AttributedSource {
  text: string;
  annotationId?: string;
}

/** Why an annotation is an orphan and which version of the article it came from. */
export interface OrphanInfo {
  /** Shown to the analyst, e.g. "The quoted text is no longer in this version." */
  reason: string;
  fromDocumentId: string;
}

/** An adjudication decision carried by a gold annotation. */
export interface GoldDecision {
  action: 'accept' | 'majority' | 'edit' | 'add';
  /** Ids of the annotators' annotations the gold span was taken from. */
  from?: string[];
  reason?: string;
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
  source?: AttributedSource;
  confidence?: Confidence;
  /** Evidence URLs, http/https only. */
  evidence?: string[];
  /** Id of the annotation (usually a claim, in this or another article) that this one answers. */
  answers?: string;
  /** 'gold' for the reviewer's adjudicated layer; absent = the annotator's own layer. */
  layer?: 'gold';
  /** On gold annotations: how the reviewer arrived at it. */
  decision?: GoldDecision;
  /**
   * Set on an annotation that could not be re-anchored when its article got a new version (see docs/ANCHORING.md):
   * it waits in the new version's Orphans queue until the analyst re-attaches or discards it. While it is an
   * orphan its `documentId` is `orphanQueueId(new version's id)` (shared/anchoring/orphans.ts), so every query by
   * document — highlights, library counts, exports — leaves it out; its offsets and quote are still those of the
   * text of `fromDocumentId`.
   */
  orphan?: OrphanInfo;
  createdAt: string;
  updatedAt: string;
}

/**
 * A record that an annotator deleted an annotation, so that a review package can carry the deletion and a
 * teammate's copy of that layer drops it too (see docs/FORMAT.md).
 */
export interface Tombstone {
  /** The deleted annotation's id. */
  id: string;
  documentId: string;
  annotator: string;
  deletedAt: string;
}

/** A reviewer's rejection of an annotator's span during adjudication, with the reason. */
export interface Rejection {
  /** The rejected annotation's id. */
  id: string;
  documentId: string;
  reviewer: string;
  reason?: string;
  createdAt: string;
}

/** A set of documents with their annotations: what dataset formats write and read. */
export interface Dataset {
  documents: FmDocument[];
  annotations: Annotation[];
  /** Deletions to carry to other copies of a layer (review packages). */
  tombstones?: Tombstone[];
  /** The reviewer's rejected spans (adjudicated datasets). */
  rejections?: Rejection[];
  /** The label set the annotations were made with: exports carry it, a native import returns the file's. */
  labels?: LabelDef[];
}

/** What the analyst asks for; the rest (quote, context, ids, times) is derived. */
export interface AnnotationDraft {
  documentId: string;
  annotator: string;
  label: Label;
  start: number;
  end: number;
}
