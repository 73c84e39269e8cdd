/**
 * The "Agreement" view: inter-annotator agreement for the open article, a collection or the whole library
 * (shared/agreement; definitions in docs/AGREEMENT.md). The gold layer is the answer, not an annotator: left out.
 */
import { useEffect, useMemo, useState } from 'react';
import { agreementReport, reportToCsv, type AgreementReport } from '../../shared/agreement/index.ts';
import { labelDef, useLabels } from '../labels/labelStore.ts';
import { labelClass } from '../labels/labelStyles.ts';
import type { Dataset } from '../../shared/model.ts';
import type { FactmarkDatabase } from '../db/database.ts';
import { Repository } from '../db/repository.ts';
import { describeError } from '../errors.ts';
import { platform } from '../platform/index.ts';
import './review.css';
import type { Announce } from '../components/StatusArea.tsx';

type Scope = 'article' | 'collection' | 'library';

interface Props {
  db: FactmarkDatabase;
  openId: string | null;
  openTitle: string | null;
  onOpen(id: string): void;
  /** Saves every layer, gold, decisions and rejections for the analysts (an adjudicated package). */
  onExportAdjudicated?(): void;
  announce: Announce;
}

const fmt = (x: number | null) => (x === null ? '—' : x.toFixed(3));

export function AgreementView({ db, openId, openTitle, onOpen, onExportAdjudicated, announce }: Props) {
  const [scope, setScope] = useState<Scope>(openId ? 'article' : 'library');
  const [collection, setCollection] = useState('');
  const [collections, setCollections] = useState<string[]>([]);
  const [dataset, setDataset] = useState<Dataset | null>(null);
  // the library's label set: the figures, bars and matrices follow its order; labels outside it that occur follow
  const labels = useLabels();

  useEffect(() => {
    db.documents.orderBy('createdAt').toArray().then((docs) => setCollections([...new Set(docs.flatMap((d) => d.collections ?? []))].sort()), () => setCollections([]));
  }, [db]);
  useEffect(() => {
    let live = true;
    const load = async () => {
      const repo = new Repository(db);
      let ids: string[] | undefined;
      if (scope === 'article') ids = openId ? [openId] : [];
      else if (scope === 'collection') ids = (await db.documents.where('collections').equals(collection).toArray()).filter((d) => !d.deletedAt).map((d) => d.id);
      const all = await repo.datasetFor(ids);
      return { documents: all.documents, annotations: all.annotations.filter((a) => a.layer !== 'gold') };
    };
    load().then((d) => live && setDataset(d), (e) => announce(describeError(e), 'error'));
    return () => {
      live = false;
    };
  }, [db, scope, collection, openId, announce]);

  // the database hands over only the collection's articles (cheaper); the report itself applies and states the scope
  const report: AgreementReport | null = useMemo(
    () => (dataset ? agreementReport(dataset, scope === 'collection' ? { collection, labels } : { labels }) : null),
    [dataset, scope, collection, labels],
  );

  const save = async (kind: 'csv' | 'json') => {
    if (!report) return;
    const text = kind === 'csv' ? reportToCsv(report) : `${JSON.stringify(report, null, 2)}\n`;
    const name = `factmark-agreement-${scope}-${new Date().toISOString().slice(0, 10)}.${kind}`;
    try {
      const saved = await platform.saveFile({ suggestedName: name, data: new TextEncoder().encode(text), filters: [{ name: kind.toUpperCase(), extensions: [kind] }] });
      announce(saved ? `Saved the agreement figures to ${name}.` : 'Export cancelled: nothing was saved.');
    } catch (e) {
      announce(describeError(e), 'error');
    }
  };

  const pair = (a: string, b: string) => report?.perPair.find((p) => (p.annotators[0] === a && p.annotators[1] === b) || (p.annotators[0] === b && p.annotators[1] === a));
  const titles = new Map(report?.perArticle.map((a) => [a.documentId, a]) ?? []);

  return (
    <section className="agreement-view" aria-label="Agreement">
      <h2>Agreement</h2>
      <div className="agreement-actions">
        <label className="inline-field">
          Scope
          <select value={scope} onChange={(e) => setScope(e.target.value as Scope)}>
            <option value="article" disabled={!openId}>
              Open article{openTitle ? ` (${openTitle})` : ''}
            </option>
            <option value="collection" disabled={collections.length === 0}>
              Collection
            </option>
            <option value="library">Whole library</option>
          </select>
        </label>
        {scope === 'collection' ? (
          <label className="inline-field">
            Collection
            <select value={collection} onChange={(e) => setCollection(e.target.value)}>
              <option value="">Choose…</option>
              {collections.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </label>
        ) : null}
        <button type="button" onClick={() => void save('csv')} disabled={!report}>
          Export agreement CSV
        </button>
        <button type="button" onClick={() => void save('json')} disabled={!report}>
          Export agreement JSON
        </button>
        {onExportAdjudicated ? (
          <button type="button" onClick={onExportAdjudicated}>
            Export adjudicated package
          </button>
        ) : null}
      </div>
      {!report ? (
        <p>Computing…</p>
      ) : report.annotators.length < 2 ? (
        <p>Agreement needs at least two annotators’ layers in this scope. Import teammates’ work first.</p>
      ) : (
        <>
          <dl className="figures">
            <div>
              <dt>Fleiss’ κ (tokens)</dt>
              <dd>{fmt(report.overall.tokenFleissKappa)}</dd>
            </div>
            <div>
              <dt>Krippendorff’s α (tokens, nominal)</dt>
              <dd>{fmt(report.overall.tokenAlpha)}</dd>
            </div>
            <div>
              <dt>Span F1, exact</dt>
              <dd>{fmt(report.overall.spanExactF1)}</dd>
            </div>
            <div>
              <dt>Span F1, overlap</dt>
              <dd>{fmt(report.overall.spanOverlapF1)}</dd>
            </div>
            <div>
              <dt>Articles compared</dt>
              <dd>
                {report.overall.documentsCompared} of {report.overall.documents}
              </dd>
            </div>
          </dl>

          <table aria-label="Cohen’s κ by annotator pair">
            <caption>Cohen’s κ (tokens), annotator × annotator</caption>
            <thead>
              <tr>
                <td />
                {report.annotators.map((a) => (
                  <th key={a} scope="col">
                    {a}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.annotators.map((a) => (
                <tr key={a}>
                  <th scope="row">{a}</th>
                  {report.annotators.map((b) => (
                    <td key={b}>{a === b ? '1' : fmt(pair(a, b)?.tokenCohenKappa ?? null)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>

          <h3>Per label (span F1, overlap)</h3>
          <div role="list" aria-label="Per label">
            {report.perLabel.map((l) => (
              <div role="listitem" key={l.label} className="bar-row" aria-label={`${labelDef(l.label).name}: F1 ${fmt(l.spanOverlapF1)}`}>
                <span>{labelDef(l.label).name}</span>
                <span className={`bar ${labelClass(l.label)}`} aria-hidden="true">
                  <span style={{ width: `${Math.round((l.spanOverlapF1 ?? 0) * 100)}%` }} />
                </span>
                <span>{fmt(l.spanOverlapF1)}</span>
              </div>
            ))}
          </div>

          {report.perPair.map((p) => (
            <ConfusionTable
              key={p.annotators.join('|')}
              label={`Span label confusion ${p.annotators[0]} × ${p.annotators[1]}`}
              caption={`Span labels (spans matched by overlap): rows ${p.annotators[0]}, columns ${p.annotators[1]}; none = no overlapping span`}
              categories={report.spanCategories}
              matrix={p.spanConfusion}
              marked
            />
          ))}

          {report.scope.kind === 'library' && report.perCollection.length ? (
            <table aria-label="Per collection">
              <caption>Per collection</caption>
              <thead>
                <tr>
                  <th scope="col">Collection</th>
                  <th scope="col">Articles compared</th>
                  <th scope="col">α (tokens)</th>
                  <th scope="col">Fleiss’ κ</th>
                  <th scope="col">Span F1, overlap</th>
                </tr>
              </thead>
              <tbody>
                {report.perCollection.map((c) => (
                  <tr key={c.collection}>
                    <th scope="row">{c.collection}</th>
                    <td>
                      {c.documentsCompared} of {c.documents}
                    </td>
                    <td>{fmt(c.tokenAlpha)}</td>
                    <td>{fmt(c.tokenFleissKappa)}</td>
                    <td>{fmt(c.spanOverlapF1)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}

          {report.perPair.map((p) => (
            <ConfusionTable
              key={p.annotators.join('|')}
              label={`Confusion matrix ${p.annotators[0]} × ${p.annotators[1]}`}
              caption={`Confusion (tokens): rows ${p.annotators[0]}, columns ${p.annotators[1]}`}
              categories={report.categories}
              matrix={p.confusion}
            />
          ))}

          <h3>Worst articles first</h3>
          <ol aria-label="Worst articles first">
            {report.ranking.slice(0, 50).map((id) => {
              const a = titles.get(id)!;
              return (
                <li key={id}>
                  <button type="button" className="link" onClick={() => onOpen(id)}>
                    {a.title}
                  </button>{' '}
                  — α {fmt(a.tokenAlpha)}, F1 {fmt(a.spanOverlapF1)}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}

/** One pair's confusion matrix: rows the first annotator's categories, columns the second's. `marked` styles the diagonal and the non-zero cells off it. */
function ConfusionTable({ label, caption, categories, matrix, marked = false }: { label: string; caption: string; categories: readonly string[]; matrix: readonly (readonly number[])[]; marked?: boolean }) {
  return (
    <table aria-label={label}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <td />
          {categories.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {matrix.map((row, i) => (
          <tr key={i}>
            <th scope="row">{categories[i]}</th>
            {row.map((n, j) => (
              <td key={j} className={marked ? (i === j ? 'diagonal' : n > 0 ? 'off-diagonal' : undefined) : undefined}>
                {n}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
