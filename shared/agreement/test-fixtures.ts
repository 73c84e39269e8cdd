import type { Label } from '../labels.ts';
import type { Annotation, FmDocument } from '../model.ts';

let seq = 0;
/** A minimal annotation record for tests. */
export function ann(documentId: string, annotator: string, label: Label, start: number, end: number, id = `${annotator}${++seq}`): Annotation {
  return { id, documentId, annotator, label, start, end, quote: '', prefix: '', suffix: '', createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z' };
}

export function doc(id: string, text: string, title = id): FmDocument {
  return { id, title, text, contentHash: '', source: { kind: 'paste' }, createdAt: '2024-01-01T00:00:00Z' };
}

/**
 * "Officials said the port was attacked. Russia denied it." has 9 tokens:
 * Officials 0–9, said 10–14, the 15–18, port 19–23, was 24–27, attacked 28–36, Russia 38–44, denied 45–51, it 52–54.
 * A: claim 0–37 (tokens 1–6), denial 38–55 (7–9).  B: claim 15–36 (3–6), denial 38–51 (7–8).
 * Per token  A: C C C C C C D D D   B: N N C C C C D D N
 * Cohen: p_o = 6/9, p_e = (6·4 + 3·2)/81 = 30/81 → κ = 24/51.
 * α: o_CC = 8, o_DD = 4, o_CN = o_NC = 2, o_DN = o_ND = 1; n = 18, n_N = 3, n_C = 10, n_D = 5
 *    → α = 1 − 17·6/(324 − 134) = 1 − 102/190.
 * Scott/Fleiss: P̄ = 6/9, P̄e = 134/324 → κ = 82/190.
 */
export const PORT_TEXT = 'Officials said the port was attacked. Russia denied it.';
export function portAnnotations(documentId = 'd1'): Annotation[] {
  return [ann(documentId, 'A', 'claim', 0, 37), ann(documentId, 'A', 'denial', 38, 55), ann(documentId, 'B', 'claim', 15, 36), ann(documentId, 'B', 'denial', 38, 51)];
}
export const PORT_KAPPA = 24 / 51;
export const PORT_ALPHA = 1 - 102 / 190;
export const PORT_FLEISS = 82 / 190;
