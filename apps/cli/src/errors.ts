import { isPoolscopeError } from '@poolscope/core';
import type { CliIO } from './io.js';
import { cliMessages } from './messages.js';

/**
 * Prints an error for a person: the message, a hint if there is one, and a stack trace only with
 * --debug. Returns the exit code.
 */
export function reportError(error: unknown, io: CliIO, debug: boolean): number {
  if (isPoolscopeError(error)) {
    io.stderr.write(`${cliMessages.errorPrefix}${error.message}\n`);
    if (error.hint) io.stderr.write(`${cliMessages.hintPrefix}${error.hint}\n`);
    if (debug && error.stack) io.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`${cliMessages.internal(message)}\n`);
  io.stderr.write(debug && error instanceof Error && error.stack ? `${error.stack}\n` : `${cliMessages.hintPrefix}${cliMessages.internalHint}\n`);
  return 1;
}
