/**
 * Where the open article came from: source, address (opened in the system browser), publication date, when it was
 * imported, a short content hash and its version, with buttons to open its other versions. The versions are
 * watched live, so a new version imported while the article is open shows up here at once.
 */
import { liveQuery } from 'dexie';
import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import type { DocumentSource, FmDocument } from '../../shared/model.ts';
import type { Repository } from '../db/repository.ts';
import { versionsOf, type VersionSummary } from '../db/versions.ts';
import { describeError } from '../errors.ts';
import { platform } from '../platform/index.ts';
import './provenance.css';
import type { Announce } from '../components/StatusArea.tsx';

interface ProvenanceHeaderProps {
  repo: Repository;
  document: FmDocument;
  onOpenVersion?(id: string): void;
  announce: Announce;
}

/**
 * Watches an article's versions, by the version group's index only, which also finds the group a lone article gets
 * when a new version of it is imported while it is open (the group is the first version's id). Not the article's
 * record: every tag stamps its Updated time, and a query reading it would run again after each one, beside the next
 * key press's transaction. Outside the component so the query's closure holds the two ids only: Dexie keeps a finished
 * query in its cache for a while, and one made inside the component kept the article (its whole text) alive with it.
 * Returns the unsubscribe.
 */
function watchVersions(repo: Repository, id: string, versionGroup: string, show: Dispatch<SetStateAction<VersionSummary[]>>): () => void {
  const sub = liveQuery(() => versionsOf(repo.db, { id, versionGroup })).subscribe({
    // a tag in an article with versions runs this again (its index entry is written): re-render only on a change
    next: (next) => show((shown) => (JSON.stringify(shown) === JSON.stringify(next) ? shown : next)),
    error: () => show([]),
  });
  return () => sub.unsubscribe();
}

/** Enough of the SHA-256 to tell texts apart by eye; the full hash is in the tooltip and the exports. */
const SHORT_HASH = 12;

export function ProvenanceHeader({ repo, document: doc, onOpenVersion, announce }: ProvenanceHeaderProps) {
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const versionGroup = doc.versionGroup ?? doc.id;
  useEffect(() => watchVersions(repo, doc.id, versionGroup, setVersions), [repo, doc.id, versionGroup]);

  const s = doc.source;
  const self = versions.find((v) => v.id === doc.id);
  const others = versions.filter((v) => v.id !== doc.id);
  const openUrl = (url: string) => platform.openExternal(url).catch((e) => announce(describeError(e), 'error'));

  return (
    <div className="provenance">
      <dl aria-label="Provenance">
        <div>
          <dt>Source</dt>
          <dd>{sourceText(s)}</dd>
        </div>
        {s.url ? (
          <div>
            <dt>URL</dt>
            <dd>
              <a
                href={s.url}
                title="Opens in your web browser"
                rel="noreferrer noopener"
                onClick={(e) => {
                  e.preventDefault();
                  void openUrl(s.url!);
                }}
              >
                {displayUrl(s.url)}
              </a>
            </dd>
          </div>
        ) : null}
        {s.published ? (
          <div>
            <dt>Published</dt>
            <dd>{s.published}</dd>
          </div>
        ) : null}
        <div>
          <dt>Imported</dt>
          <dd>
            <time dateTime={doc.createdAt}>{new Date(doc.createdAt).toLocaleString()}</time>
          </dd>
        </div>
        <div>
          <dt>Hash</dt>
          <dd>
            <code title={`SHA-256 ${doc.contentHash}`} aria-label={`SHA-256 ${doc.contentHash.slice(0, SHORT_HASH)}`}>
              {doc.contentHash.slice(0, SHORT_HASH)}
            </code>
          </dd>
        </div>
        {self ? (
          <div>
            <dt>Version</dt>
            <dd>
              {self.version} of {versions.length}
            </dd>
          </div>
        ) : null}
      </dl>
      {others.length ? (
        <nav className="other-versions" aria-label="Other versions">
          <span>Other versions exist:</span>
          {others.map((v) => (
            <button key={v.id} type="button" className="version-link" onClick={() => onOpenVersion?.(v.id)}>
              Version {v.version} · {v.published ?? `imported ${new Date(v.createdAt).toLocaleDateString()}`}
            </button>
          ))}
        </nav>
      ) : null}
    </div>
  );
}

const KIND_NAMES: Record<string, string> = {
  file: 'text file',
  markdown: 'Markdown file',
  html: 'saved web page',
  jsonl: 'JSONL corpus',
  paste: 'pasted text',
  sample: 'sample article',
};

/** "Newsweek, by Jane Doe — saved web page news.html": outlet and author when known, then how it arrived. */
export function sourceText(s: DocumentSource): string {
  const who = [s.outlet, s.author ? `by ${s.author}` : undefined].filter(Boolean).join(', ');
  const how = [KIND_NAMES[s.kind] ?? s.kind, s.fileName].filter(Boolean).join(' ');
  const text = who ? `${who} — ${how}` : how;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The address without its scheme, cut in the middle when very long. */
function displayUrl(url: string): string {
  const bare = url.replace(/^https?:\/\//, '');
  return bare.length > 80 ? `${bare.slice(0, 50)}…${bare.slice(-25)}` : bare;
}
