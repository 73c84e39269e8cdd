import { agreementLabels } from '../shared/agreement/categories.ts';
import { optionValue, parseArgs, UsageError } from './args.ts';
import type { Command } from './commands.ts';
import { formatProblems, loadDataset } from './load.ts';

export const stats: Command = {
  name: 'stats',
  summary: 'count documents, and annotations per label and annotator',
  help: `Usage: factmark stats <file> [--from <format>] [--json]

Prints the number of documents and annotations, and annotations per label and per annotator (a table of
annotator by label). The labels are the file's label set (a Factmark file's header) in its order, then any other
label that occurs, sorted; a file without a set shows the labels that occur. --json prints the same as one JSON
object ("labels" gives the order). Problems in the input go to standard error.
`,
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['from'], flags: ['json'] });
    if (args.positionals.length !== 1) throw new UsageError('stats needs exactly one file');
    const input = args.positionals[0]!;
    const loaded = await loadDataset(input, io, optionValue(args, 'from'));
    io.stderr(formatProblems(loaded, input));
    const { documents, annotations } = loaded.dataset;
    // the file's own set first (a label it defines but nobody used still gets its 0), then strays, so nothing is hidden
    const labels = agreementLabels(loaded.dataset.labels, annotations.map((a) => a.label));
    const zeros = () => Object.fromEntries(labels.map((l) => [l, 0])) as Record<string, number>;
    const perLabel = zeros();
    const perAnnotator: Record<string, Record<string, number>> = {};
    for (const a of annotations) {
      perLabel[a.label] = (perLabel[a.label] ?? 0) + 1;
      const row = (perAnnotator[a.annotator] ??= zeros());
      row[a.label] = (row[a.label] ?? 0) + 1;
    }
    if (args.options.has('json')) {
      io.stdout(`${JSON.stringify({ format: loaded.format.id, documents: documents.length, annotations: annotations.length, labels, perLabel, perAnnotator })}\n`);
      return 0;
    }
    const names = Object.keys(perAnnotator).sort();
    const width = Math.max(9, ...names.map((n) => n.length));
    const cols = [...labels, 'total'];
    const row = (name: string, counts: number[]) => `  ${name.padEnd(width)}  ${counts.map((c, i) => String(c).padStart(cols[i]!.length)).join('  ')}\n`;
    let out = `${input} (${loaded.format.name})\n  documents    ${documents.length}\n  annotations  ${annotations.length}\n\n`;
    out += `  ${'annotator'.padEnd(width)}  ${cols.join('  ')}\n`;
    for (const n of names) {
      const counts = labels.map((l) => perAnnotator[n]![l] ?? 0);
      out += row(n, [...counts, counts.reduce((x, y) => x + y, 0)]);
    }
    out += row('all', [...labels.map((l) => perLabel[l] ?? 0), annotations.length]);
    io.stdout(out);
    return 0;
  },
};
