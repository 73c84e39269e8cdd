/** The command line's top level: help, dispatch through the command table, and errors without stack traces. */
import { UsageError } from './args.ts';
import { COMMANDS } from './commands.ts';
import type { Io } from './io.ts';

export function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `Usage: factmark <command> [options]

Convert, check and count annotated datasets (claims, denials, unverified statements) made with Factmark.

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run "factmark <command> --help" for a command's options.
`;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (!name || name === '--help' || name === '-h' || name === 'help') {
      const cmd = COMMANDS.find((c) => c.name === rest[0]);
      io.stdout(cmd ? cmd.help : mainHelp());
      return name ? 0 : 1;
    }
    const cmd = COMMANDS.find((c) => c.name === name);
    if (!cmd) throw new UsageError(`unknown command "${name}"`);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(cmd.help);
      return 0;
    }
    return await cmd.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`factmark: ${e.message}\nRun "factmark --help" for usage.\n`);
    } else {
      const err = e as NodeJS.ErrnoException;
      const what = err?.code && err.path ? `${err.path}: ${err.code === 'EACCES' ? 'permission denied' : err.code === 'ENOENT' ? 'no such file or directory' : err.code}` : err instanceof Error ? err.message : String(e);
      io.stderr(`factmark: ${what}\n`);
    }
    return 1;
  }
}
