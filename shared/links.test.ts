import { describe, expect, it } from 'vitest';
import { makeAnnotation } from './annotation.ts';
import { applyOpToList, inverseOp, type AnnotationOp } from './history.ts';
import {
  answersTo, deleteImpact, detailsChanged, detailsOf, linkProblems, MAX_NOTE_LENGTH, parseEvidence, resolveLink, reverseLinkPhrase, sourceSuggestions,
  validateDetails, withDetails,
} from './links.ts';
import type { Annotation } from './model.ts';

const text = 'Kyiv said the port was hit. Moscow denied it. Officials could not confirm.';
const claim = makeAnnotation(text, { documentId: 'd1', annotator: 'Ana', label: 'claim', start: 0, end: 26 }, 't1');
const denial = { ...makeAnnotation(text, { documentId: 'd1', annotator: 'Ana', label: 'denial', start: 28, end: 44 }, 't2'), answers: claim.id };
const unverified = { ...makeAnnotation(text, { documentId: 'd1', annotator: 'Bea', label: 'unverified', start: 46, end: 73 }, 't3'), answers: claim.id };
const order = (a: Annotation, b: Annotation) => a.start - b.start;

describe('link integrity when the answered claim is deleted', () => {
  it('the denial keeps its link, which resolves as missing and says so; undo of the delete resolves it again', () => {
    let list: Annotation[] = [claim, denial, unverified];
    const del: AnnotationOp = { kind: 'delete', annotation: claim };
    expect(deleteImpact(claim, answersTo(claim.id, list))).toBe('2 annotations answered it and now answer a claim that was deleted.');
    list = applyOpToList(list, del, order);
    const byId = (id: string) => list.find((a) => a.id === id);
    const after = list.find((a) => a.id === denial.id)!;
    expect(after.answers).toBe(claim.id);
    expect(resolveLink(after, byId)).toEqual({ kind: 'missing', id: claim.id });

    list = applyOpToList(list, inverseOp(del), order);
    expect(resolveLink(list.find((a) => a.id === denial.id)!, byId)).toEqual({ kind: 'ok', target: claim });
  });

  it('clearing a link to a deleted claim is an update that undo reverses', () => {
    const cleared = withDetails(denial, { ...detailsOf(denial), answers: undefined }, 't9');
    expect(cleared.answers).toBeUndefined();
    const op: AnnotationOp = { kind: 'update', before: denial, after: cleared };
    const back = applyOpToList([cleared], inverseOp(op), order);
    expect(back[0]!.answers).toBe(claim.id);
  });

  it('nothing answers: no message; one answers: singular', () => {
    expect(deleteImpact(denial, [])).toBeNull();
    expect(deleteImpact(claim, [denial])).toBe('1 annotation answered it and now answers a claim that was deleted.');
  });

  it('a link is refused to itself and from a claim', () => {
    expect(linkProblems(denial, denial.id)).toEqual(['An annotation cannot answer itself.']);
    expect(linkProblems(claim, denial.id)[0]).toMatch(/Only a denial or an unverified report/);
    expect(linkProblems(denial, claim.id)).toEqual([]);
    expect(resolveLink(claim, () => undefined)).toEqual({ kind: 'none' });
    expect(reverseLinkPhrase(denial)).toBe('Denied by');
    expect(reverseLinkPhrase(unverified)).toBe('Answered by');
  });
});

describe('details', () => {
  it('evidence: web links kept (normalised, deduplicated), other schemes refused with the line', () => {
    const r = parseEvidence('https://example.org/a\n\n  javascript:alert(1)\nfile:///etc/passwd\nexample.org\nhttps://example.org/a');
    expect(r.urls).toEqual(['https://example.org/a']);
    expect(r.errors).toEqual([
      'Evidence line 3: “javascript:alert(1)” is a javascript: link; only web links (http:// or https://) are allowed.',
      'Evidence line 4: “file:///etc/passwd” is a file: link; only web links (http:// or https://) are allowed.',
      'Evidence line 5: “example.org” is not a web address; write it in full, starting with https:// or http://.',
    ]);
  });

  it('a very long note is refused with its length and the limit; the details are not applied', () => {
    const note = 'x'.repeat(MAX_NOTE_LENGTH + 1);
    expect(validateDetails(denial, { note })[0]).toMatch(/20,001 characters long; the limit is 20,000/);
    expect(validateDetails(denial, { note: 'fine\nmulti-line' })).toEqual([]);
  });

  it('withDetails stores only non-empty values and detailsChanged ignores no-op saves', () => {
    const a = withDetails(claim, { note: '  ', source: { text: ' Andriy Kovalenko ' }, confidence: 'high', evidence: [] }, 't5');
    expect(a).toMatchObject({ source: { text: 'Andriy Kovalenko' }, confidence: 'high', updatedAt: 't5' });
    expect('note' in a).toBe(false);
    expect('evidence' in a).toBe(false);
    expect(detailsChanged(a, detailsOf(a))).toBe(false);
    expect(detailsChanged(a, { ...detailsOf(a), confidence: 'low' })).toBe(true);
  });

  it('source suggestions: most used first, trimmed, distinct', () => {
    expect(sourceSuggestions(['Kremlin', ' Andriy Kovalenko', 'Kremlin', '', 'Andriy Kovalenko', 'Kremlin', 'AP'])).toEqual(['Kremlin', 'Andriy Kovalenko', 'AP']);
  });
});
