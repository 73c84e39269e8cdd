import { isOrphan } from '../../../shared/anchoring/orphans.ts';
import type { AnnotationOp } from '../../../shared/history.ts';

/**
 * The reader keeps two lists: the annotations it paints and the orphans it queues. Re-attaching an orphan (or
 * undoing that) is one stored update that moves a record from one list to the other, so each list sees the operation
 * as what it is for that list: a create, an update, a delete, or nothing.
 */
export function splitOp(op: AnnotationOp): { annotations: AnnotationOp | null; orphans: AnnotationOp | null } {
  if (op.kind !== 'update') {
    const side = isOrphan(op.annotation) ? 'orphans' : 'annotations';
    return { annotations: null, orphans: null, [side]: op };
  }
  const was = isOrphan(op.before);
  const is = isOrphan(op.after);
  if (was === is) return was ? { annotations: null, orphans: op } : { annotations: op, orphans: null };
  const removed: AnnotationOp = { kind: 'delete', annotation: op.before };
  const added: AnnotationOp = { kind: 'create', annotation: op.after };
  return was ? { annotations: added, orphans: removed } : { annotations: removed, orphans: added };
}
