import { useEffect, useMemo, useState } from 'react';
import type { Annotation } from '../../../shared/model.ts';
import type { ArticleLinks } from '../../db/links.ts';
import { LinkQueries } from '../../db/links.ts';
import type { Repository } from '../../db/repository.ts';

const EMPTY: ArticleLinks = { targets: new Map(), answeredBy: new Map() };

/**
 * Links into and out of the open article, read again after every committed change to its annotations (the list
 * changes identity only then), so a deleted claim shows as deleted and an undo brings its links straight back.
 */
export function useArticleLinks(repo: Repository, annotations: readonly Annotation[], loaded: boolean): { links: ArticleLinks; queries: LinkQueries } {
  const queries = useMemo(() => new LinkQueries(repo.db), [repo]);
  const [links, setLinks] = useState<ArticleLinks>(EMPTY);
  useEffect(() => {
    if (!loaded) return;
    let live = true;
    queries.articleLinks(annotations).then(
      (l) => live && setLinks(l),
      () => live && setLinks(EMPTY),
    );
    return () => {
      live = false;
    };
  }, [queries, annotations, loaded]);
  return { links, queries };
}
