// Bundles the Node-side entry points with esbuild: Electron's main process and preload (the sandboxed preload must
// be a single file) and the command line. `node scripts/build-node.mjs cli` builds only the command line.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const only = process.argv[2];
const entries = [
  { name: 'electron', in: 'electron/main.ts', out: 'dist/electron/main.cjs', format: 'cjs' },
  { name: 'electron', in: 'electron/preload.ts', out: 'dist/electron/preload.cjs', format: 'cjs' },
  { name: 'cli', in: 'cli/main.ts', out: 'dist/cli/factmark.mjs', format: 'esm' },
].filter((e) => (!only || e.name === only) && existsSync(e.in));

await Promise.all(
  entries.map((e) =>
    build({
      entryPoints: [e.in],
      outfile: e.out,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: e.format,
      external: ['electron'],
      sourcemap: true,
      logLevel: 'warning',
      ...(e.format === 'esm' ? { banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } } : {}),
    }),
  ),
);
