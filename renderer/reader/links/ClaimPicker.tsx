import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useModalDialog } from '../../components/useModalDialog.ts';
import { filterClaims, type LinkedAnnotation, type LinkQueries } from '../../db/links.ts';
import '../details/details.css';

const TITLE = 'Link to a claim';

interface ClaimPickerProps {
  open: boolean;
  queries: LinkQueries;
  /** The article being read: its claims are listed first. */
  documentId: string;
  onPick(claim: LinkedAnnotation): void;
  onClose(): void;
}

/**
 * The "Link to a claim" dialog: a search box over every claim in the library (quote and article title) and a listbox
 * of results. Arrow keys move through the results while typing (combobox pattern), Enter or a click picks one.
 */
export function ClaimPicker({ open, queries, documentId, onPick, onClose }: ClaimPickerProps) {
  const ref = useModalDialog(open);
  const listId = useId();
  const [query, setQuery] = useState('');
  const [claims, setClaims] = useState<LinkedAnnotation[] | null>(null);
  const [active, setActive] = useState(0);
  const [error, setError] = useState('');
  const listRef = useRef<HTMLUListElement>(null);

  // the library's claims are read once per opening; typing filters them in memory
  useEffect(() => {
    if (!open) {
      setQuery('');
      setClaims(null);
      return;
    }
    let live = true;
    queries.claims(documentId).then(
      (c) => live && (setClaims(c), setError('')),
      (e) => live && setError(`The claims could not be searched: ${e instanceof Error ? e.message : String(e)}`),
    );
    return () => {
      live = false;
    };
  }, [open, queries, documentId]);

  const found = useMemo(() => (claims ? filterClaims(claims, query) : null), [claims, query]);
  useEffect(() => setActive(0), [found]);

  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const results = found?.results ?? [];
  const optionId = (i: number) => `${listId}-o${i}`;

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (results.length) setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : results.length - 1)) % results.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const pick = results[active];
      if (pick) onPick(pick);
    }
  };

  return (
    <dialog ref={ref} aria-label={TITLE} onClose={onClose} className="dialog claim-picker">
      <h2>{TITLE}</h2>
      <p className="hint">Claims in every article of the library. Type words of the claim or of the article's title; ↑ ↓ choose, Enter links.</p>
      <input
        type="search"
        className="claim-search"
        aria-label="Search claims"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={results[active] ? optionId(active) : undefined}
        autoComplete="off"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      <p className="hint" aria-live="polite">
        {found === null ? 'Searching…' : found.total === 0 ? (query ? 'No claim matches.' : 'There are no claims in the library yet.') : found.total > results.length ? `Showing ${results.length} of ${found.total} claims; type to narrow them.` : `${found.total} claim${found.total === 1 ? '' : 's'}.`}
      </p>
      <ul ref={listRef} id={listId} role="listbox" aria-label="Claims" className="claim-options">
        {results.map((r, i) => (
          <li
            key={r.annotation.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseEnter={() => setActive(i)}
            onClick={() => onPick(r)}
          >
            <q>{r.annotation.quote}</q>
            <span className="claim-doc">
              {r.annotation.documentId === documentId ? 'This article' : r.documentTitle} · {r.annotation.annotator}
            </span>
          </li>
        ))}
      </ul>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
