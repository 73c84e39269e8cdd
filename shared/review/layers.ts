/**
 * Annotator layers as the review UI shows them: each with initials and a colour, so a layer is never told by
 * colour alone. The gold layer is the reviewer's annotations marked layer 'gold'.
 */
import type { Annotation } from '../model.ts';

export const GOLD = 'Gold';

/** The layer an annotation belongs to: its annotator, or Gold. */
export const layerOf = (a: Pick<Annotation, 'annotator' | 'layer'>): string => (a.layer === 'gold' ? GOLD : a.annotator);

export interface LayerStyle {
  name: string;
  initials: string;
  colour: string;
}

/** Distinct on white and to colour-blind readers as far as 8 colours go (Okabe–Ito order, darkened for text). */
const PALETTE = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#8a6d00', '#56b4e9', '#000000', '#e69f00'];
const GOLD_COLOUR = '#a16207';

/** Initials from the name's words ("Ana Analyst" → "AA", "ben" → "BE"), made unique within the set with a digit. */
export function layerStyles(names: readonly string[]): Map<string, LayerStyle> {
  const out = new Map<string, LayerStyle>();
  const used = new Set<string>();
  const sorted = [...new Set(names)].filter((n) => n !== GOLD).sort((a, b) => a.localeCompare(b));
  sorted.forEach((name, i) => {
    const words = name.replace(/\(.*?\)/g, ' ').split(/[\s._-]+/).filter(Boolean);
    const letters = (words.length >= 2 ? words[0]!.charAt(0) + words[1]!.charAt(0) : Array.from(words[0] ?? name).slice(0, 2).join('')).toUpperCase() || '?';
    let initials = letters;
    for (let n = 2; used.has(initials); n++) initials = `${letters}${n}`;
    used.add(initials);
    out.set(name, { name, initials, colour: PALETTE[i % PALETTE.length]! });
  });
  if (names.includes(GOLD)) out.set(GOLD, { name: GOLD, initials: 'G★', colour: GOLD_COLOUR });
  return out;
}
