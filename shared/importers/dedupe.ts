/**
 * The duplicate and version policy (docs/IMPORT.md, "Duplicates and versions"):
 *  - same text (contentHash) as a document already there → 'duplicate': skipped;
 *  - otherwise same canonical URL, or same file name and title → 'new-version' of that article;
 *  - otherwise → 'new'.
 * A DedupeIndex holds what is in the library; the caller adds each accepted document as it goes, so duplicates
 * within one batch are caught too.
 */

export interface DedupeCandidate {
  contentHash: string;
  url?: string;
  /** Only for files holding one article; corpus records share a file name, so leave it out (see `candidateOf`). */
  fileName?: string;
  title: string;
}

export interface DedupeEntry extends DedupeCandidate {
  id: string;
  /** The first version of the article, when this document is a later version. */
  versionOf?: string;
}

export type DedupeDecision =
  | { kind: 'duplicate'; of: string }
  /** `of` is the first version (what the new one's versionOf should be); `latest` the newest version so far. */
  | { kind: 'new-version'; of: string; latest: string }
  | { kind: 'new' };

/** A candidate from a draft: corpus (JSONL) records are not identified by their shared file name. */
export function candidateOf(
  draft: { title: string; source: { kind: string; url?: string; fileName?: string } },
  contentHash: string,
): DedupeCandidate {
  const c: DedupeCandidate = { contentHash, title: draft.title };
  if (draft.source.url) c.url = draft.source.url;
  if (draft.source.fileName && draft.source.kind !== 'jsonl') c.fileName = draft.source.fileName;
  return c;
}

const TRACKING_PARAMS = /^(?:utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_ga|igshid|ref_src|cmpid|ocid)$/i;

/**
 * One key for the spellings of one page's address: scheme, "www.", fragment, trailing slash, default port and
 * tracking parameters do not make a different article. Undefined for something that is not an http(s) URL.
 */
export function urlKey(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  const host = u.hostname.replace(/^www\./, '');
  const path = u.pathname.length > 1 ? u.pathname.replace(/\/+$/, '') : '';
  const params = [...u.searchParams].filter(([k]) => !TRACKING_PARAMS.test(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  return `${host}${u.port ? `:${u.port}` : ''}${path}${query}`;
}

function fileTitleKey(e: DedupeCandidate): string | undefined {
  if (!e.fileName) return undefined;
  return `${e.fileName}\u0000${e.title.replace(/\s+/g, ' ').trim().toLowerCase()}`;
}

export class DedupeIndex {
  private readonly byHash = new Map<string, string>();
  /** Keys map to the entries of one article, oldest first. */
  private readonly byUrl = new Map<string, DedupeEntry[]>();
  private readonly byFileTitle = new Map<string, DedupeEntry[]>();

  /** Builds an index of the library; give entries oldest first, so the newest version is the latest. */
  constructor(entries: Iterable<DedupeEntry> = []) {
    for (const e of entries) this.add(e);
  }

  /** Records a document that is now in the library (or accepted in this batch). */
  add(entry: DedupeEntry): void {
    if (!this.byHash.has(entry.contentHash)) this.byHash.set(entry.contentHash, entry.id);
    const u = urlKey(entry.url);
    if (u) append(this.byUrl, u, entry);
    const f = fileTitleKey(entry);
    if (f) append(this.byFileTitle, f, entry);
  }

  classify(candidate: DedupeCandidate): DedupeDecision {
    const same = this.byHash.get(candidate.contentHash);
    if (same !== undefined) return { kind: 'duplicate', of: same };
    const u = urlKey(candidate.url);
    const versions = (u && this.byUrl.get(u)) || this.fileTitleVersions(candidate);
    const latest = versions?.[versions.length - 1];
    if (!latest) return { kind: 'new' };
    return { kind: 'new-version', of: latest.versionOf ?? latest.id, latest: latest.id };
  }

  /** Same file name and title, unless both have addresses and they differ (two pages saved as "article.html"). */
  private fileTitleVersions(c: DedupeCandidate): DedupeEntry[] | undefined {
    const f = fileTitleKey(c);
    const list = f ? this.byFileTitle.get(f) : undefined;
    const u = urlKey(c.url);
    if (!list || !u) return list;
    const compatible = list.filter((e) => {
      const eu = urlKey(e.url);
      return !eu || eu === u;
    });
    return compatible.length ? compatible : undefined;
  }
}

function append(map: Map<string, DedupeEntry[]>, key: string, entry: DedupeEntry): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}
