import { isPoolscopeError } from '@poolscope/core';
import type { CliIO } from './io.js';
import { cliMessages } from './messages.js';

/**
 * Prints an error for a person: the message, a hint (the error's own, else one for its code, so
 * every rejection says what to do), and a stack trace only with --debug. `command` is the
 * subcommand that failed ('' if none), named in the fallback hint of a usage error. Returns the
 * exit code.
 */
export function reportError(error: unknown, io: CliIO, debug: boolean, command = ''): number {
  if (isPoolscopeError(error)) {
    io.stderr.write(`${cliMessages.errorPrefix}${error.message}\n`);
    const hint = error.hint ?? cliMessages.fallbackHints[error.code]?.(command);
    if (hint) io.stderr.write(`${cliMessages.hintPrefix}${hint}\n`);
    if (debug && error.stack) io.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`${cliMessages.internal(message)}\n`);
  io.stderr.write(debug && error instanceof Error && error.stack ? `${error.stack}\n` : `${cliMessages.hintPrefix}${cliMessages.internalHint}\n`);
  return 1;
}
