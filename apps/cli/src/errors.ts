import { isPoolscopeError } from '@poolscope/core';
import type { CliIO } from './io.js';
import { cliMessages } from './messages.js';

/** The stack traces of an error and of each error that caused it, for --debug. */
function stacks(error: unknown): string {
  let text = '';
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 10; e = e.cause, depth++) {
    text += `${depth > 0 ? cliMessages.causedBy : ''}${e.stack ?? e.message}\n`;
  }
  return text;
}

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
    if (debug) io.stderr.write(stacks(error));
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`${cliMessages.internal(message)}\n`);
  io.stderr.write(debug && error instanceof Error ? stacks(error) : `${cliMessages.hintPrefix}${cliMessages.internalHint}\n`);
  return 1;
}
