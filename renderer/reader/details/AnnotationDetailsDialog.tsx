import { useEffect, useId, useState } from 'react';
import { labelDef } from '../../labels/labelStore.ts';
import { detailsChanged, MAX_NOTE_LENGTH, parseEvidence, validateDetails, withDetails, type AnnotationDetails } from '../../../shared/links.ts';
import { CONFIDENCES, type Annotation, type Confidence } from '../../../shared/model.ts';
import { Dialog } from '../../components/Dialog.tsx';
import type { LinkedAnnotation, LinkQueries } from '../../db/links.ts';
import { ClaimPicker } from '../links/ClaimPicker.tsx';
import './details.css';

export const DETAILS_TITLE = 'Annotation details';

interface AnnotationDetailsDialogProps {
  /** The annotation edited; null = closed. */
  annotation: Annotation | null;
  /** The article's annotations: a source can be one of their spans. */
  articleAnnotations: readonly Annotation[];
  queries: LinkQueries;
  /** Resolves false when the save failed (the dialog then stays open with what was typed). */
  onSave(before: Annotation, after: Annotation): Promise<boolean>;
  onClose(): void;
}

interface Form {
  note: string;
  sourceText: string;
  sourceId: string;
  confidence: Confidence | '';
  evidence: string;
  answers: string;
}

const formOf = (a: Annotation): Form => ({
  note: a.note ?? '',
  sourceText: a.source?.text ?? '',
  sourceId: a.source?.annotationId ?? '',
  confidence: a.confidence ?? '',
  evidence: (a.evidence ?? []).join('\n'),
  answers: a.answers ?? '',
});

/**
 * The "Annotation details" dialog: note, source (free text with suggestions from the library, or a span of this
 * article), confidence, evidence URLs and the claim this annotation answers. Saving is one undoable update; bad
 * input is reported in the dialog and what was typed stays.
 */
export function AnnotationDetailsDialog(props: AnnotationDetailsDialogProps) {
  // mounted only while open (the modal <dialog> opens on mount), and afresh for each annotation
  return props.annotation ? <DetailsForm key={props.annotation.id} {...props} annotation={props.annotation} /> : null;
}

function DetailsForm({ annotation: a, articleAnnotations, queries, onSave, onClose }: AnnotationDetailsDialogProps & { annotation: Annotation }) {
  const ids = useId();
  const [form, setForm] = useState<Form>(() => formOf(a));
  const [errors, setErrors] = useState<string[]>([]);
  const [suggestions, setSuggestions] = useState<string[]>([]);
  const [target, setTarget] = useState<LinkedAnnotation | 'missing' | null>(null);
  const [picking, setPicking] = useState(false);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    queries.sourceSuggestions().then(setSuggestions, () => setSuggestions([]));
  }, [queries]);

  // what the link points at, looked up again whenever it changes
  useEffect(() => {
    let live = true;
    const id = form.answers;
    if (!id) setTarget(null);
    else queries.find(id).then((t) => live && setTarget(t ?? 'missing'), () => live && setTarget('missing'));
    return () => {
      live = false;
    };
  }, [form.answers, queries]);


  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const spans = articleAnnotations.filter((x) => x.id !== a.id);
  const canAnswer = a.label !== 'claim';

  const save = async () => {
    const evidence = parseEvidence(form.evidence);
    const details: AnnotationDetails = {
      note: form.note,
      ...(form.sourceText.trim() ? { source: form.sourceId ? { text: form.sourceText, annotationId: form.sourceId } : { text: form.sourceText } } : {}),
      ...(form.confidence ? { confidence: form.confidence } : {}),
      evidence: evidence.urls,
      ...(form.answers ? { answers: form.answers } : {}),
    };
    // a link the analyst did not change is kept even when its claim is gone (they clear it explicitly)
    const problems = [...evidence.errors, ...validateDetails(a, details).filter((p) => !(form.answers === a.answers && /answer/.test(p)))];
    setErrors(problems);
    if (problems.length) return;
    if (!detailsChanged(a, details)) return onClose();
    setSaving(true);
    const ok = await onSave(a, withDetails(a, details, new Date().toISOString()));
    setSaving(false);
    if (ok) onClose();
  };

  const noteLength = form.note.length;
  return (
    <>
      <Dialog title={DETAILS_TITLE} open onClose={onClose} onSubmit={() => void (saving || save())} submitLabel="Save">
        <p className="details-of">
          <span className={`badge label-${a.label}`}>{labelDef(a.label).name}</span> <q>{a.quote}</q>
        </p>
        {errors.length ? (
          <div role="alert" className="details-errors">
            <p>Not saved yet — please fix:</p>
            <ul>
              {errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <label className="field">
          Note
          <textarea className="details-note" value={form.note} onChange={(e) => set({ note: e.target.value })} aria-describedby={`${ids}-note`} rows={4} />
        </label>
        <p id={`${ids}-note`} className={`hint${noteLength > MAX_NOTE_LENGTH ? ' over' : ''}`}>
          {noteLength > MAX_NOTE_LENGTH * 0.9 ? `${noteLength.toLocaleString('en')} of ${MAX_NOTE_LENGTH.toLocaleString('en')} characters.` : 'Several lines are fine.'}
        </p>
        <div className="details-row">
          <label className="field grow">
            Source
            <input
              type="text"
              list={`${ids}-sources`}
              value={form.sourceText}
              aria-describedby={`${ids}-source`}
              onChange={(e) => {
                const text = e.target.value;
                // typing over a span's quote makes the source free text again
                const span = spans.find((x) => x.id === form.sourceId);
                set({ sourceText: text, sourceId: span && span.quote === text ? form.sourceId : '' });
              }}
            />
            <datalist id={`${ids}-sources`}>
              {suggestions.map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
          </label>
          <label className="field">
            Source span
            <select
              aria-label="Source span"
              value={form.sourceId}
              onChange={(e) => {
                const span = spans.find((x) => x.id === e.target.value);
                set(span ? { sourceId: span.id, sourceText: span.quote } : { sourceId: '' });
              }}
            >
              <option value="">None: free text</option>
              {spans.map((x) => (
                <option key={x.id} value={x.id}>
                  {labelDef(x.label).name}: {x.quote.length > 50 ? `${x.quote.slice(0, 49)}…` : x.quote}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p id={`${ids}-source`} className="hint">
          Who makes the claim or denial: a name and role, or a span of this article (tag it first, then choose it as the source span).
        </p>
        <label className="field">
          Confidence
          <select aria-label="Confidence" value={form.confidence} onChange={(e) => set({ confidence: e.target.value as Confidence | '' })}>
            <option value="">Not set</option>
            {CONFIDENCES.map((c) => (
              <option key={c} value={c}>
                {c[0]!.toUpperCase() + c.slice(1)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Evidence URLs
          <textarea className="details-evidence" value={form.evidence} rows={3} aria-describedby={`${ids}-evidence`} onChange={(e) => set({ evidence: e.target.value })} />
        </label>
        <p id={`${ids}-evidence`} className="hint">
          One web link per line (https://…). They open in your browser.
        </p>
        <fieldset className="details-link">
          <legend>Answers</legend>
          {!canAnswer ? (
            <p className="hint">A claim answers nothing; denials and unverified reports can answer it.</p>
          ) : (
            <>
              <p className="link-target" aria-live="polite">
                {!form.answers ? (
                  'Not linked to a claim.'
                ) : target === null ? (
                  'Looking up the linked claim…'
                ) : target === 'missing' ? (
                  <strong>Answers a claim that was deleted</strong>
                ) : (
                  <>
                    Answers “{target.annotation.quote}” in {target.annotation.documentId === a.documentId ? 'this article' : `“${target.documentTitle}”`}
                  </>
                )}
              </p>
              <div className="link-actions">
                <button type="button" onClick={() => setPicking(true)}>
                  Answers…
                </button>
                {form.answers ? (
                  <button type="button" onClick={() => set({ answers: '' })}>
                    Clear link
                  </button>
                ) : null}
              </div>
            </>
          )}
        </fieldset>
      </Dialog>
      <ClaimPicker
        open={picking}
        queries={queries}
        documentId={a.documentId}
        onClose={() => setPicking(false)}
        onPick={(claim) => {
          set({ answers: claim.annotation.id });
          setPicking(false);
        }}
      />
    </>
  );
}
