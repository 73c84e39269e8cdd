/**
 * The first read of an opened article: the annotations of its first screen, started as the article is chosen,
 * alongside its text. Kept out of the reader's chunk (renderer/parts) so the read starts at the click even when that
 * chunk is still loading; the reader's session (useAnnotationSession.ts) takes it when it mounts.
 */
import type { Annotation } from '../../shared/model.ts';
import type { Repository } from '../db/repository.ts';

/**
 * More than any screen shows from the top of an article (about 3,000 characters fill a tall window): cheap to read
 * ahead of the rest (a few hundred annotations at most in the densest article), and it covers the reader's first
 * chunk's visible part at any window size.
 */
export const FIRST_SCREEN_CHARS = 20_000;

/**
 * An article is opened in two reads: the annotations of its first screen (starting in the first FIRST_SCREEN_CHARS
 * characters), started as the article is chosen, alongside its text; and the rest with the orphans queue, once the
 * reader has both and mounts. Why: the browser's database serves one request at a time, and reading ten thousand
 * annotations takes ~170 ms there, so started at once it would hold back the text and the first screen's highlights.
 */
function readFirstScreen(repo: Repository, documentId: string): Promise<Annotation[]> {
  return repo.annotationsStartingIn(documentId, -Infinity, FIRST_SCREEN_CHARS);
}

/** A first-screen read: its promise, and its list once it is in (so the reader can start with it, no frame later). */
export interface FirstRead {
  documentId: string;
  first: Promise<Annotation[]>;
  head?: Annotation[];
}

const prefetched = new Map<string, { repo: Repository; at: number; read: FirstRead }>();
/** A prefetch older than this is not trusted to be current (the article was not opened after all). */
const PREFETCH_FRESH_MS = 2000;

/** Starts a first-screen read and keeps it for the session to take. */
function startFirstRead(repo: Repository, documentId: string): FirstRead {
  const read: FirstRead = { documentId, first: readFirstScreen(repo, documentId) };
  read.first.then((head) => (read.head = head), () => undefined); // a failure is reported when the session takes it
  prefetched.set(documentId, { repo, at: performance.now(), read });
  return read;
}

/**
 * Starts reading the first screen's annotations as an article is chosen, alongside its text; resolves when they are
 * in (never rejects: the session reports a failure), so the article can be shown with them in its first frame.
 */
export function prefetchAnnotations(repo: Repository, documentId: string): Promise<void> {
  return startFirstRead(repo, documentId).first.then(() => undefined, () => undefined);
}

/** The prefetched read of this article if it is fresh, else a new one. Pure for a given prefetch (it is not taken). */
export function firstReadOf(repo: Repository, documentId: string): FirstRead {
  const entry = prefetched.get(documentId);
  return entry && entry.repo === repo && performance.now() - entry.at < PREFETCH_FRESH_MS ? entry.read : startFirstRead(repo, documentId);
}

/** The session has taken its read: a later opening of the article reads afresh. */
export function forgetPrefetch(documentId: string): void {
  prefetched.delete(documentId);
}
