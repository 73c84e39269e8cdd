import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureCorpus } from '../formats/fixtures/corpus.ts';
import { FORMATS } from '../formats/index.ts';
import type { Dataset } from '../model.ts';
import { isOrphan, orphanOwner, orphanQueueId } from './orphans.ts';

let corpus: Dataset;
beforeAll(async () => {
  corpus = await fixtureCorpus();
});

describe('orphans', () => {
  it('live under a documentId of their own that names the article whose queue they are in', () => {
    const a = { documentId: orphanQueueId('doc-1'), orphan: { reason: 'gone', fromDocumentId: 'doc-0' } };
    expect(isOrphan(a)).toBe(true);
    expect(orphanOwner(a)).toBe('doc-1');
    expect(isOrphan({ documentId: 'doc-1' })).toBe(false);
    expect(orphanOwner({ documentId: 'doc-1' })).toBeNull();
  });

  it('are never exported as spans, in any format, and the export says why', () => {
    const doc = corpus.documents[0]!;
    const real = corpus.annotations.find((a) => a.documentId === doc.id)!;
    // even one that names its article directly (a dataset assembled by hand) is left out
    const orphan = { ...real, id: 'the-orphan', orphan: { reason: 'The quoted text is not in this version.', fromDocumentId: 'old' } };
    for (const f of FORMATS) {
      const { report } = f.export({ documents: [doc], annotations: [orphan] });
      expect(report.annotations, f.id).toBe(0);
      expect(report.leftOut, f.id).toEqual([{ reason: expect.stringMatching(/orphan/), count: 1, annotationIds: ['the-orphan'] }]);
    }
  });
});
