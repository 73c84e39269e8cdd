/** The open article's layers for review mode: every annotator's annotations, the gold layer and the rejections. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { compareReadingOrder } from '../../shared/annotation.ts';
import type { Annotation, Rejection } from '../../shared/model.ts';
import { GOLD, layerOf, layerStyles } from '../../shared/review/layers.ts';
import type { FactmarkDatabase } from '../db/database.ts';
import { rejectionsOf } from '../db/review.ts';

export function useReviewData(db: FactmarkDatabase, documentId: string) {
  const [annotations, setAnnotations] = useState<Annotation[]>([]);
  const [rejections, setRejections] = useState<Rejection[]>([]);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let live = true;
    Promise.all([db.annotations.where('documentId').equals(documentId).toArray(), rejectionsOf(db, documentId)]).then(([list, rej]) => {
      if (!live) return;
      setAnnotations(list.sort(compareReadingOrder));
      setRejections(rej);
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
  return { annotations, gold, layers, styles, rejected, reload };
}
