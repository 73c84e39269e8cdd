import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS, countLabels, highlightName, labelDef, labelForKey, labelIdFor, mergeLabelSets, parseLabelSet, stubLabel, validateLabelSet, type LabelDef } from './labels.ts';

const retraction: LabelDef = { id: 'retraction', name: 'Retraction', plural: 'retractions', key: '4', colour: '#0f766e', underline: 'dashed', description: 'An outlet withdrawing a report.' };
const messages = (set: readonly LabelDef[]) => validateLabelSet(set).map((p) => p.message);

describe('label set validation', () => {
  it('accepts the default set and a custom label', () => {
    expect(messages(DEFAULT_LABELS)).toEqual([]);
    expect(messages([...DEFAULT_LABELS, retraction])).toEqual([]);
  });

  it('names a key clash, a reader shortcut, a long key, an empty or repeated name, a bad colour, a repeated id', () => {
    expect(messages([...DEFAULT_LABELS, { ...retraction, key: '1' }])).toEqual(['Key “1” is used by both “Claim” and “Retraction”; each label needs its own key.']);
    expect(messages([...DEFAULT_LABELS, { ...retraction, key: 'J' }])).toEqual(['Key “J” of “Retraction” is already a reader shortcut; choose another.']);
    expect(messages([...DEFAULT_LABELS, { ...retraction, key: '45' }])).toEqual(['The key of “Retraction” must be a single character (or empty for none).']);
    expect(messages([...DEFAULT_LABELS, { ...retraction, name: '  ' }])).toEqual(['Label 4 needs a name.']);
    expect(messages([...DEFAULT_LABELS, { ...retraction, name: 'claim' }])).toEqual(['Two labels are called “claim”.']);
    expect(messages([...DEFAULT_LABELS, { ...retraction, colour: 'red' }])).toEqual(['The colour of “Retraction” must look like #1f6fd1.']);
    expect(messages([...DEFAULT_LABELS, { ...retraction, id: 'claim' }])).toEqual(['Two labels have the id “claim”.']);
    expect(messages([])).toEqual(['Keep at least one label.']);
  });

  it('allows labels without a key, and several of them', () => {
    expect(messages([...DEFAULT_LABELS, { ...retraction, key: '' }, { ...retraction, id: 'satire', name: 'Satire', key: '' }])).toEqual([]);
  });
});

describe('label look-ups over a set', () => {
  const set = [...DEFAULT_LABELS, retraction];
  it('finds a label by key (case-insensitive) only in the set given', () => {
    expect(labelForKey('4', set)).toBe('retraction');
    expect(labelForKey('4')).toBeUndefined();
    expect(labelForKey('1', set)).toBe('claim');
    expect(labelForKey('', [...set, { ...retraction, id: 'x', key: '' }])).toBeUndefined();
  });

  it('gives a stand-in for a label not in the set instead of throwing', () => {
    expect(labelDef('retraction', set)).toBe(retraction);
    expect(labelDef('rumour', set)).toMatchObject({ id: 'rumour', name: 'Rumour', key: '' });
  });

  it('counts every label met, configured or not', () => {
    expect(countLabels([{ label: 'claim' }, { label: 'retraction' }, { label: 'retraction' }])).toEqual({ claim: 1, denial: 0, unverified: 0, retraction: 2 });
  });

  it('makes ids from names, unique in the set', () => {
    expect(labelIdFor('Retraction', DEFAULT_LABELS)).toBe('retraction');
    expect(labelIdFor('Claim', DEFAULT_LABELS)).toBe('claim-2');
    expect(labelIdFor('Off the record!', DEFAULT_LABELS)).toBe('off-the-record');
  });

  it('names a valid, distinct highlight for any id; the defaults keep fm-claim…', () => {
    expect(highlightName('claim')).toBe('fm-claim');
    expect(highlightName('retraction')).toBe('fm-retraction');
    expect(highlightName('overlap')).not.toBe('fm-overlap');
    expect(highlightName('B-PER')).toMatch(/^fm--[0-9a-f-]+$/);
    expect(highlightName('B-PER')).not.toBe(highlightName('b-per'));
  });
});

describe('reading and merging sets', () => {
  it('reads stored sets, filling what is missing and dropping what is not a label', () => {
    expect(parseLabelSet('claim')).toBeNull();
    const set = parseLabelSet(['claim', { id: 'retraction', name: 'Retraction', colour: 'nope' }, { name: 'no id' }, { id: 'claim' }])!;
    expect(set.map((l) => l.id)).toEqual(['claim', 'retraction']);
    expect(set[0]).toEqual(DEFAULT_LABELS[0]);
    expect(set[1]!.colour).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('adds the labels an import brings; a clashing key is left empty with a warning; known labels keep their definition', () => {
    const { set, added, warnings } = mergeLabelSets(DEFAULT_LABELS, [{ ...DEFAULT_LABELS[0]!, colour: '#000000' }, { ...retraction, key: '2' }, 'rumour']);
    expect(set.map((l) => l.id)).toEqual(['claim', 'denial', 'unverified', 'retraction', 'rumour']);
    expect(set[0]!.colour).toBe('#1f6fd1');
    expect(added.map((l) => [l.id, l.key])).toEqual([['retraction', ''], ['rumour', '']]);
    expect(warnings).toEqual(['Label “Retraction” came with key “2”, which is taken in this library; it was added without a key.']);
    expect(validateLabelSet(set)).toEqual([]);
  });

  it('gives labels met without a definition a colour and underline in turn', () => {
    expect(stubLabel('a', DEFAULT_LABELS).underline).toBe('dashed');
    expect(stubLabel('a', DEFAULT_LABELS).colour).not.toBe(stubLabel('a', [...DEFAULT_LABELS, retraction]).colour);
  });
});
