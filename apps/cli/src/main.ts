import { CommanderError } from 'commander';
import { reportError } from './errors.js';
import { processIO, type CliIO } from './io.js';
import { buildProgram } from './program.js';

/** Commander's codes for output that is not an error. */
const NOT_ERRORS = new Set(['commander.helpDisplayed', 'commander.version']);

/**
 * Runs `poolscope` with `argv` (without the node and script paths) and returns the exit code:
 * 0 ok, 1 failure while working, 2 bad usage or bad input, 130 interrupted.
 */
export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its message (or the help) through io.
      if (NOT_ERRORS.has(error.code)) return 0;
      if (error.code === 'commander.help') return error.exitCode === 0 ? 0 : 2;
      return 2;
    }
    const names = new Set(program.commands.map((c) => c.name()));
    const command = argv.find((arg) => names.has(arg)) ?? '';
    return reportError(error, io, argv.includes('--debug'), command);
  }
}
