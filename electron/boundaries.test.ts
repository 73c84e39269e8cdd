// The Electron layer stays thin: only main.ts and preload.ts touch Electron, and the sandboxed preload bundles to a
// single file that requires nothing but 'electron'.
import { build } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = path.dirname(new URL(import.meta.url).pathname);

describe('electron/ boundaries', () => {
  it('imports electron only from main.ts and preload.ts', () => {
    const importers = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .filter((f) => /from\s+['"]electron['"]|require\(\s*['"]electron['"]\s*\)/.test(readFileSync(path.join(dir, f), 'utf8')));
    expect(importers.sort()).toEqual(['main.ts', 'preload.ts']);
  });

  it('bundles the sandboxed preload so that it requires only electron', async () => {
    const result = await build({
      entryPoints: [path.join(dir, 'preload.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.text;
    const required = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(code).toContain('exposeInMainWorld("factmark"');
  });
});
