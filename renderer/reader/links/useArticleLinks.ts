import { useEffect, useMemo, useRef, useState } from 'react';
import type { Annotation } from '../../../shared/model.ts';
import type { ArticleLinks } from '../../db/links.ts';
import { LinkQueries } from '../../db/links.ts';
import type { Repository } from '../../db/repository.ts';

const EMPTY: ArticleLinks = { targets: new Map(), answeredBy: new Map() };

/**
 * What an article's links depend on: its annotations that answer a claim (and their versions), and which of the
 * annotations its links have named are in it (and their versions). A tag, relabel or delete of any other annotation
 * leaves this unchanged, so the links are not read again on every key press.
 */
export function linkKey(annotations: readonly Annotation[], named: ReadonlySet<string>): string {
  const parts: string[] = [];
  for (const a of annotations) {
    if (a.answers) parts.push(`${a.id}>${a.answers}@${a.updatedAt}`);
    else if (named.has(a.id)) parts.push(`${a.id}@${a.updatedAt}`);
  }
  return parts.join(' ');
}

/**
 * Links into and out of the open article, read again whenever a committed change may have changed them (linkKey), so
 * a deleted claim shows as deleted and an undo brings its links straight back.
 */
export function useArticleLinks(repo: Repository, annotations: readonly Annotation[], loaded: boolean): { links: ArticleLinks; queries: LinkQueries } {
  const queries = useMemo(() => new LinkQueries(repo.db), [repo]);
  const [links, setLinks] = useState<ArticleLinks>(EMPTY);
  // every id the links have named since the article opened: a claim deleted and brought back by undo is still one
  const named = useRef(new Set<string>());
  for (const id of links.targets.keys()) named.current.add(id);
  for (const id of links.answeredBy.keys()) named.current.add(id);
  const key = useMemo(() => linkKey(annotations, named.current), [annotations, links]);
  const latest = useRef(annotations);
  latest.current = annotations;
  useEffect(() => {
    if (!loaded) return;
    let live = true;
    queries.articleLinks(latest.current).then(
      (l) => live && setLinks(l),
      () => live && setLinks(EMPTY),
    );
    return () => {
      live = false;
    };
  }, [queries, key, loaded]);
  return { links, queries };
}
