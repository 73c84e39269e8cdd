/** Reading a dataset from a path in any importable format: detection, directories (brat), zips. */
import path from 'node:path';
import { detectFormat, formatById, FORMAT_IDS, type FormatDef, type FormatFile, type ImportOptions, type ImportResult } from '../shared/formats/index.ts';
import { UsageError } from './args.ts';
import type { Io } from './io.ts';

export interface Loaded extends ImportResult {
  format: FormatDef;
  files: FormatFile[];
}

export function formatArg(id: string, flag: string): FormatDef {
  const f = formatById(id);
  if (!f) throw new UsageError(`${flag} ${id}: unknown format (one of ${FORMAT_IDS.join(', ')})`);
  return f;
}

export async function loadDataset(input: string, io: Io, from: string | undefined, options: ImportOptions = {}): Promise<Loaded> {
  const kind = await io.kind(input);
  if (!kind) throw new UsageError(`${input}: no such file or directory`);
  let files: FormatFile[];
  if (kind === 'dir') {
    const names = await io.listFiles(input);
    files = await Promise.all(names.map(async (n) => ({ path: n, data: await io.readFile(path.join(input, n)) })));
    if (!files.length) throw new UsageError(`${input}: the directory is empty`);
  } else {
    files = [{ path: input, data: await io.readFile(input) }];
  }
  let format: FormatDef;
  if (from) format = formatArg(from, '--from');
  else {
    const probe = kind === 'dir' ? (files.find((f) => f.path.endsWith('.ann')) ?? files[0]!) : files[0]!;
    const id = detectFormat(probe.path, probe.data.slice(0, 4096) as Uint8Array);
    if (!id) throw new UsageError(`${input}: cannot tell its format; say it with --from (one of ${FORMAT_IDS.join(', ')})`);
    format = formatById(id)!;
  }
  if (!format.import) throw new UsageError(`${input}: ${format.name} can be written but not read; read from one of ${FORMAT_IDS.filter((id) => formatById(id)!.import).join(', ')}`);
  const result = await format.import(files, options);
  return { ...result, format, files };
}

/** "file:line: severity: message", one per line, in file and line order. */
export function formatProblems(loaded: ImportResult, fallbackFile: string): string {
  return [...loaded.problems]
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.file ?? '').localeCompare(b.p.file ?? '') || (a.p.line ?? 0) - (b.p.line ?? 0) || a.i - b.i)
    .map(({ p }) => `${p.file ?? fallbackFile}${p.line ? `:${p.line}` : ''}: ${p.severity}: ${p.message}\n`)
    .join('');
}
