import { ERROR_CODES, PoolscopeError } from '../errors.js';
import { coreMessages } from '../messages.js';

/**
 * Reads one option's value, given as command-line text or as a JSON value from a config file, and
 * refuses a bad one (E_USAGE) naming `where` (`--threads`, or `matrix.json: key 'threads'`) and
 * what the value must be.
 */
export type ValueParser<T> = (value: unknown, where: string) => T;

/** A value as the user wrote it: text as it is, anything else as JSON. */
const shown = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/**
 * The parser of one kind of value: `read` gives the value, or undefined when `value` is not one;
 * `expected` says what it must be ("a list of positive integers").
 */
export function valueParser<T>(expected: string, read: (value: unknown) => T | undefined): ValueParser<T> {
  return (value, where) => {
    const parsed = read(value);
    if (parsed === undefined) throw new PoolscopeError(ERROR_CODES.USAGE, coreMessages.badOption(where, expected, shown(value)));
    return parsed;
  };
}

/** An integer of at least `min`, given as digits or as a number; undefined otherwise. */
export function readInteger(value: unknown, min: number): number | undefined {
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= min ? n : undefined;
}

/** A finite number, given as text or as a number; undefined otherwise. */
export function readNumber(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** The items of a list given as `a,b,c` text (trimmed) or as a JSON array; one number is a list of one. */
export function readListItems(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return value.split(',').map((s) => s.trim());
  if (typeof value === 'number') return [value];
  return undefined;
}

/**
 * Runs `parse`; a PoolscopeError it throws without a hint is thrown again with `hint`, so a
 * command can say what to do about its own option.
 */
export function withHint<T>(hint: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof PoolscopeError && error.hint === undefined) throw new PoolscopeError(error.code, error.message, { hint, cause: error.cause });
    throw error;
  }
}
