/** Entry point of the factmark command line (bundled to dist/cli/factmark.mjs by scripts/build-node.mjs). */
import { nodeIo } from './io.ts';
import { run } from './run.ts';

process.exitCode = await run(process.argv.slice(2), nodeIo()).catch(() => 1);
