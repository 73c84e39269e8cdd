import { describe, expect, it } from 'vitest';
import { candidateOf, DedupeIndex, urlKey } from './dedupe.ts';

const library = [
  { id: 'a1', contentHash: 'h-a1', url: 'https://www.news.example/2024/port-attack/', title: 'Port attacked', fileName: 'port.html' },
  { id: 'a2', contentHash: 'h-a2', url: 'https://news.example/2024/port-attack', title: 'Port attacked (updated)', versionOf: 'a1' },
  { id: 'b1', contentHash: 'h-b1', fileName: 'notes.txt', title: 'Field notes' },
];

describe('DedupeIndex', () => {
  it('skips the same text as a duplicate, whatever its name or address', () => {
    const index = new DedupeIndex(library);
    expect(index.classify({ contentHash: 'h-b1', title: 'Other', fileName: 'x.md' })).toEqual({ kind: 'duplicate', of: 'b1' });
  });

  it('makes different text at the same canonical address a new version of the first, after the latest', () => {
    const index = new DedupeIndex(library);
    const d = index.classify({ contentHash: 'h-new', url: 'http://news.example/2024/port-attack?utm_source=tw#comments', title: 'Anything' });
    expect(d).toEqual({ kind: 'new-version', of: 'a1', latest: 'a2' });
  });

  it('makes different text with the same file name and title a new version', () => {
    const index = new DedupeIndex(library);
    expect(index.classify({ contentHash: 'h-new', fileName: 'notes.txt', title: ' field  NOTES ' })).toEqual({ kind: 'new-version', of: 'b1', latest: 'b1' });
    expect(index.classify({ contentHash: 'h-new', fileName: 'notes.txt', title: 'Other title' })).toEqual({ kind: 'new' });
    expect(index.classify({ contentHash: 'h-new', fileName: 'other.txt', title: 'Field notes' })).toEqual({ kind: 'new' });
  });

  it('does not join two pages with different addresses that share a file name and title', () => {
    const index = new DedupeIndex(library);
    expect(index.classify({ contentHash: 'h-new', fileName: 'port.html', title: 'Port attacked', url: 'https://other.example/x' })).toEqual({ kind: 'new' });
    expect(index.classify({ contentHash: 'h-new', fileName: 'port.html', title: 'Port attacked' })).toEqual({ kind: 'new-version', of: 'a1', latest: 'a1' });
  });

  it('catches duplicates and versions within one batch as accepted documents are added', () => {
    const index = new DedupeIndex();
    const batch = [
      { contentHash: 'x', title: 'T', url: 'https://s.example/a' },
      { contentHash: 'x', title: 'T copy', fileName: 'copy.html' },
      { contentHash: 'y', title: 'T', url: 'https://s.example/a/' },
    ];
    const decisions = batch.map((c, i) => {
      const d = index.classify(c);
      if (d.kind !== 'duplicate') index.add({ ...c, id: `n${i}`, ...(d.kind === 'new-version' ? { versionOf: d.of } : {}) });
      return d;
    });
    expect(decisions).toEqual([{ kind: 'new' }, { kind: 'duplicate', of: 'n0' }, { kind: 'new-version', of: 'n0', latest: 'n0' }]);
  });

  it('does not identify corpus records by their shared file name', () => {
    const draft = { title: 'Daily briefing', source: { kind: 'jsonl', fileName: 'c.jsonl' } };
    expect(candidateOf(draft, 'h')).toEqual({ contentHash: 'h', title: 'Daily briefing' });
    expect(candidateOf({ title: 'T', source: { kind: 'file', fileName: 'a.txt', url: 'https://u.example' } }, 'h')).toEqual({ contentHash: 'h', title: 'T', fileName: 'a.txt', url: 'https://u.example' });
  });
});

describe('urlKey', () => {
  it('ignores scheme, www, fragment, trailing slash and tracking parameters, not real ones', () => {
    expect(urlKey('HTTPS://WWW.Example.com/a/b/?utm_medium=x&id=3&fbclid=z#top')).toBe('example.com/a/b?id=3');
    expect(urlKey('https://example.com/a/b?id=4')).not.toBe(urlKey('https://example.com/a/b?id=3'));
    expect(urlKey('javascript:alert(1)')).toBeUndefined();
    expect(urlKey('/relative')).toBeUndefined();
  });
});
