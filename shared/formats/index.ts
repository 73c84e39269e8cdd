/**
 * The dataset formats: one registry the app and the CLI read (ids, names, extensions, offset units, export and
 * import functions). Each format is described in docs/FORMATS.md.
 */
import { exportBrat, importBrat } from './brat.ts';
import { exportConll } from './conll.ts';
import { exportCsv } from './csv.ts';
import { exportDoccano, importDoccano } from './doccano.ts';
import { exportFactmark, importFactmark } from './factmark.ts';
import { exportLabelStudio, importLabelStudio } from './labelstudio.ts';
import { exportSpacy, importSpacy } from './spacy.ts';
import type { FormatDef, FormatId } from './types.ts';
import { exportW3c, importW3c } from './w3c.ts';

export const FORMATS: readonly FormatDef[] = [
  {
    id: 'factmark',
    name: 'Factmark JSONL',
    extensions: ['jsonl'],
    multiFile: false,
    offsetUnit: 'codepoint',
    loses: 'Nothing: every document and annotation field is kept.',
    export: exportFactmark,
    import: importFactmark,
  },
  {
    id: 'csv',
    name: 'CSV (one row per annotation)',
    extensions: ['csv'],
    multiFile: false,
    offsetUnit: 'codepoint',
    loses: 'Document texts, metadata other than the title, context quotes, update times, sources, confidence, evidence and links.',
    export: exportCsv,
  },
  {
    id: 'brat',
    name: 'brat standoff',
    extensions: ['zip'],
    multiFile: true,
    offsetUnit: 'codepoint',
    loses: 'Titles, metadata, annotators, annotation ids and times, sources, confidence and evidence; line breaks inside notes become spaces; links across articles.',
    export: exportBrat,
    import: importBrat,
  },
  {
    id: 'conll',
    name: 'CoNLL IOB2 (tokens)',
    extensions: ['conll'],
    multiFile: false,
    offsetUnit: 'token',
    loses: 'Everything but tokens and tags: overlapping spans keep only the longest; whitespace, notes, annotators, sources and links are lost.',
    export: exportConll,
  },
  {
    id: 'w3c',
    name: 'W3C Web Annotation (JSON-LD)',
    extensions: ['jsonld', 'json'],
    multiFile: false,
    offsetUnit: 'codepoint',
    loses: 'Sources, confidence and evidence URLs (notes and links are kept).',
    export: exportW3c,
    import: importW3c,
  },
  {
    id: 'spacy',
    name: 'spaCy / Prodigy spans (JSONL)',
    extensions: ['jsonl'],
    multiFile: false,
    offsetUnit: 'codepoint',
    loses: 'Annotation times, document blocks, sources, confidence, evidence and links.',
    export: exportSpacy,
    import: importSpacy,
  },
  {
    id: 'label-studio',
    name: 'Label Studio tasks (JSON)',
    extensions: ['json'],
    multiFile: false,
    offsetUnit: 'codepoint',
    loses: 'Per-span times (one time per annotator), document metadata and blocks, sources, confidence, evidence and links.',
    export: exportLabelStudio,
    import: importLabelStudio,
  },
  {
    id: 'doccano',
    name: 'doccano (JSONL)',
    extensions: ['jsonl'],
    multiFile: false,
    offsetUnit: 'codepoint',
    loses: 'Annotators, notes, annotation ids and times, document metadata, sources, confidence, evidence and links.',
    export: exportDoccano,
    import: importDoccano,
  },
];

export function formatById(id: string): FormatDef | undefined {
  return FORMATS.find((f) => f.id === id);
}

export const importableFormats = (): FormatDef[] => FORMATS.filter((f) => f.import);

export { detectFormat } from './detect.ts';
export { toZip, fromZip } from './zip.ts';
export { FORMAT_IDS } from './types.ts';
export type * from './types.ts';
export type { FormatId };
