/**
 * The one error type poolscope packages throw for failures a user can act on.
 * Libraries throw it; only the CLI entry turns it into a message and an exit code.
 */

/** Stable error codes. Scripts may match on them; never rename one. */
export const ERROR_CODES = {
  /** A command-line option or argument is wrong. */
  USAGE: 'E_USAGE',
  /** An input file's content is invalid (a cell, a header, the CSV syntax). */
  BAD_DATA: 'E_BAD_DATA',
  /** An input file or directory does not exist or cannot be read. */
  NOT_FOUND: 'E_NOT_FOUND',
  /** Files that must share a schema (merge, resume) do not. */
  SCHEMA_MISMATCH: 'E_SCHEMA_MISMATCH',
  /** An output file or directory cannot be written. */
  OUTPUT: 'E_OUTPUT',
  /** A runtime (an interpreter, a target) cannot be used. */
  RUNTIME: 'E_RUNTIME',
  /** A command or feature that does not exist yet. */
  NOT_IMPLEMENTED: 'E_NOT_IMPLEMENTED',
  /** The work was interrupted (Ctrl-C); what was finished is kept. */
  INTERRUPTED: 'E_INTERRUPTED',
  /** Something failed while working, not because of the input. */
  FAILED: 'E_FAILED',
  /** A bug in poolscope. */
  INTERNAL: 'E_INTERNAL',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/**
 * Process exit code for each error code: 2 for bad usage or bad input, 130 for an interrupt,
 * 1 for a failure while working.
 */
const EXIT_CODES: Record<ErrorCode, number> = {
  E_USAGE: 2,
  E_BAD_DATA: 2,
  E_NOT_FOUND: 2,
  E_SCHEMA_MISMATCH: 2,
  E_OUTPUT: 2,
  E_RUNTIME: 2,
  E_NOT_IMPLEMENTED: 1,
  E_INTERRUPTED: 130,
  E_FAILED: 1,
  E_INTERNAL: 1,
};

export interface PoolscopeErrorOptions {
  /** What the user can do about it, as one sentence. */
  hint?: string;
  cause?: unknown;
}

export class PoolscopeError extends Error {
  override readonly name = 'PoolscopeError';
  readonly code: ErrorCode;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options: PoolscopeErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.hint = options.hint;
  }

  /** The process exit code the CLI uses for this error. */
  get exitCode(): number {
    return EXIT_CODES[this.code];
  }
}

export function isPoolscopeError(value: unknown): value is PoolscopeError {
  return value instanceof PoolscopeError;
}
