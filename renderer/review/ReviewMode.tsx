/**
 * Review mode for one article (docs/REVIEW.md): the annotators' layers shown or hidden, a stacked view, the list of
 * disagreements with N / P to step through them, and adjudication into the reviewer's gold layer.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { findDisagreements, type Disagreement, type DisagreementKind } from '../../shared/agreement/index.ts';
import type { Label } from '../../shared/labels.ts';
import { labelDef, useLabels } from '../labels/labelStore.ts';
import { LabelSelect } from '../labels/LabelSelect.tsx';
import { ADJUDICATION_STATES, type AdjudicationState, type Annotation, type FmDocument, type GoldDecision } from '../../shared/model.ts';
import { agreedSpans, majorityOf, makeGold, outcomeOf } from '../../shared/review/adjudicate.ts';
import { GOLD, layerOf } from '../../shared/review/layers.ts';
import type { FactmarkDatabase } from '../db/database.ts';
import type { TextMap } from '../reader/textMap.ts';
import { deleteGold, putGold, reject, setAdjudication, unreject } from '../db/review.ts';
import { describeError } from '../errors.ts';
import { LayerBadge } from './LayerBadge.tsx';
import { LayerMarks } from './LayerMarks.tsx';
import { SideBySideView } from './SideBySideView.tsx';
import { StackedView } from './StackedView.tsx';
import { useReviewData } from './useReviewData.ts';
import { onSelectionChange } from '../reader/selectionChanges.ts';
import './review.css';
import type { Announce } from '../components/StatusArea.tsx';

export const KIND_NAMES: Record<DisagreementKind, string> = { label: 'Different label', boundary: 'Different boundaries', missing: 'Missing in some layers' };
const STATE_NAMES: Record<AdjudicationState, string> = { 'not-started': 'Not started', 'in-progress': 'In progress', done: 'Done' };

interface Props {
  db: FactmarkDatabase;
  document: FmDocument;
  /** The reviewer: owner of the gold layer. */
  reviewer: string;
  /** The annotations to paint in the reader (the visible layers). */
  onShown(list: Annotation[]): void;
  /** Scroll the reader to a span and select it. */
  onReveal(a: Annotation): void;
  /** The text selected in the reader, snapped to words, or null (a hint is then announced). */
  selection(): { start: number; end: number } | null;
  announce: Announce;
  /** The article's adjudication state changed (by a choice or by the first decision): the library shows it. */
  onAdjudicationChange?(state: AdjudicationState): void;
  /** The reader's scrolling element and offset map: the visible layers' marks (initials and colour) are drawn there. */
  readerHost?: HTMLElement | null;
  textMap?(): TextMap | null;
}

const short = (s: string) => (s.length > 50 ? `${s.slice(0, 47)}…` : s);

export function ReviewMode({ db, document: doc, reviewer, onShown, onReveal, selection, announce, onAdjudicationChange, readerHost, textMap }: Props) {
  const data = useReviewData(db, doc.id);
  const { annotations, gold, layers, styles, rejected } = data;
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [current, setCurrent] = useState(-1);
  const [reason, setReason] = useState('');
  const labels = useLabels();
  const [addLabel, setAddLabel] = useState<Label>(() => labels[0]?.id ?? 'claim');
  const [state, setState] = useState<AdjudicationState>(doc.adjudication ?? 'not-started');
  const reasonId = useId();
  const [view, setView] = useState<'stacked' | 'side-by-side'>('stacked');
  // The text last selected in the article, kept while the reviewer types a reason or picks a label (focusing those
  // controls clears the page's selection); a click in the article that selects nothing forgets it.
  const [picked, setPicked] = useState<{ start: number; end: number } | null>(null);
  const selectionRef = useRef(selection);
  selectionRef.current = selection;
  useEffect(() => {
    const onChange = () => {
      const sel = globalThis.document.getSelection();
      const node = sel?.anchorNode;
      const inArticle = (node instanceof Element ? node : node?.parentElement)?.closest('.article-text');
      if (!sel || !inArticle) return;
      if (sel.isCollapsed) return setPicked(null);
      const span = selectionRef.current();
      if (span) setPicked((p) => (p && p.start === span.start && p.end === span.end ? p : span));
    };
    return onSelectionChange(onChange);
  }, []);
  useEffect(() => {
    if (data.adjudication) setState(data.adjudication);
  }, [data.adjudication]);

  const visibleLayers = layers.filter((l) => !hidden.has(l));
  const byLayer = useMemo(() => {
    const m = new Map<string, Annotation[]>();
    for (const a of annotations) m.set(layerOf(a), [...(m.get(layerOf(a)) ?? []), a]);
    return m;
  }, [annotations]);
  const shown = useMemo(() => annotations.filter((a) => !hidden.has(layerOf(a))), [annotations, hidden]);
  useEffect(() => onShown(shown), [shown, onShown]);

  // disagreements among the visible annotators' layers (gold is the answer, not a party)
  const disagreements = useMemo(() => findDisagreements(annotations.filter((a) => a.layer !== 'gold'), visibleLayers), [annotations, visibleLayers.join('\u0000')]); // eslint-disable-line react-hooks/exhaustive-deps
  const counts = useMemo(() => {
    const c: Record<DisagreementKind, number> = { label: 0, boundary: 0, missing: 0 };
    for (const d of disagreements) c[d.kind]++;
    return c;
  }, [disagreements]);
  const byId = useMemo(() => new Map(annotations.map((a) => [a.id, a])), [annotations]);
  const active: Disagreement | undefined = disagreements[current];
  const involved = active ? active.annotationIds.map((id) => byId.get(id)!).filter(Boolean) : [];

  const go = (index: number) => {
    if (disagreements.length === 0) return announce('No disagreements among the visible layers.');
    const i = Math.max(0, Math.min(disagreements.length - 1, index));
    setCurrent(i);
    const d = disagreements[i]!;
    const first = byId.get(d.annotationIds[0]!);
    if (first) onReveal(first);
    announce(`Disagreement ${i + 1} of ${disagreements.length}: ${KIND_NAMES[d.kind].toLowerCase()}, “${short(doc.text.slice(d.start, d.end))}”.`);
  };
  const step = (delta: 1 | -1) => {
    if (disagreements.length === 0) return announce('No disagreements among the visible layers.');
    const next = current === -1 ? (delta === 1 ? 0 : disagreements.length - 1) : current + delta;
    if (next < 0) return announce('First disagreement.');
    if (next >= disagreements.length) return announce('Last disagreement.');
    go(next);
  };

  // N / P: next and previous disagreement, with the reader's guards (not while typing or in a dialog)
  const keys = useRef<(e: KeyboardEvent) => void>(() => {});
  keys.current = (e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || globalThis.document.querySelector('dialog[open]')) return;
    const t = e.target;
    if (t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return;
    const k = e.key.toLowerCase();
    if (k === 'n' || k === 'p') {
      e.preventDefault();
      step(k === 'n' ? 1 : -1);
    }
  };
  useEffect(() => {
    const listener = (e: KeyboardEvent) => keys.current(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const guard = async (task: () => Promise<string>) => {
    try {
      const message = await task();
      data.reload();
      setReason('');
      // the first decision moves the article to "in progress" in the database (renderer/db/review.ts markInProgress);
      // reload() reads the state back, and the library is told so its Adjudication column follows
      if (state === 'not-started') onAdjudicationChange?.('in-progress');
      announce(message);
    } catch (e) {
      announce(describeError(e), 'error');
    }
  };
  const now = () => new Date().toISOString();
  const addGold = (start: number, end: number, label: Label, decision: GoldDecision) =>
    putGold(db, [makeGold(doc.text, doc.id, reviewer, { start, end, label, decision: { ...decision, reason } }, now())]);

  const accept = (a: Annotation) =>
    guard(async () => {
      await addGold(a.start, a.end, a.label, { action: 'accept', from: [a.id] });
      if (rejected.has(a.id)) await unreject(db, a.id);
      return `Accepted ${a.annotator}’s ${labelDef(a.label).name.toLowerCase()} “${short(a.quote)}” into gold.`;
    });
  const acceptMajority = () =>
    guard(async () => {
      const m = majorityOf(involved, layers.length);
      if (!m) throw new Error('No majority: fewer than half of the annotators chose any one of these spans.');
      await addGold(m.start, m.end, m.label, { action: 'majority', from: m.from });
      return `Accepted the majority: ${labelDef(m.label).name.toLowerCase()} “${short(doc.text.slice(m.start, m.end))}”.`;
    });
  const rejectOne = (a: Annotation) =>
    guard(async () => {
      await reject(db, { id: a.id, documentId: doc.id, reviewer, ...(reason.trim() ? { reason: reason.trim() } : {}), createdAt: now() });
      return `Rejected ${a.annotator}’s ${labelDef(a.label).name.toLowerCase()} “${short(a.quote)}”.`;
    });
  const addSelection = () =>
    guard(async () => {
      const span = picked ?? selection();
      if (!span) throw new Error('Select the text for the gold span in the article first.');
      setPicked(null);
      // from an open disagreement this is an edit of those spans (new boundaries or label); otherwise a new span
      await addGold(span.start, span.end, addLabel, active ? { action: 'edit', from: active.annotationIds } : { action: 'add' });
      return `Added ${labelDef(addLabel).name.toLowerCase()} “${short(doc.text.slice(span.start, span.end))}” to gold.`;
    });
  const relabelGold = (g: Annotation, label: Label) =>
    guard(async () => {
      await putGold(db, [{ ...g, label, updatedAt: now(), decision: { action: g.decision?.action === 'add' ? 'add' : 'edit', ...(g.decision?.from ? { from: g.decision.from } : {}), ...(reason.trim() ? { reason: reason.trim() } : g.decision?.reason ? { reason: g.decision.reason } : {}) } }]);
      return `Gold “${short(g.quote)}” is now ${labelDef(label).name.toLowerCase()}.`;
    });
  const removeGold = (g: Annotation) =>
    guard(async () => {
      await deleteGold(db, g.id);
      return `Removed “${short(g.quote)}” from gold.`;
    });
  const acceptAgreed = () =>
    guard(async () => {
      const drafts = agreedSpans(annotations, layers);
      await putGold(db, drafts.map((d) => makeGold(doc.text, doc.id, reviewer, d, now())));
      return drafts.length ? `Accepted ${drafts.length} agreed span${drafts.length === 1 ? '' : 's'} into gold.` : 'No agreed spans left to accept.';
    });
  const changeState = async (next: AdjudicationState) => {
    try {
      await setAdjudication(db, doc.id, next);
      setState(next);
      onAdjudicationChange?.(next);
      announce(`Adjudication of this article: ${STATE_NAMES[next].toLowerCase()}.`);
    } catch (e) {
      announce(describeError(e), 'error');
    }
  };

  const shownLayers = useMemo(() => [...visibleLayers, ...(hidden.has(GOLD) ? [] : [GOLD])], [visibleLayers.join('\u0000'), hidden]); // eslint-disable-line react-hooks/exhaustive-deps
  const selectedIds = useMemo(() => new Set(active?.annotationIds ?? []), [active]);
  const mine = (byLayer.get(reviewer) ?? []).map((a) => ({ a, outcome: outcomeOf(a, gold, rejected) })).filter((x) => x.outcome.status !== 'pending');

  return (
    <aside className="review-panel" aria-label="Review">
      <div className="review-toolbar">
        <label className="inline-field">
          Adjudication
          <select value={state} onChange={(e) => void changeState(e.target.value as AdjudicationState)}>
            {ADJUDICATION_STATES.map((s) => (
              <option key={s} value={s}>
                {STATE_NAMES[s]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void acceptAgreed()}>
          Accept all agreed spans
        </button>
      </div>

      {mine.length ? (
        <section className="outcomes" aria-label="Reviewer’s decisions on your work">
          <h3>Reviewer’s decisions on your work</h3>
          <ul>
            {mine.map(({ a, outcome }) => (
              <li key={a.id} className={`outcome-${outcome.status}`}>
                <strong>{outcome.status === 'accepted' ? 'Accepted' : outcome.status === 'rejected' ? 'Rejected' : 'Edited'}</strong>:{' '}
                <button type="button" className="link" onClick={() => onReveal(a)}>
                  {labelDef(a.label).name} “{short(a.quote)}”
                </button>
                {outcome.status === 'edited' ? ` (${outcome.change})` : ''}
                {outcome.status !== 'pending' && outcome.reason ? ` — ${outcome.reason}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <fieldset className="layers">
        <legend>Layers</legend>
        {[...layers, GOLD].map((name) => (
          <label key={name} className="layer-toggle">
            <input type="checkbox" checked={!hidden.has(name)} onChange={() => setHidden((h) => toggle(h, name))} />
            <LayerBadge style={styles.get(name)} />
            {name} ({(byLayer.get(name) ?? []).length})
          </label>
        ))}
      </fieldset>

      <section className="disagreements" aria-label="Disagreements">
        <h3>
          Disagreements <span className="count">({disagreements.length})</span>
        </h3>
        <p className="kind-counts">
          {(Object.keys(KIND_NAMES) as DisagreementKind[]).map((k) => `${KIND_NAMES[k]}: ${counts[k]}`).join(' · ')}
        </p>
        <div className="stepper">
          <button type="button" aria-keyshortcuts="P" onClick={() => step(-1)}>
            Previous disagreement
          </button>
          <button type="button" aria-keyshortcuts="N" onClick={() => step(1)}>
            Next disagreement
          </button>
        </div>
        <ol className="disagreement-list">
          {disagreements.map((d, i) => (
            <li key={`${d.kind}:${d.start}:${d.end}:${d.annotationIds.join()}`}>
              <button type="button" aria-current={i === current ? 'true' : undefined} onClick={() => go(i)}>
                <strong>{KIND_NAMES[d.kind]}</strong>: “{short(doc.text.slice(d.start, d.end))}” —{' '}
                {d.annotationIds
                  .map((id) => byId.get(id))
                  .filter((a): a is Annotation => !!a)
                  .map((a) => `${styles.get(a.annotator)?.initials ?? a.annotator} ${labelDef(a.label).name.toLowerCase()}`)
                  .join(', ')}
                {d.missingFrom ? `; missing from ${d.missingFrom.join(', ')}` : ''}
              </button>
            </li>
          ))}
        </ol>
      </section>

      <section className="adjudicate" aria-label="Adjudicate">
        <h3>Adjudicate</h3>
        <label className="field" htmlFor={reasonId}>
          Reason
        </label>
        <textarea id={reasonId} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Why (optional): saved with the next decision" />
        {active ? (
          <>
            <p className="hint">
              {KIND_NAMES[active.kind]} {current + 1} of {disagreements.length}
            </p>
            <ul className="decision-list">
              {involved.map((a) => (
                <li key={a.id}>
                  <LayerBadge style={styles.get(a.annotator)} /> {a.annotator}: {labelDef(a.label).name} “{short(a.quote)}”
                  {rejected.has(a.id) ? <em> (rejected)</em> : null}
                  <span className="decision-buttons">
                    <button type="button" onClick={() => void accept(a)}>
                      Accept {styles.get(a.annotator)?.initials} {labelDef(a.label).name.toLowerCase()}
                    </button>
                    <button type="button" onClick={() => void rejectOne(a)}>
                      Reject {styles.get(a.annotator)?.initials} {labelDef(a.label).name.toLowerCase()}
                    </button>
                  </span>
                </li>
              ))}
            </ul>
            <button type="button" onClick={() => void acceptMajority()}>
              Accept the majority
            </button>
          </>
        ) : (
          <p className="hint">Choose a disagreement (N / P) to accept, reject or edit its spans.</p>
        )}
        <div className="add-gold">
          <label className="inline-field">
            Gold label
            <LabelSelect value={addLabel} onChange={(l) => l && setAddLabel(l)} />
          </label>
          <button type="button" onClick={() => void addSelection()}>
            Add selection to gold
          </button>
          <span className="hint" aria-live="polite">
            {picked ? `Selection: “${short(doc.text.slice(picked.start, picked.end))}”` : 'Select text in the article to add it.'}
          </span>
        </div>
      </section>

      <section className="gold-list" aria-label="Gold">
        <h3>
          Gold <span className="count">({gold.length})</span>
        </h3>
        <ul>
          {gold.map((g) => (
            <li key={g.id}>
              <button type="button" className="link" onClick={() => onReveal(g)}>
                {labelDef(g.label).name}: “{short(g.quote)}”
              </button>
              <span className="hint"> {g.decision?.action}{g.decision?.reason ? ` — ${g.decision.reason}` : ''}</span>
              <LabelSelect aria-label={`Gold label of “${short(g.quote)}”`} value={g.label} onChange={(l) => l && void relabelGold(g, l)} />
              <button type="button" onClick={() => void removeGold(g)} aria-label={`Remove “${short(g.quote)}” from gold`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      </section>


      <fieldset className="view-switch">
        <legend>View</legend>
        <label>
          <input type="radio" name="review-view" checked={view === 'stacked'} onChange={() => setView('stacked')} /> Stacked
        </label>
        <label>
          <input type="radio" name="review-view" checked={view === 'side-by-side'} onChange={() => setView('side-by-side')} /> Side by side
        </label>
      </fieldset>
      {view === 'stacked' ? (
        <StackedView text={doc.text} layers={shownLayers} styles={styles} byLayer={byLayer} selectedIds={selectedIds} onSelect={onReveal} />
      ) : (
        <SideBySideView text={doc.text} layers={shownLayers} styles={styles} byLayer={byLayer} selectedIds={selectedIds} onSelect={onReveal} />
      )}
      {readerHost && textMap ? <LayerMarks host={readerHost} map={textMap} annotations={shown} layers={shownLayers} styles={styles} /> : null}
    </aside>
  );
}

function toggle(set: ReadonlySet<string>, name: string): Set<string> {
  const next = new Set(set);
  if (next.has(name)) next.delete(name);
  else next.add(name);
  return next;
}
