/** The open article's layers for review mode: every annotator's annotations, the gold layer and the rejections. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { compareReadingOrder } from '../../shared/annotation.ts';
import type { AdjudicationState, Annotation, Rejection } from '../../shared/model.ts';
import { GOLD, layerOf, layerStyles } from '../../shared/review/layers.ts';
import type { FactmarkDatabase } from '../db/database.ts';
import { rejectionsOf } from '../db/review.ts';

export function useReviewData(db: FactmarkDatabase, documentId: string) {
  const [annotations, setAnnotations] = useState<Annotation[]>([]);
  const [rejections, setRejections] = useState<Rejection[]>([]);
  // read from the database, not the open document object, which is not refreshed when the state changes
  const [adjudication, setAdjudication] = useState<AdjudicationState | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let live = true;
    Promise.all([db.annotations.where('documentId').equals(documentId).toArray(), rejectionsOf(db, documentId), db.documents.get(documentId)]).then(([list, rej, doc]) => {
      if (!live) return;
      setAnnotations(list.sort(compareReadingOrder));
      setRejections(rej);
      setAdjudication(doc?.adjudication ?? 'not-started');
    });
    return () => {
      live = false;
    };
  }, [db, documentId, version]);

  const layers = useMemo(() => {
    const names = [...new Set(annotations.map(layerOf))].filter((n) => n !== GOLD).sort((a, b) => a.localeCompare(b));
    return names;
  }, [annotations]);
  const styles = useMemo(() => layerStyles([...layers, GOLD]), [layers]);
  const gold = useMemo(() => annotations.filter((a) => a.layer === 'gold'), [annotations]);
  const rejected = useMemo(() => new Map(rejections.map((r) => [r.id, r])), [rejections]);
  return { annotations, gold, layers, styles, rejected, adjudication, reload };
}
