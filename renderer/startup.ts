import type { LabelSet } from '../shared/labels.ts';
import { loadLabelSet } from './db/labels.ts';
import { FIRST_ROWS, firstDocuments, type FirstRows } from './db/library.ts';
import type { Repository } from './db/repository.ts';

/** The setting holding the annotator's name. */
export const ANNOTATOR_KEY = 'annotator';

/**
 * What the first screen waits for: the annotator's name, the label set and the library's first rows, read side by
 * side as the app starts (main.tsx). Read by the components showing them, they were three waits in turn, each after
 * a render (the app, then the label set's provider, then the library), and the rows showed ~100 ms after they were in.
 * A read that fails leaves what was there before it: no name (the first-run screen), the default labels, no first
 * rows (the whole list is read next, and reports the problem). A database that cannot be opened at all rejects:
 * showing the first-run screen then would tell a person with a full library that it is new (main.tsx says so instead).
 */
export interface Startup {
  annotator: string | null;
  labels: LabelSet | null;
  firstRows: FirstRows | null;
}

export async function readStartup(repo: Repository): Promise<Startup> {
  // each read below would wait for the opening anyway; a failure here is the whole library's, not one read's
  await repo.db.open();
  const [annotator, labels, firstRows] = await Promise.all([
    repo.getSetting<string>(ANNOTATOR_KEY).then(
      (name) => name ?? null,
      () => null,
    ),
    loadLabelSet(repo.db).catch(() => null),
    firstDocuments(repo.db, FIRST_ROWS).catch(() => null),
  ]);
  return { annotator, labels, firstRows };
}
