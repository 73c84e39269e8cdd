import path from 'node:path';
import { formatById, FORMAT_IDS, toZip, type ExportReport } from '../shared/formats/index.ts';
import { optionValue, parseArgs, UsageError } from './args.ts';
import type { Command } from './commands.ts';
import { formatArg, formatProblems, loadDataset } from './load.ts';

export const convert: Command = {
  name: 'convert',
  summary: 'convert a dataset from one format to another',
  help: `Usage: factmark convert <input> --to <format> [--out <path>] [--from <format>] [--excel] [--annotator <name>]

  <input>            a file, or a directory or .zip of brat .txt/.ann files
  --to <format>      ${FORMAT_IDS.join(', ')}
  --out <path>       output file; for brat a directory, or a zip when the path ends in .zip.
                     Single-file formats go to standard output when --out is left out or is "-".
  --from <format>    the input format, when it cannot be told from the file
  --excel            CSV for Excel: BOM, CRLF, formula-like cells escaped
  --annotator <name> annotator for formats that name none (brat, doccano); default "unknown"

Problems in the input are listed on standard error with their file and line; records with errors are skipped
and the exit code is then 1. Annotations the output format cannot carry are counted on standard error.
`,
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['to', 'out', 'from', 'annotator'], flags: ['excel'] });
    if (args.positionals.length !== 1) throw new UsageError('convert needs exactly one input');
    const input = args.positionals[0]!;
    const toId = optionValue(args, 'to');
    if (!toId) throw new UsageError(`convert needs --to <format> (one of ${FORMAT_IDS.join(', ')})`);
    const to = formatArg(toId, '--to');
    const out = optionValue(args, 'out');
    if (to.multiFile && (!out || out === '-')) throw new UsageError(`--to ${to.id} writes several files: give --out <directory> or --out <file.zip>`);
    const annotator = optionValue(args, 'annotator');
    const loaded = await loadDataset(input, io, optionValue(args, 'from'), annotator ? { annotator } : {});
    io.stderr(formatProblems(loaded, input));
    const result = to.export(loaded.dataset, { excel: args.options.has('excel') });
    if (!out || out === '-') {
      for (const f of result.files) io.stdout(typeof f.data === 'string' ? f.data : new TextDecoder().decode(f.data));
    } else if (to.multiFile && !out.toLowerCase().endsWith('.zip')) {
      if ((await io.kind(out)) === 'file') throw new UsageError(`${out} is a file; --to ${to.id} needs a directory or a .zip path`);
      for (const f of result.files) {
        const target = path.join(out, f.path);
        await io.mkdir(path.dirname(target));
        await io.writeFile(target, f.data);
      }
    } else {
      if ((await io.kind(out)) === 'dir') throw new UsageError(`${out} is a directory; give a file path`);
      await io.mkdir(path.dirname(path.resolve(out)));
      await io.writeFile(out, to.multiFile ? toZip(result.files) : result.files[0]!.data);
    }
    io.stderr(describeExport(result.report, loaded.format.id, out));
    const errors = loaded.problems.filter((p) => p.severity === 'error').length;
    if (errors) io.stderr(`${errors} problem(s) in the input skipped records (listed above).\n`);
    return errors ? 1 : 0;
  },
};

function describeExport(r: ExportReport, from: string, out: string | undefined): string {
  const to = formatById(r.format)!;
  const lines = [`Converted ${from} to ${r.format}: ${r.documents} document(s), ${r.annotations} annotation(s) written${out && out !== '-' ? ` to ${out}` : ''} (offsets: ${r.offsetUnit === 'codepoint' ? 'Unicode code points' : 'tokens'}).`];
  for (const l of r.leftOut) lines.push(`  left out ${l.count}: ${l.reason}`);
  for (const w of r.warnings ?? []) lines.push(`  ${w}`);
  if (to.loses) lines.push(`  ${to.name} does not carry: ${to.loses}`);
  return `${lines.join('\n')}\n`;
}
