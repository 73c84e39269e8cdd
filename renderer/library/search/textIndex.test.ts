import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { SearchStore } from './searchStore.ts';
import { TextIndex, hasBit, queryWords, type Hits } from './textIndex.ts';
import { keyNarrows, narrows } from './useLibrarySearch.ts';

const ids = (index: TextIndex, hits: Hits) => [...index.ids()].filter((id) => hasBit(hits.bits, index.ordinal(id)!)).sort();
const found = (index: TextIndex, q: string) => ids(index, index.search(q));

/** Articles over a small vocabulary, from a fixed seed, so queries have many matches of every kind. */
function corpus(n: number, seed = 3) {
  const words = ['missile', 'missiles', 'mission', 'sevastopol', 'sevastopol’s', 'kalibr', 'drone', 'port', 'denied', 'Kyiv', 'Crimea', 'café', 'strike'];
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  return Array.from({ length: n }, (_, i) => ({
    id: `d${i}`,
    title: `Report ${i} ${words[Math.floor(random() * words.length)]}`,
    text: Array.from({ length: 6 }, () => words[Math.floor(random() * words.length)]).join(' '),
  }));
}
const QUERIES = ['mis', 'missile', 'missiles', 'sevast', 'sevastopol s', 'kalibr dro', 'cafe', 'kyiv crimea strike', 'report 12', 'nothing', 'port denied missi'];

describe('TextIndex.search', () => {
  it('only the last word is a prefix; earlier words are whole words; every word must match (title or text)', () => {
    const index = new TextIndex();
    index.add([
      { id: 'a', title: 'Missile strike on Sevastopol', text: 'The shipyard was hit.' },
      { id: 'b', title: 'Drone attack', text: 'Kaspiysk port; a missile was seen.' },
      { id: 'c', title: 'Café in Kyiv', text: 'Nothing happened.' },
    ]);
    expect(found(index, 'missile sev')).toEqual(['a']);
    expect(found(index, 'miss sevastopol')).toEqual([]);
    expect(found(index, 'missile')).toEqual(['a', 'b']);
    expect(found(index, 'missile shipyard')).toEqual(['a']); // one word in the title, one in the text
    expect(found(index, 'CAFE kyiv')).toEqual(['c']);
    expect(index.search('missile').total).toBe(2);
    expect(index.search('  ').total).toBe(0);
  });

  it('answers the same after sealing, merging, removing and re-indexing as a fresh index of what is left', () => {
    const docs = corpus(3000);
    const index = new TextIndex();
    for (let i = 0; i < docs.length; i += 250) {
      index.add(docs.slice(i, i + 250));
      if (i % 750 === 0) index.seal();
    }
    index.remove(['d5', 'd700', 'd2999']);
    index.add([{ id: 'd10', title: 'Retitled', text: 'kalibr' }]);
    index.seal();
    index.remove(['d11']);
    const left = docs.filter((d) => !['d5', 'd700', 'd2999', 'd10', 'd11'].includes(d.id)).concat([{ id: 'd10', title: 'Retitled', text: 'kalibr' }]);
    const fresh = new TextIndex();
    fresh.add(left);
    for (const q of QUERIES) {
      expect(found(index, q), q).toEqual(found(fresh, q));
      expect(index.search(q).total, q).toBe(found(fresh, q).length);
      expect(ids(index, index.match(queryWords(q), q)), q).toEqual(ids(fresh, fresh.match(queryWords(q), q)));
    }
    // titles matched anywhere: "port 1" is in "Report 1…" titles only
    expect(ids(index, index.match(['port', '12'], ''))).toEqual(left.filter((d) => d.title.toLowerCase().includes('port') && d.title.includes('12')).map((d) => d.id).sort());
    expect(found(index, 'mis').length).toBeGreaterThan(1000);
    expect(index.size).toBe(left.length);
  });

  it('matches words anywhere in titles, or the text query, and nothing removed', () => {
    const index = new TextIndex();
    index.add([
      { id: 'a', title: 'Strike on Kaspiysk', text: 'A port was attacked.' },
      { id: 'b', title: 'Drone report', text: 'Kaspiysk port again.' },
      { id: 'c', title: 'Café kaspiysk', text: '' },
    ]);
    const match = (words: string[], text: string) => ids(index, index.match(words, text));
    expect(match(['spiy'], '')).toEqual(['a', 'c']); // inside a word: titles only
    expect(match(['spiy'], 'spiy')).toEqual(['a', 'c']);
    expect(match(['kaspiysk', 'port'], 'kaspiysk port')).toEqual(['a', 'b']);
    expect(match(['cafe'], '')).toEqual(['c']);
    index.remove(['c']);
    index.seal();
    expect(match(['spiy'], '')).toEqual(['a']);
    expect(index.match(['kaspiysk'], 'kaspiysk').total).toBe(2);
  });

  it('is stored and loaded whole: the loaded index answers as the one saved', async () => {
    const store = new SearchStore(`search-test-${Math.random()}`);
    const index = new TextIndex();
    const docs = corpus(1200, 11);
    index.add(docs.slice(0, 700));
    await store.save(index, index.seal(), index.bases, '2026-01-01T00:00:00Z');
    index.add(docs.slice(700));
    index.remove(['d3']);
    await store.save(index, index.seal(), index.bases, '2026-01-02T00:00:00Z');
    const loaded = (await store.load())!;
    expect(loaded.syncedAt).toBe('2026-01-02T00:00:00Z');
    expect(loaded.index.size).toBe(1199);
    expect(loaded.index.idsFrom(0)).toEqual(index.idsFrom(0));
    for (const q of QUERIES) expect(found(loaded.index, q), q).toEqual(found(index, q));
    // a stored segment gone missing: no index rather than a wrong one
    await store.segments.clear();
    expect(await store.load()).toBeNull();
    store.close();
    await store.delete();
  });
});

describe('narrows', () => {
  it('a longer last word or an added word narrows; a changed word does not', () => {
    expect(narrows('kalibr', 'kal')).toBe(true);
    expect(narrows('kalibr missile', 'kalibr')).toBe(true);
    expect(narrows('kalibr missile', 'kal')).toBe(true);
    expect(narrows('kalibr missile', 'dzhankoi')).toBe(false);
    expect(narrows('kal', 'kalibr')).toBe(false);
    expect(narrows('kalibr', '')).toBe(false);
    expect(narrows('drone port', 'drone')).toBe(true);
    // whole keys: titles' words, then the index's
    expect(keyNarrows('seva\nseva', 'sev\nsev')).toBe(true);
    expect(keyNarrows('sev\nsev', 'se\n')).toBe(false); // the index now answers too: more can match
    expect(keyNarrows('sev x\nsev', 'sev\nsev')).toBe(true);
    expect(keyNarrows('se\n', 's\n')).toBe(true);
  });
});
