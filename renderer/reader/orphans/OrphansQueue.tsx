import { textQuoteFor } from '../../../shared/anchoring/quote.ts';
import type { Span } from '../../../shared/anchoring/snap.ts';
import { labelDef } from '../../labels/labelStore.ts';
import type { Annotation, FmDocument } from '../../../shared/model.ts';
import { describeError } from '../../errors.ts';
import './orphans.css';
import type { Announce } from '../../components/StatusArea.tsx';

interface OrphansQueueProps {
  document: FmDocument;
  orphans: Annotation[];
  /** The article's current selection, snapped to words; null (with a hint announced) when there is none. */
  selectedSpan(): Span | null;
  update(before: Annotation, after: Annotation): Promise<void>;
  remove(annotation: Annotation): Promise<void>;
  /** Selects the re-attached annotation in the reader. */
  onAttached(annotation: Annotation): void;
  announce: Announce;
}

/**
 * The "Orphans" queue: annotations that did not re-anchor to this version of the article (docs/ANCHORING.md). The
 * analyst selects the right words in the article and re-attaches one, or discards it; both are undoable (Ctrl+Z).
 */
export function OrphansQueue({ document: doc, orphans, selectedSpan, update, remove, onAttached, announce }: OrphansQueueProps) {
  if (orphans.length === 0) return null;

  const reattach = async (orphan: Annotation) => {
    if (window.getSelection()?.isCollapsed ?? true) {
      return announce(`Select the words the ${labelName(orphan)} “${short(orphan.quote)}” belongs to in the article, then re-attach it.`);
    }
    const span = selectedSpan();
    if (!span) return;
    try {
      const after = attachedTo(orphan, doc, span, new Date().toISOString());
      await update(orphan, after);
      onAttached(after);
      announce(`Re-attached the ${labelName(orphan)} “${short(orphan.quote)}” to “${short(after.quote)}”. Ctrl+Z undoes it.`);
    } catch (error) {
      announce(describeError(error), 'error');
    }
  };

  const discard = async (orphan: Annotation) => {
    try {
      await remove(orphan);
      announce(`Discarded the orphaned ${labelName(orphan)} “${short(orphan.quote)}”. Ctrl+Z brings it back.`);
    } catch (error) {
      announce(describeError(error), 'error');
    }
  };

  return (
    <section className="orphans-queue" aria-labelledby="orphans-heading">
      <h3 id="orphans-heading">Orphans</h3>
      <p className="orphans-hint">
        {orphans.length === 1
          ? 'One annotation could not be placed in this version. Select the words it belongs to in the article, then re-attach it; or discard it.'
          : `${orphans.length} annotations could not be placed in this version. Select the words one belongs to in the article, then re-attach it; or discard it.`}
      </p>
      <ul>
        {orphans.map((o) => (
          <li key={o.id} aria-label={`${labelDef(o.label).name}: ${o.quote}`}>
            <span className={`orphan-label label-${o.label}`}>{labelDef(o.label).name}</span>
            <q className="orphan-quote">{o.quote}</q>
            <span className="orphan-reason">{o.orphan?.reason}</span>
            <span className="orphan-actions">
              {/* mousedown would clear the article's selection before the click could read it */}
              <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => void reattach(o)}>
                Re-attach to selection
              </button>
              <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => void discard(o)}>
                Discard
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The orphan placed on this version's text at `span`: same id, label and details; new offsets and quote. */
export function attachedTo(orphan: Annotation, doc: FmDocument, span: Span, now: string): Annotation {
  const { orphan: _was, ...rest } = orphan;
  const q = textQuoteFor(doc.text, span.start, span.end);
  return { ...rest, documentId: doc.id, start: span.start, end: span.end, quote: q.exact, prefix: q.prefix, suffix: q.suffix, updatedAt: now };
}

const labelName = (a: Annotation) => labelDef(a.label).name.toLowerCase();
const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);
