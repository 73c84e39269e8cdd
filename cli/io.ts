/** What commands may do to the outside world: injected so tests run commands in-process on a fake file system. */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(file: string): Promise<Uint8Array>;
  writeFile(file: string, data: string | Uint8Array): Promise<void>;
  /** Creates a directory and its parents. */
  mkdir(dir: string): Promise<void>;
  /** 'file', 'dir' or null when nothing is there. */
  kind(p: string): Promise<'file' | 'dir' | null>;
  /** Files under a directory, recursively, as paths relative to it with '/' separators. */
  listFiles(dir: string): Promise<string[]>;
}

export function nodeIo(): Io {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    readFile: async (f) => new Uint8Array(await readFile(f)),
    writeFile: (f, d) => writeFile(f, d),
    mkdir: async (d) => void (await mkdir(d, { recursive: true })),
    async kind(p) {
      try {
        const s = await stat(p);
        return s.isDirectory() ? 'dir' : 'file';
      } catch {
        return null;
      }
    },
    async listFiles(dir) {
      const entries = await readdir(dir, { recursive: true, withFileTypes: true });
      return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/')).sort();
    },
  };
}
