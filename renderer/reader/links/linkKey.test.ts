import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/model.ts';
import { linkKey } from './useArticleLinks.ts';

const base: Annotation = { id: 'x', documentId: 'd', annotator: 'Ana', label: 'claim', start: 0, end: 3, quote: 'abc', prefix: '', suffix: '', createdAt: 't', updatedAt: 't' };
const claim = { ...base, id: 'claim' };
const denial = { ...base, id: 'denial', label: 'denial', answers: 'claim' };
const other = { ...base, id: 'other', start: 5, end: 9 };

describe('linkKey (when an article’s links are read again)', () => {
  const named = new Set(['claim']);
  const key = linkKey([claim, denial, other], named);

  it('stays the same when an annotation no link names is tagged, relabelled or deleted', () => {
    expect(linkKey([claim, denial, other, { ...base, id: 'new', start: 12, end: 15 }], named)).toBe(key);
    expect(linkKey([claim, denial, { ...other, label: 'denial', updatedAt: 't2' }], named)).toBe(key);
    expect(linkKey([claim, denial], named)).toBe(key);
  });

  it('changes when a link is made, changed or cleared, or a named annotation is changed, deleted or brought back', () => {
    expect(linkKey([claim, denial, { ...other, answers: 'claim' }], named)).not.toBe(key);
    expect(linkKey([claim, { ...denial, answers: 'elsewhere' }, other], named)).not.toBe(key);
    expect(linkKey([claim, { ...denial, answers: undefined }, other], named)).not.toBe(key);
    expect(linkKey([{ ...claim, updatedAt: 't2' }, denial, other], named)).not.toBe(key);
    const deleted = linkKey([denial, other], named);
    expect(deleted).not.toBe(key);
    expect(linkKey([claim, denial, other], named)).not.toBe(deleted);
  });
});
