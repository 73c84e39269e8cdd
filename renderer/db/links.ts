/**
 * Read-only queries behind annotation links and details: claims across the library for the "Link to a claim"
 * picker, links into and out of an article (via the `answers` index), and source suggestions. Writes go through
 * the annotation session (Repository.apply) so they are undoable; nothing here writes.
 */
import { sourceSuggestions } from '../../shared/links.ts';
import type { Annotation } from '../../shared/model.ts';
import type { FactmarkDatabase } from './database.ts';

/** An annotation with the title of its article, as links and the picker show it. */
export interface LinkedAnnotation {
  annotation: Annotation;
  documentTitle: string;
  /** True when the article is in the trash. */
  inTrash: boolean;
}

export interface ArticleLinks {
  /** Targets of this article's `answers` links, by target id; a target id missing here no longer exists. */
  targets: Map<string, LinkedAnnotation>;
  /** Annotations (in any article) answering each annotation of this article, by the answered id. */
  answeredBy: Map<string, LinkedAnnotation[]>;
}

export class LinkQueries {
  constructor(private readonly db: FactmarkDatabase) {}

  private async withTitles(list: Annotation[]): Promise<LinkedAnnotation[]> {
    const ids = [...new Set(list.map((a) => a.documentId))];
    const docs = await this.db.documents.bulkGet(ids);
    const byId = new Map(ids.map((id, i) => [id, docs[i]]));
    return list.map((a) => {
      const d = byId.get(a.documentId);
      return { annotation: a, documentTitle: d?.title ?? 'an article no longer in the library', inTrash: !!d?.deletedAt };
    });
  }

  /**
   * Links into and out of the annotations given (one article's). Only annotations that have `answers` are in that
   * index, so the reverse side reads the (few) linking annotations of the library, not every annotation.
   */
  async articleLinks(annotations: readonly Annotation[]): Promise<ArticleLinks> {
    return this.db.transaction('r', this.db.annotations, this.db.documents, async () => {
      const ids = new Set(annotations.map((a) => a.id));
      const wanted = [...new Set(annotations.flatMap((a) => (a.answers ? [a.answers] : [])))];
      const found = (await this.db.annotations.bulkGet(wanted)).filter((a): a is Annotation => a !== undefined);
      const linking = (await this.db.annotations.orderBy('answers').toArray()).filter((a) => ids.has(a.answers!));
      const [targets, answering] = await Promise.all([this.withTitles(found), this.withTitles(linking)]);
      const answeredBy = new Map<string, LinkedAnnotation[]>();
      for (const l of answering) {
        const list = answeredBy.get(l.annotation.answers!) ?? [];
        list.push(l);
        answeredBy.set(l.annotation.answers!, list);
      }
      return { targets: new Map(targets.map((t) => [t.annotation.id, t])), answeredBy };
    });
  }

  /** One annotation with its article title, or undefined when it no longer exists. */
  async find(id: string): Promise<LinkedAnnotation | undefined> {
    const a = await this.db.annotations.get(id);
    return a ? (await this.withTitles([a]))[0] : undefined;
  }

  /**
   * Claims for the picker: every claim in the library not in the trash, this article's first, then by article title
   * and position. Read once per opening of the picker; `filterClaims` narrows them as the user types.
   */
  async claims(currentDocumentId: string): Promise<LinkedAnnotation[]> {
    return this.db.transaction('r', this.db.annotations, this.db.documents, async () => {
      const docs = new Map((await this.db.documents.toArray()).map((d) => [d.id, d]));
      const claims: LinkedAnnotation[] = [];
      // the [documentId+label] index: claims only, without reading denials and unverified reports
      const keys = [...docs.keys()].map((id) => [id, 'claim']);
      await this.db.annotations
        .where('[documentId+label]')
        .anyOf(keys)
        .each((a) => {
          const d = docs.get(a.documentId);
          if (d && !d.deletedAt) claims.push({ annotation: a, documentTitle: d.title, inTrash: false });
        });
      return claims.sort(
        (x, y) =>
          Number(y.annotation.documentId === currentDocumentId) - Number(x.annotation.documentId === currentDocumentId) ||
          x.documentTitle.localeCompare(y.documentTitle) ||
          x.annotation.start - y.annotation.start,
      );
    });
  }

  /** Source texts already used in the library, most used first. */
  async sourceSuggestions(): Promise<string[]> {
    const texts: string[] = [];
    await this.db.annotations.each((a) => {
      if (a.source?.text) texts.push(a.source.text);
    });
    return sourceSuggestions(texts);
  }
}

/** The claims whose quote or article title contains every word of the query (case-insensitive), at most `limit`. */
export function filterClaims(claims: readonly LinkedAnnotation[], query: string, limit = 100): { results: LinkedAnnotation[]; total: number } {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const matches = words.length
    ? claims.filter((c) => {
        const hay = `${c.annotation.quote}\n${c.documentTitle}`.toLocaleLowerCase();
        return words.every((w) => hay.includes(w));
      })
    : claims;
  return { results: matches.slice(0, limit), total: matches.length };
}
