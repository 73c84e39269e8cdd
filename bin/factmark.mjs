#!/usr/bin/env node
// Launcher for the factmark command line: builds the bundle from cli/ when it is missing or older than the source.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist/cli/factmark.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (entry.name.endsWith('.ts') || entry.name.endsWith('.json')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

const stale = !existsSync(bundle) || statSync(bundle).mtimeMs < Math.max(newestSource(join(root, 'cli')), newestSource(join(root, 'shared')));
if (stale) execFileSync(process.execPath, [join(root, 'scripts/build-node.mjs'), 'cli'], { cwd: root, stdio: 'inherit' });
await import(pathToFileURL(bundle).href);
