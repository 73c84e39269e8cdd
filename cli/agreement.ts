import path from 'node:path';
import { agreementReport, formatReportText, reportToCsv } from '../shared/agreement/index.ts';
import { mergeLabelSets, type LabelDef } from '../shared/labels.ts';
import { mergeDatasets } from '../shared/merge.ts';
import { optionValue, parseArgs, UsageError } from './args.ts';
import type { Command } from './commands.ts';
import { formatProblems, loadDataset } from './load.ts';

export const agreement: Command = {
  name: 'agreement',
  summary: 'inter-annotator agreement over several annotators’ files',
  help: `Usage: factmark agreement <file>... [--from <format>] [--json | --csv]

Reads every file (any importable format; documents are matched by their text), and prints agreement between the
annotators: token-level Cohen's kappa per pair, Fleiss' kappa, Krippendorff's alpha (nominal), span-level
precision/recall/F1 (exact and overlap) per label, per article worst first. The labels are the files' label sets
(Factmark headers, first file first) in order, then any other label that occurs, sorted. In a format without annotator names
(brat, doccano) each file is one annotator, named after the file. --json prints the report as JSON, --csv as CSV.
Definitions: docs/AGREEMENT.md.
`,
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['from'], flags: ['json', 'csv'] });
    if (args.positionals.length === 0) throw new UsageError('agreement needs at least one file');
    if (args.options.has('json') && args.options.has('csv')) throw new UsageError('choose one of --json and --csv');
    const sources = [];
    let labels: LabelDef[] = [];
    for (const input of args.positionals) {
      const annotator = path.basename(input).replace(/\.[^.]+$/, '');
      const loaded = await loadDataset(input, io, optionValue(args, 'from'), { annotator });
      io.stderr(formatProblems(loaded, input));
      sources.push({ name: path.basename(input), dataset: loaded.dataset });
      if (loaded.dataset.labels) labels = mergeLabelSets(labels, loaded.dataset.labels).set;
    }
    const { dataset, warnings } = mergeDatasets(sources);
    for (const w of warnings) io.stderr(`warning: ${w}\n`);
    const annotators = new Set(dataset.annotations.map((a) => a.annotator));
    if (annotators.size < 2) {
      io.stderr(`Agreement needs at least two annotators; found ${annotators.size === 0 ? 'none' : [...annotators].join('')}.\n`);
      return 1;
    }
    const report = agreementReport(dataset, { labels });
    if (args.options.has('json')) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    else if (args.options.has('csv')) io.stdout(reportToCsv(report));
    else io.stdout(formatReportText(report));
    return 0;
  },
};
