/** Zip archives for multi-file exports and imports (fflate: pure JS, works in the renderer and Node). */
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { FormatFile } from './types.ts';

/** A fixed modification time keeps archives byte-identical between runs. */
const MTIME = new Date('2020-01-01T00:00:00Z');

export function toZip(files: FormatFile[]): Uint8Array {
  const tree: Zippable = {};
  for (const f of files) tree[f.path] = [typeof f.data === 'string' ? strToU8(f.data) : f.data, { mtime: MTIME }];
  return zipSync(tree, { level: 6 });
}

export type Unzipped = { ok: true; files: FormatFile[] } | { ok: false; reason: string };

/** The files in an archive (directories left out); a damaged archive gives a reason, never an exception. */
export function fromZip(bytes: Uint8Array): Unzipped {
  try {
    const entries = unzipSync(bytes);
    return { ok: true, files: Object.entries(entries).filter(([p]) => !p.endsWith('/')).map(([path, data]) => ({ path, data })) };
  } catch (e) {
    return { ok: false, reason: `it is not a readable zip archive (${e instanceof Error ? e.message : String(e)})` };
  }
}

export function isZip(file: FormatFile): boolean {
  const d = file.data;
  return typeof d !== 'string' && d.length >= 4 && d[0] === 0x50 && d[1] === 0x4b && d[2] === 0x03 && d[3] === 0x04;
}

/** Replaces zip archives among the input files by their contents (paths prefixed by nothing). */
export function expandZips(files: FormatFile[], onError: (file: string, reason: string) => void): FormatFile[] {
  return files.flatMap((f) => {
    if (!isZip(f)) return [f];
    const z = fromZip(f.data as Uint8Array);
    if (!z.ok) {
      onError(f.path, z.reason);
      return [];
    }
    return z.files;
  });
}
