import { highlightName, type Label, type LabelDef, type LabelSet, type Underline } from '../../shared/labels.ts';

/**
 * Each label's colours and underline style as one constructed stylesheet (document.adoptedStyleSheets): the app's
 * CSP forbids inline <style>, and a configured label needs rules no static stylesheet can know. Adopted sheets come
 * after the document's, so these rules also override the static defaults in styles.css when a colour is changed.
 */
let sheet: CSSStyleSheet | null = null;
/** The rules in the sheet now. */
let applied = '';

/** The class naming a label in lists and tables: label-<id> for plain ids, as the highlight name otherwise. */
export function labelClass(id: Label): string {
  return `label-${highlightName(id).slice(3)}`;
}

/** Borders cannot be wavy: a dashed border stands in for a wavy underline. */
function borderStyle(u: Underline): string {
  return u === 'wavy' ? 'dashed' : u;
}

function rgba(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255} ${(n >> 8) & 255} ${n & 255} / ${alpha})`;
}

export function labelRules(l: LabelDef): string {
  const c = l.colour;
  const bg = rgba(c, 0.14);
  const cls = `.${labelClass(l.id)}`;
  const thickness = l.underline === 'dotted' ? '3px' : l.underline === 'wavy' ? '1.5px' : '2px';
  return [
    `::highlight(${highlightName(l.id)}) { background-color: ${bg}; text-decoration: underline ${l.underline} ${c} ${thickness}; }`,
    `.swatch${cls} { background: ${bg}; border-bottom-color: ${c}; border-bottom-style: ${borderStyle(l.underline)}; }`,
    `.annotation-item${cls} { border-left-color: ${c}; border-left-style: ${borderStyle(l.underline)}; }`,
    `.badge${cls} { color: ${c}; }`,
    `.cell-count${cls} { color: ${c}; font-weight: 600; }`,
    `.stack-span${cls} { background: ${bg}; color: ${c}; text-decoration: underline ${l.underline} ${c} 2px; }`,
    `.bar${cls} > span { background: ${c}; }`,
    `.sbs-span${cls} { background: ${bg}; }`,
  ].join('\n');
}

export function applyLabelStyles(set: LabelSet): void {
  if (typeof document === 'undefined' || typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  // colours are validated (#rrggbb) before a set is saved or loaded, so nothing here can break out of a rule
  const rules = set.map(labelRules).join('\n');
  // at start-up the stored set is usually the default one applied at load: re-parsing it would only restyle the page
  if (rules === applied) return;
  applied = rules;
  sheet.replaceSync(rules);
}
