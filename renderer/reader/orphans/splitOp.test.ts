import { describe, expect, it } from 'vitest';
import { orphanQueueId } from '../../../shared/anchoring/orphans.ts';
import type { Annotation } from '../../../shared/model.ts';
import { splitOp } from './splitOp.ts';

const base: Annotation = {
  id: 'a', documentId: 'doc', annotator: 'Ana', label: 'claim', start: 0, end: 5, quote: 'Kyiv.', prefix: '', suffix: '', createdAt: 't', updatedAt: 't',
};
const orphan: Annotation = { ...base, documentId: orphanQueueId('doc'), orphan: { reason: 'gone', fromDocumentId: 'old' } };

describe('splitOp', () => {
  it('sends plain operations to the list they belong to', () => {
    expect(splitOp({ kind: 'create', annotation: base })).toEqual({ annotations: { kind: 'create', annotation: base }, orphans: null });
    expect(splitOp({ kind: 'delete', annotation: orphan })).toEqual({ annotations: null, orphans: { kind: 'delete', annotation: orphan } });
  });

  it('turns re-attaching into a delete from the orphans and a create in the annotations, and undoing it back', () => {
    expect(splitOp({ kind: 'update', before: orphan, after: base })).toEqual({
      annotations: { kind: 'create', annotation: base },
      orphans: { kind: 'delete', annotation: orphan },
    });
    expect(splitOp({ kind: 'update', before: base, after: orphan })).toEqual({
      annotations: { kind: 'delete', annotation: base },
      orphans: { kind: 'create', annotation: orphan },
    });
  });
});
