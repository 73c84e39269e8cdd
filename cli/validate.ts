import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import schema from '../shared/formats/factmark.schema.json' with { type: 'json' };
import { decodeFile } from '../shared/formats/text.ts';
import type { FormatFile, ImportProblem } from '../shared/formats/index.ts';
import { optionValue, parseArgs, UsageError } from './args.ts';
import type { Command } from './commands.ts';
import { formatProblems, loadDataset } from './load.ts';

export const validate: Command = {
  name: 'validate',
  summary: 'check a dataset: schema, offsets against covered text, labels, duplicate ids',
  help: `Usage: factmark validate <file> [--from <format>]

Reads the dataset as an import would and lists every problem with its file and line: lines that do not match the
schema (Factmark JSONL is also checked against shared/formats/factmark.schema.json), offsets that do not select the
covered text, unknown labels, duplicate ids. Exit code 0 and a one-line summary when there is none, 1 otherwise.
`,
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['from'], flags: [] });
    if (args.positionals.length !== 1) throw new UsageError('validate needs exactly one file');
    const input = args.positionals[0]!;
    const loaded = await loadDataset(input, io, optionValue(args, 'from'));
    const problems = [...loaded.problems, ...(loaded.format.id === 'factmark' ? loaded.files.flatMap(schemaProblems) : [])];
    if (problems.length) {
      io.stdout(formatProblems({ ...loaded, problems }, input));
      const errors = problems.filter((p) => p.severity === 'error').length;
      io.stdout(`${input}: ${problems.length} problem(s) (${errors} error(s), ${problems.length - errors} warning(s)).\n`);
      return 1;
    }
    const { documents, annotations } = loaded.dataset;
    io.stdout(`OK ${input} (${loaded.format.name}): ${documents.length} document(s), ${annotations.length} annotation(s).\n`);
    return 0;
  },
};

let ajv: Ajv | undefined;
const validators = new Map<string, ReturnType<Ajv['compile']>>();

function validatorFor(definition: 'header' | 'document'): ReturnType<Ajv['compile']> {
  if (!ajv) {
    ajv = new Ajv({ allErrors: true });
    addFormats(ajv);
    ajv.addSchema(schema);
  }
  let v = validators.get(definition);
  if (!v) {
    v = ajv.compile({ $ref: `urn:factmark:schema:factmark-jsonl#/definitions/${definition}` });
    validators.set(definition, v);
  }
  return v;
}

/** JSON Schema errors of each line: line 1 against the header definition, the others against the document one. */
function schemaProblems(file: FormatFile): ImportProblem[] {
  const decoded = decodeFile(file);
  if (!decoded.ok) return [];
  const out: ImportProblem[] = [];
  decoded.text.split(/\r?\n/).forEach((text, i) => {
    if (!text.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return; // the import has reported it
    }
    const definition = i === 0 ? 'header' : 'document';
    const v = validatorFor(definition);
    if (!v(value)) {
      const msgs = (v.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim());
      out.push({ severity: 'error', file: file.path, line: i + 1, message: `does not match the schema's ${definition}: ${msgs.join('; ')}` });
    }
  });
  return out;
}
