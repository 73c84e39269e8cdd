import { describe, expect, it } from 'vitest';
import { TextIndex } from './textIndex.ts';
import { narrows } from './useLibrarySearch.ts';

const records = Array.from({ length: 40 }, (_, i) => ({ id: `d${i}`, title: `Report ${i}`, text: i % 2 ? 'Missile strike on Sevastopol' : 'Drone attack on Kaspiysk' }));

describe('TextIndex.searchTop', () => {
  it('sends back at most `limit` ids and says how many matched', () => {
    const index = new TextIndex();
    index.put(records);
    const top = index.searchTop('sevast', 5);
    expect(top.ids).toHaveLength(5);
    expect(top.total).toBe(20);
    expect(index.search('sevast')).toHaveLength(20);
  });

  it('only the last word is a prefix; earlier words are whole words', () => {
    const index = new TextIndex();
    index.put(records);
    expect(index.searchTop('missile sev', 100).total).toBe(20);
    expect(index.searchTop('miss sevastopol', 100).total).toBe(0);
    expect(index.searchTop('', 100)).toEqual({ ids: [], total: 0 });
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
  });
});
