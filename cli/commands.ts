/**
 * The command table: one entry per command. A new command (e.g. "agreement") is one more line in COMMANDS.
 */
import type { Io } from './io.ts';
import { convert } from './convert.ts';
import { stats } from './stats.ts';
import { validate } from './validate.ts';
import { agreement } from './agreement.ts';

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full help: usage line and options. */
  help: string;
  /** Returns the exit code; throws UsageError for bad usage. */
  run(argv: string[], io: Io): Promise<number>;
}

export const COMMANDS: Command[] = [convert, validate, stats, agreement];
