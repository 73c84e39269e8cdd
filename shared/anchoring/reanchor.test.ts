import { describe, expect, it } from 'vitest';
import { textQuoteFor } from './quote.ts';
import { reanchor, type QuoteSelectorInput } from './reanchor.ts';

/** The selector an annotation on `quote` (its `nth` occurrence) in `text` carries. */
function selectorFor(text: string, quote: string, nth = 0): QuoteSelectorInput {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(quote, start + 1);
  if (start === -1) throw new Error(`“${quote}” not in the text`);
  const end = start + quote.length;
  const q = textQuoteFor(text, start, end);
  return { start, end, quote: q.exact, prefix: q.prefix, suffix: q.suffix };
}

const OLD =
  'Officials in Kyiv said the drone struck a power station overnight. ' +
  'Moscow denied responsibility for the strike on Tuesday. ' +
  'Independent observers have not confirmed the casualty figures. ' +
  'The ministry said no civilians were hurt.';

interface Case {
  name: string;
  old?: string;
  quote: string;
  nth?: number;
  next: string;
  /** The text the annotation should cover in `next`, or null for an orphan. */
  expect: { text: string; nth?: number; method: 'position' | 'context' | 'fuzzy' } | null;
}

const cases: Case[] = [
  { name: 'unchanged text keeps the position', quote: 'Moscow denied responsibility', next: OLD, expect: { text: 'Moscow denied responsibility', method: 'position' } },
  {
    name: 'moved: a sentence inserted before shifts the quote',
    quote: 'Moscow denied responsibility',
    next: 'Air raid sirens sounded across the capital. ' + OLD,
    expect: { text: 'Moscow denied responsibility', method: 'context' },
  },
  {
    name: 'moved: paragraphs reordered',
    quote: 'have not confirmed the casualty figures',
    next: 'Independent observers have not confirmed the casualty figures.\nOfficials in Kyiv said the drone struck a power station overnight.',
    expect: { text: 'have not confirmed the casualty figures', method: 'context' },
  },
  {
    name: 'moved: an emoji before the quote shifts UTF-16 offsets by two',
    quote: 'no civilians were hurt',
    next: OLD.replace('Officials', '🇺🇦 Officials'),
    expect: { text: 'no civilians were hurt', method: 'context' },
  },
  {
    name: 'edited: a word inserted inside the quote',
    quote: 'Moscow denied responsibility for the strike',
    next: OLD.replace('Moscow denied', 'Moscow firmly denied'),
    expect: { text: 'Moscow firmly denied responsibility for the strike', method: 'fuzzy' },
  },
  {
    name: 'edited: a word changed inside the quote keeps whole words',
    quote: 'the drone struck a power station',
    next: OLD.replace('power station', 'power plant'),
    expect: { text: 'the drone struck a power plant', method: 'fuzzy' },
  },
  {
    name: 'edited: after emoji, offsets stay UTF-16',
    old: '👩‍👩‍👧 ' + OLD,
    quote: 'the drone struck a power station',
    next: '👩‍👩‍👧 🇺🇦 ' + OLD.replace('power station', 'power plant'),
    expect: { text: 'the drone struck a power plant', method: 'fuzzy' },
  },
  {
    name: 'edited: a typo fixed',
    old: OLD.replace('casualty', 'casualy'),
    quote: 'have not confirmed the casualy figures',
    next: OLD,
    expect: { text: 'have not confirmed the casualty figures', method: 'fuzzy' },
  },
  {
    name: 'duplicated: the context tells the copies apart',
    old: 'He said no. She said no. They said yes.',
    quote: 'no',
    nth: 1,
    next: 'Then he said no. She said no. They said yes.',
    expect: { text: 'no', nth: 1, method: 'context' },
  },
  {
    name: 'duplicated: the paragraph appears twice with the same context, the position holds one copy',
    quote: 'Moscow denied responsibility',
    next: OLD + '\n' + OLD,
    expect: { text: 'Moscow denied responsibility', method: 'position' },
  },
  {
    name: 'duplicated: two identical copies, neither at the old position, is ambiguous',
    quote: 'Moscow denied responsibility',
    next: 'Update. ' + OLD + '\n' + OLD,
    expect: null,
  },
  { name: 'deleted: the sentence is gone', quote: 'Moscow denied responsibility for the strike', next: OLD.replace('Moscow denied responsibility for the strike on Tuesday. ', ''), expect: null },
  {
    name: 'deleted: mostly rewritten falls below the threshold',
    quote: 'The ministry said no civilians were hurt',
    next: OLD.replace('The ministry said no civilians were hurt.', 'Hospitals reported eleven people wounded.'),
    expect: null,
  },
  { name: 'deleted: a short quote is never fuzzily matched to similar letters', quote: 'Kyiv', next: OLD.replace('Kyiv', 'the capital'), expect: null },
];

describe('reanchor', () => {
  it.each(cases)('$name', ({ old = OLD, quote, nth, next, expect: want }) => {
    const result = reanchor(next, selectorFor(old, quote, nth));
    if (want === null) {
      expect(result).toBeNull();
      return;
    }
    const at = selectorFor(next, want.text, want.nth);
    expect(result).toMatchObject({ start: at.start, end: at.end, method: want.method });
    expect(result!.confidence).toBeGreaterThanOrEqual(0.75);
    expect(result!.confidence).toBeLessThanOrEqual(1);
  });

  it('honours a stricter threshold', () => {
    const selector = selectorFor(OLD, 'Moscow denied responsibility for the strike');
    const next = OLD.replace('Moscow denied', 'Moscow firmly denied');
    const loose = reanchor(next, selector, { threshold: 0.5 });
    expect(loose?.method).toBe('fuzzy');
    expect(reanchor(next, selector, { threshold: loose!.confidence + 0.01 })).toBeNull();
  });

  it('gives null for an empty quote', () => {
    expect(reanchor(OLD, { start: 0, end: 0, quote: '', prefix: '', suffix: '' })).toBeNull();
  });
});
